/**
 * The search's incremental evaluation is exact: the counting kernel equals the
 * simulator kernel, and re-simulating only the component a step changes gives
 * the same counters, latencies and score as simulating the whole placement
 * afresh, and as simulateScenario on the training workload.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allModels, policyContext, problemOf } from '../../src/core/placement/context';
import { runCountingKernel } from '../../src/core/placement/countingKernel';
import { beamSearch, nextGreedyStep } from '../../src/core/placement/greedy';
import { SILENT } from '../../src/core/placement/progress';
import { sumNumpy } from '../../src/core/placement/numpy';
import {
  addReplica,
  emptyState,
  evaluateGroups,
  simulateComponent,
  stateAttainment,
  stateScore,
  type PlacementState,
} from '../../src/core/placement/state';
import { solvePolicy } from '../../src/core/placement/index';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';
import { newKernelState } from '../../src/core/sim/kernel';
import { prepareRun, simulateScenario } from '../../src/core/sim/simulate';
import { Simulation } from '../../src/core/sim/simulation';

const PROFILES = ['test-2GB-100ms', 'test-4GB-150ms', 'alpa/bert-1.3b'];
const CONFIGS = [
  { op: 1, pp: 1 },
  { op: 1, pp: 2 },
  { op: 1, pp: 4 },
];

const arbModels = fc.array(
  fc.record({
    profile: fc.constantFrom(...PROFILES),
    rate: fc.double({ min: 0.3, max: 12, noNaN: true }),
    cv: fc.constantFrom(0.5, 1, 3, 8),
    sloScale: fc.double({ min: 0.8, max: 8, noNaN: true }),
  }),
  { minLength: 1, maxLength: 5 },
);

/** Random placements on random traffic (cv 8 gives many identical arrival times). */
const arbPlaced: fc.Arbitrary<Scenario> = fc
  .record({
    models: arbModels,
    groups: fc.array(fc.record({ cfg: fc.constantFrom(...CONFIGS), members: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }) }), {
      minLength: 1,
      maxLength: 5,
    }),
    seed: fc.nat(1000),
  })
  .map(({ models, groups, seed }) => {
    const names = models.map((_, i) => `m${i}`);
    return parseScenarioOrThrow({
      version: 1,
      cluster: { devices: 32, memoryGB: 1000 },
      models: models.map((m, i) => ({ name: names[i], ...m })),
      workload: { kind: 'gamma', duration: 30, seed },
      placement: { groups: groups.map((g) => ({ dp: 1, ...g.cfg, models: names.filter((_, i) => g.members[i]) })) },
    });
  });

describe('runCountingKernel', () => {
  it('gives the counters and latencies of runKernel', () => {
    fc.assert(
      fc.property(arbPlaced, (s) => {
        const run = prepareRun(s);
        const sim = new Simulation(run.input);
        sim.runToEnd();
        const p = run.input.placements[0];
        const { time, model } = run.arrivals;
        const n = time.length;
        const st = newKernelState(p);
        const modelGood = new Float64Array(s.models.length);
        const latency = new Float64Array(n).fill(NaN);
        const reqs = Int32Array.from({ length: n }, (_, i) => i);
        runCountingKernel(p, st, run.models.slo, time, model, reqs, modelGood, latency, reqs);
        const expGood = new Float64Array(s.models.length);
        for (let i = 0; i < n; i++) {
          expGood[model[i]] += sim.good[i];
          expect(latency[i]).toBe(sim.finish[i] - time[i]);
        }
        expect(Array.from(modelGood)).toEqual(Array.from(expGood));
        expect(Array.from(st.groupRequests)).toEqual(Array.from(sim.states[0].groupRequests));
        expect(Array.from(st.clock)).toEqual(Array.from(sim.states[0].clock));
      }),
      { numRuns: 60 },
    );
  });
});

function sameCounters(a: PlacementState, b: PlacementState): void {
  expect(Array.from(a.modelGood)).toEqual(Array.from(b.modelGood));
  expect(Array.from(a.latency)).toEqual(Array.from(b.latency));
  expect(a.groups.map((g) => g.requests)).toEqual(b.groups.map((g) => g.requests));
  expect(a.replicas).toBe(b.replicas);
}

