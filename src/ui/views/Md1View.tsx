/**
 * The M/D/1 preset's figure: the section 3.4 formulas as curves, and the same
 * two placements simulated (in the worker pool) at each utilisation as points.
 */
import { useEffect, useMemo, useState } from 'react';
import { alphaMax, betaMax, md1Curves, md1Scenario, presetById, type PresetMd1 } from '../../core/presets';
import type { EnginePool } from '../../pool/enginePool';
import { usePlanner } from '../../state/store';
import { drawMd1Chart, drawOverheadLimits, type Md1ChartData, type OverheadLimitsData } from '../charts/md1Chart';
import { ChartView } from './ChartView';

/** Shorter runs than the preset's unit test (36000 s): enough for points a browser draws in a few seconds. */
const SIMULATED_SECONDS = 7200;

export function Md1View({ pool }: { pool: EnginePool }) {
  const meta = usePlanner((s) => s.scenario.meta?.preset);
  // presetById gives a fresh copy on every call: keep one per preset id
  const md1: PresetMd1 | undefined = useMemo(() => (typeof meta === 'string' ? presetById(meta)?.md1 : undefined), [meta]);
  const [points, setPoints] = useState<Md1ChartData['points']>([]);
  useEffect(() => {
    if (!md1) return;
    let live = true;
    setPoints([]);
    void Promise.all(
      md1.utilisations.map(async (u) => {
        const [simple, pipeline] = await Promise.all([pool.analyse(md1Scenario(u, 'simple', SIMULATED_SECONDS)), pool.analyse(md1Scenario(u, 'pipeline', SIMULATED_SECONDS))]);
        return { utilisation: u, simple: simple.results.latencyMean ?? NaN, pipeline: pipeline.results.latencyMean ?? NaN };
      }),
    ).then((p) => live && setPoints(p));
    return () => {
      live = false;
    };
  }, [md1, pool]);
  const data = useMemo<Md1ChartData | null>(
    () => (md1 ? { curves: md1Curves(md1.D, md1.utilisations, { overhead: md1.overhead }), points } : null),
    [md1, points],
  );
  const limits = useMemo<OverheadLimitsData>(() => ({ points: Array.from({ length: 39 }, (_, i) => (i + 1) * 0.05).map((r) => ({ r, alphaMax: alphaMax(r), betaMax: betaMax(r) })) }), []);
  if (!md1) return null;
  return (
    <>
    <ChartView
      id="md1"
      title="M/D/1: one model per GPU vs a 2-stage pipeline"
      data={data}
      draw={drawMd1Chart}
      caption={`Curves: the section 3.4 formulas (W_simple, W_pipeline) plus the simulator's fixed ${md1.overhead} s; points: the simulator, ${SIMULATED_SECONDS} s of Poisson traffic per point${points.length === 0 ? ' (simulating…)' : ''}.`}
    />
    <ChartView
      id="md1-limits"
      title="How much pipeline overhead is tolerable?"
      data={limits}
      draw={drawOverheadLimits}
      caption="The pipeline keeps the lower mean latency while its communication overhead stays below alpha_max (stages alpha D / 2 + alpha D) or its stages stay more even than beta_max, at load r (the reference doc's section 3.4 formulas; alpha_max peaks at about 1.138 near r = 1.17)."
    />
    </>
  );
}
