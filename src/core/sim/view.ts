/**
 * What the page's views need from one run, computed where the run is (a
 * worker) so that only summaries cross to the page: the v1 results, a sample
 * of the good requests' latency distribution (for a CDF), the per-GPU memory
 * of the placement, and optionally the per-request events of a time window.
 * One pass of the simulator: the window is recorded on the way, then the run
 * goes on to the end (recordWindow serves requests through the same kernel).
 */
import { configMemoryGB, findConfig } from '../profiles/types';
import { resolveProfile } from '../scenario/crossChecks';
import { isSegmented, type GroupSpec, type Scenario } from '../scenario/types';
import { recordWindow, type EventWindow } from './events';
import type { Results } from './results';
import { collectResults, prepareRun } from './simulate';
import { Simulation } from './simulation';

export interface RunViewOptions {
  /** points of the latency sample (quantiles 0 .. 1 of the good requests' latencies), default 200 */
  cdfPoints?: number;
  /** record the events of [from, to) (not with the batching simulator) */
  window?: { from: number; to: number; maxEvents?: number };
}

export interface GroupMemory {
  /** per stage: GB per GPU used by the group's models */
  perStageGB: number[];
}

export interface RunView {
  results: Results;
  /** latencies of good requests at evenly spaced quantiles, ascending (all of them when there are few) */
  latencySample: number[];
  /** per model: its SLO in seconds */
  sloSeconds: Record<string, number>;
  /** memory of the first segment's groups, in group order */
  memory: GroupMemory[];
  window: EventWindow | null;
}

/** Evenly spaced order statistics of `sorted` (ascending), at most `points` of them. */
export function quantileSample(sorted: Float64Array, points: number): number[] {
  const n = sorted.length;
  if (n <= points) return Array.from(sorted);
  const out: number[] = [];
  for (let k = 0; k < points; k++) out.push(sorted[Math.round((k * (n - 1)) / (points - 1))]);
  return out;
}

export function groupMemory(s: Scenario, groups: readonly GroupSpec[]): GroupMemory[] {
  const byName = new Map(s.models.map((m) => [m.name, m]));
  return groups.map((g) => {
    const perStageGB = new Array<number>(g.pp).fill(0);
    for (const name of g.models) {
      const model = byName.get(name);
      const profile = model && resolveProfile(s, model.profile);
      const cfg = profile && findConfig(profile, { dp: g.dp, op: g.op, pp: g.pp });
      if (!cfg) continue;
      for (let k = 0; k < g.pp; k++) perStageGB[k] += cfg.weightGB[k] ?? configMemoryGB(cfg);
    }
    return { perStageGB };
  });
}

/** Simulate a scenario with a placement and summarise it for the views. */
export function analyseRun(s: Scenario, options: RunViewOptions = {}): RunView {
  const run = prepareRun(s);
  const sim = new Simulation(run.input);
  let window: EventWindow | null = null;
  if (options.window && !run.input.batching) {
    const { from, to, maxEvents } = options.window;
    window = recordWindow(sim, from, to, maxEvents ?? 2000);
  }
  sim.runToEnd();
  const results = collectResults(run, sim);
  const { time } = run.arrivals;
  let good = 0;
  for (let i = 0; i < time.length; i++) good += sim.good[i];
  const lat = new Float64Array(good);
  for (let i = 0, j = 0; i < time.length; i++) if (sim.good[i]) lat[j++] = sim.finish[i] - time[i];
  lat.sort();
  const sloSeconds: Record<string, number> = {};
  run.models.names.forEach((n, m) => (sloSeconds[n] = run.models.slo[m]));
  const placement = s.placement!;
  const groups = isSegmented(placement) ? placement.segments[0]?.groups ?? [] : placement.groups;
  return {
    results,
    latencySample: quantileSample(lat, options.cdfPoints ?? 200),
    sloSeconds,
    memory: groupMemory(s, groups),
    window,
  };
}