describe('incremental evaluation (one component per step)', () => {
  it('equals a fresh simulation of the whole placement after every greedy step, and simulateScenario at the end', () => {
    const arbPolicy = fc
      .record({
        models: arbModels,
        devices: fc.integer({ min: 1, max: 6 }),
        memoryGB: fc.constantFrom(4.5, 6, 9),
        cfg: fc.constantFrom(...CONFIGS),
        seed: fc.nat(1000),
      })
      .map(({ models, devices, memoryGB, cfg, seed }) => ({
        cfg,
        scenario: parseScenarioOrThrow({
          version: 1,
          cluster: { devices, memoryGB },
          models: models.map((m, i) => ({ name: `m${i}`, ...m })),
          workload: { kind: 'gamma', duration: 30, seed },
          policy: { name: 'mp-search' },
          train: 'test',
          simulation: { warmup: 0 },
        }),
      }));
    fc.assert(
      fc.property(arbPolicy, ({ cfg, scenario }) => {
        const ctx = policyContext(scenario, false);
        if (ctx.train.time.length === 0) return;
        const p = problemOf(ctx, allModels(ctx));
        const groups = Array.from({ length: ctx.devices }, () => cfg);
        const st = emptyState(p, groups);
        for (let steps = 0; ; steps++) {
          sameCounters(st, evaluateGroups(p, st.groups));
          const step = nextGreedyStep(p, st);
          if (step === null) break;
          simulateComponent(p, st, addReplica(p, st, step.group, step.model, true));
        }
        // the same figures from the simulator of src/core/sim
        const placed: Scenario = {
          ...scenario,
          policy: undefined,
          train: undefined,
          placement: { groups: st.groups.map((g) => ({ dp: 1, op: g.cfg.op, pp: g.cfg.pp, models: g.models.map((m) => `m${m}`) })) },
        };
        delete placed.policy;
        delete placed.train;
        const res = simulateScenario(placed);
        expect(stateAttainment(p, st)).toBe(res.untrimmed.attainment);
        expect(st.groups.map((g) => g.requests)).toEqual(res.untrimmed.groups!.map((g) => g.requests));
        expect(Math.abs(stateScore(p, st) - res.score)).toBeLessThan(1e-12);
        expect(stateScore(p, st)).toBe(
          stateAttainment(p, st) - sumNumpy(st.latency) / p.nAll / 1e4 + st.replicas / 1e6,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('beam search: children scored on the shared parent arrays leave every kept state exact', () => {
    const arb = fc.record({ models: arbModels, devices: fc.integer({ min: 1, max: 4 }), beam: fc.integer({ min: 1, max: 3 }), seed: fc.nat(1000) });
    fc.assert(
      fc.property(arb, ({ models, devices, beam, seed }) => {
        const scenario = parseScenarioOrThrow({
          version: 1,
          cluster: { devices, memoryGB: 9 },
          models: models.map((m, i) => ({ name: `m${i}`, ...m })),
          workload: { kind: 'gamma', duration: 20, seed },
          policy: { name: 'sr-search' },
          train: 'test',
        });
        const ctx = policyContext(scenario, false);
        if (ctx.train.time.length === 0) return;
        const p = problemOf(ctx, allModels(ctx));
        const init = emptyState(p, Array.from({ length: devices }, () => ({ op: 1, pp: 1 })));
        const best = beamSearch(p, init, beam, SILENT);
        sameCounters(best, evaluateGroups(p, best.groups));
        // the initial state was the parent of the first level: untouched
        sameCounters(init, evaluateGroups(p, init.groups));
      }),
      { numRuns: 30 },
    );
  });

  it("a policy's reported train figures are those of its placement on the training workload", () => {
    const s = parseScenarioOrThrow({
      version: 1,
      cluster: { devices: 4, memoryGB: 6 },
      models: [0, 1, 2].map((i) => ({ name: `m${i}`, profile: 'test-2GB-100ms', rate: 2 + i, cv: 3, sloScale: 4 })),
      workload: { kind: 'gamma', duration: 50, seed: 3 },
      policy: { name: 'mp-search' },
      train: { kind: 'gamma', duration: 80, seed: 11 },
    });
    const r = solvePolicy(s);
    const onTrain = simulateScenario({ ...s, workload: { kind: 'gamma', duration: 80, seed: 11 }, placement: r.placement, policy: undefined, train: undefined });
    expect(r.trainAttainment).toBe(onTrain.untrimmed.attainment);
    expect(Math.abs(r.trainScore - onTrain.score)).toBeLessThan(1e-12);
  });
});
