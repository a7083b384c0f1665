/**
 * The paper's experiments as presets (docs/presets.md): scenarios with a
 * short text, the published number they reproduce and ours, and where the
 * experiment is a comparison, the placements, policies or sweep to run.
 */
import { ABLATION_PRESETS } from './ablation';
import { END_TO_END_PRESETS } from './endToEnd';
import { MOTIVATION_PRESETS } from './motivation';
import { QUEUEING_PRESETS } from './queueing';
import { STUDY_PRESETS } from './studies';
import type { Preset } from './types';

export type { Preset, PresetMd1, PresetSweep, PresetVariant } from './types';
export { alphaMax, betaMax, md1Curves, md1Wait, pipelineTimes, wPipeline, wPipelineEqual, wSimple, wSimpleEqual, type Md1Point } from './md1';
export { md1Scenario, md1SimulatedPoints, MD1_UTILISATIONS, type Md1SimulatedPoint } from './queueing';

export const PRESETS: Preset[] = [...MOTIVATION_PRESETS, ...QUEUEING_PRESETS, ...STUDY_PRESETS, ...END_TO_END_PRESETS, ...ABLATION_PRESETS];

const BY_ID = new Map(PRESETS.map((p) => [p.id, p]));

/** The preset with this id (a fresh copy: callers may edit it), or undefined. */
export function presetById(id: string): Preset | undefined {
  const p = BY_ID.get(id);
  return p ? structuredClone(p) : undefined;
}
