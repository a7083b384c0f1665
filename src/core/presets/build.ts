/** Small helpers the preset files share: model lists, placements, sweep presets. */
import type { GroupSpec, ModelSpec, Scenario } from '../scenario/types';
import { powerLawRates } from '../workload/rates';
import type { Preset, PresetSweep } from './types';

/** `count` models cycling through `profiles` (names `<profile>-<k>`), power-law rates summing to `totalRate` (the paper's synthetic distribution). */
export function powerLawModels(profiles: readonly string[], count: number, totalRate: number, cv: number, sloScale: number): ModelSpec[] {
  const rates = powerLawRates(totalRate, count);
  return rates.map((rate, i) => {
    const profile = profiles[i % profiles.length];
    return { name: `${profile}-${Math.floor(i / profiles.length)}`, profile, rate, cv, sloScale };
  });
}

/** `count` models of one profile with equal rates. */
export function equalModels(profile: string, count: number, rate: number, cv: number, sloScale: number): ModelSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name: `${profile}-${i}`, profile, rate, cv, sloScale }));
}

/** One group per model, each of configuration (1, op, pp). */
export function onePerGroup(models: readonly ModelSpec[], op = 1, pp = 1): GroupSpec[] {
  return models.map((m) => ({ dp: 1, op, pp, models: [m.name] }));
}

/** One (1, 1, pp) pipeline holding every model. */
export function onePipeline(models: readonly ModelSpec[], pp: number): GroupSpec[] {
  return [{ dp: 1, op: 1, pp, models: models.map((m) => m.name) }];
}

export interface SweepPresetInput {
  id: string;
  title: string;
  text: string;
  reproduces: string;
  ours: string;
  /** the base scenario (its placement or policy is replaced by the last policy of the sweep) */
  base: Scenario;
  sweep: PresetSweep;
}

/**
 * A sweep preset: the base scenario runs the sweep's last policy (the
 * AlpaServe-like one) with the others to compare, and carries the sweep in
 * its "ui" block, where the page's Sweep panel and shared links read it.
 */
export function sweepPreset(p: SweepPresetInput): Preset {
  const { base, sweep } = p;
  const scenario: Scenario = structuredClone(base);
  delete scenario.placement;
  scenario.policy = { name: sweep.policies[sweep.policies.length - 1] };
  scenario.name = p.title;
  scenario.meta = { ...(scenario.meta ?? {}), preset: p.id };
  scenario.ui = { ...(scenario.ui ?? {}), sweep: { variable: sweep.variable, values: [...sweep.values], policies: [...sweep.policies] } };
  return {
    id: p.id,
    title: p.title,
    text: p.text,
    reproduces: p.reproduces,
    ours: p.ours,
    scenario,
    sweep,
    compare: sweep.policies.slice(0, -1),
  };
}

/** Tag a scenario with its preset id and title. */
export function tagged(s: Scenario, id: string, title: string): Scenario {
  return { ...s, name: title, meta: { ...(s.meta ?? {}), preset: id } };
}
