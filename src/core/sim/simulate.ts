/**
 * Scenario in, v1 results out: generate the workload, compile the placement,
 * run the fast simulator, and compute the statistics. Pure: no DOM, no Node.
 */
import { ScenarioError } from '../scenario/errors';
import { DEFAULT_WARMUP, isSegmented, type GroupSpec, type Scenario } from '../scenario/types';
import type { Arrivals } from '../workload/arrivals';
import { generateWorkload } from '../workload/generate';
import { compileModels, compilePlacement, type CompiledModels } from './compile';
import type { GroupStats, Results } from './results';
import { Simulation, type SimulationInput } from './simulation';
import { placementScore, warmupSkip, windowStats } from './stats';

export interface PreparedRun {
  scenario: Scenario;
  models: CompiledModels;
  arrivals: Arrivals;
  input: SimulationInput;
}

/** Everything a run needs, without running it (the stepper and the CLI share this). */
export function prepareRun(s: Scenario, arrivals?: Arrivals): PreparedRun {
  if (s.policy) {
    // planScenario (src/core/plan.ts) places first; the simulator itself needs a placement
    throw new ScenarioError([{ path: 'policy', message: `the policy "${s.policy.name}" must choose a placement before simulating (use planScenario)` }]);
  }
  if (!s.placement) throw new ScenarioError([{ path: '', message: 'give a "placement"' }]);
  const batching = s.simulation?.batching ?? false;
  const models = compileModels(s);
  const arr = arrivals ?? generateWorkload(s.workload, s.models);
  const segs: { start: number; groups: GroupSpec[] }[] = isSegmented(s.placement)
    ? s.placement.segments
    : [{ start: 0, groups: s.placement.groups }];
  const placements = segs.map((seg) => compilePlacement(models, seg.groups, { batching }));
  return {
    scenario: s,
    models,
    arrivals: arr,
    input: {
      arrivals: arr,
      slo: models.slo,
      numModels: models.names.length,
      placements,
      segmentStarts: segs.map((x) => x.start),
      batching,
    },
  };
}

function groupStats(sim: Simulation, p: number, busySpan: number): GroupStats[] {
  const st = sim.states[p];
  const pl = sim.input.placements[p];
  const out: GroupStats[] = [];
  for (let g = 0; g < pl.numGroups; g++) {
    const pp = pl.stageStart[g + 1] - pl.stageStart[g];
    out.push({
      requests: st.groupRequests[g],
      good: st.groupGood[g],
      busyFraction: busySpan > 0 ? st.groupBusy[g] / (pp * busySpan) : 0,
    });
  }
  return out;
}

/** Statistics of a finished run in the v1 results shape. */
export function collectResults(run: PreparedRun, sim: Simulation): Results {
  const s = run.scenario;
  const { time, model } = run.arrivals;
  const { finish, good } = sim;
  const n = time.length;
  const names = run.models.names;
  const warmup = s.simulation?.warmup ?? DEFAULT_WARMUP;
  if (n === 0) throw new ScenarioError([{ path: 'workload', message: 'the workload has no requests' }]);
  const skip = warmupSkip(time, warmup);
  if (2 * skip >= n) {
    throw new ScenarioError([
      {
        path: 'simulation.warmup',
        message: `a warmup of ${warmup} s trims ${skip} requests from each end of ${n} (spanning ${time[n - 1] - time[0]} s): no request is left`,
      },
    ]);
  }
  const win = windowStats(names.length, time, model, finish, good, skip, n - skip);
  const all = windowStats(names.length, time, model, finish, good, 0, n);
  const perModel: Results['perModel'] = {};
  const untrimmedPerModel: Results['untrimmed']['perModel'] = {};
  names.forEach((name, m) => {
    perModel[name] = win.perModel[m];
    untrimmedPerModel[name] = { requests: all.perModel[m].requests, good: all.perModel[m].good };
  });
  let lastClock = time[n - 1];
  for (const st of sim.states) for (const c of st.clock) if (c > lastClock) lastClock = c;
  const busySpan = lastClock - time[0];
  const untrimmed: Results['untrimmed'] = { attainment: all.good / n, perModel: untrimmedPerModel };
  const placement = s.placement!;
  if (isSegmented(placement)) {
    untrimmed.segments = placement.segments.map((seg, i) => ({
      start: seg.start,
      requests: sim.bounds[i + 1] - sim.bounds[i],
      groups: groupStats(sim, i, busySpan),
    }));
  } else {
    untrimmed.groups = groupStats(sim, 0, busySpan);
  }
  const replicas = sim.input.placements[0].replicas;
  return {
    placement,
    attainment: win.good / win.requests,
    perModel,
    latencyMean: win.latencyMean,
    untrimmed,
    window: { skip, requests: win.requests, latencyMeanAllRequests: win.latencyMeanAllRequests },
    score: placementScore(all.good, n, (all.latencyMeanAllRequests ?? 0) * n, replicas),
    simulation: { batching: run.input.batching, warmup },
  };
}

/** Run a scenario with a given placement to the end and return its results. */
export function simulateScenario(s: Scenario, arrivals?: Arrivals): Results {
  const run = prepareRun(s, arrivals);
  const sim = new Simulation(run.input);
  sim.runToEnd();
  return collectResults(run, sim);
}
