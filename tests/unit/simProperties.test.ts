/** Invariants of the simulator on random small scenarios (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';
import { prepareRun, simulateScenario, collectResults } from '../../src/core/sim/simulate';
import { Simulation } from '../../src/core/sim/simulation';
import { warmupSkip } from '../../src/core/sim/stats';

const PROFILES = ['test-2GB-100ms', 'test-4GB-150ms', 'alpa/bert-1.3b'];
const CONFIGS = [
  { op: 1, pp: 1 },
  { op: 1, pp: 2 },
  { op: 1, pp: 4 },
];

/** Random scenarios: 1-5 models, 1-4 groups of pp 1/2/4, random membership, gamma traffic, random SLOs. */
const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    models: fc.array(
      fc.record({
        profile: fc.constantFrom(...PROFILES),
        rate: fc.double({ min: 0.2, max: 20, noNaN: true }),
        cv: fc.double({ min: 0.3, max: 6, noNaN: true }),
        sloScale: fc.double({ min: 0.5, max: 10, noNaN: true }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    groups: fc.array(fc.record({ cfg: fc.constantFrom(...CONFIGS), members: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    seed: fc.nat(10_000),
    duration: fc.double({ min: 5, max: 60, noNaN: true }),
    warmup: fc.double({ min: 0, max: 3, noNaN: true }),
  })
  .map(({ models, groups, seed, duration, warmup }) => {
    const names = models.map((_, i) => `m${i}`);
    return {
      version: 1,
      cluster: { devices: 16, memoryGB: 1000 },
      models: models.map((m, i) => ({ name: names[i], ...m })),
      workload: { kind: 'gamma', duration, seed },
      placement: {
        groups: groups.map((g) => ({ dp: 1, ...g.cfg, models: names.filter((_, i) => g.members[i]) })),
      },
      simulation: { warmup },
    } as Scenario;
  });

function runs(s: Scenario) {
  const run = prepareRun(parseScenarioOrThrow(s));
  const sim = new Simulation(run.input);
  sim.runToEnd();
  return { run, sim };
}

describe('simulator invariants (property tests)', () => {
  it('attainment is in [0, 1], overall and per model', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { run, sim } = runs(s);
        if (run.arrivals.time.length < 3 || 2 * warmupSkip(run.arrivals.time, s.simulation!.warmup!) >= run.arrivals.time.length) return;
        const r = collectResults(run, sim);
        expect(r.attainment).toBeGreaterThanOrEqual(0);
        expect(r.attainment).toBeLessThanOrEqual(1);
        for (const m of Object.values(r.perModel)) {
          if (m.attainment !== null) {
            expect(m.attainment).toBeGreaterThanOrEqual(0);
            expect(m.attainment).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("every good request's latency is within its SLO; rejected ones finish at arrival", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { run, sim } = runs(s);
        const { time, model } = run.arrivals;
        for (let i = 0; i < time.length; i++) {
          if (sim.good[i]) expect(sim.finish[i] - time[i]).toBeLessThanOrEqual(run.input.slo[model[i]]);
          else expect(sim.finish[i]).toBe(time[i]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('identical input gives identical results', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const a = runs(s);
        const b = runs(JSON.parse(JSON.stringify(s)));
        expect(Array.from(b.sim.finish)).toEqual(Array.from(a.sim.finish));
        expect(Array.from(b.sim.good)).toEqual(Array.from(a.sim.good));
      }),
      { numRuns: 50 },
    );
  });

  it('a model with no replica gets 0 and is counted in no group', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const placed = new Set(('groups' in s.placement! ? s.placement.groups : []).flatMap((g) => g.models));
        const { run, sim } = runs(s);
        let grouped = 0;
        for (const g of sim.states[0].groupRequests) grouped += g;
        let placedRequests = 0;
        for (let i = 0; i < run.arrivals.time.length; i++) {
          const name = s.models[run.arrivals.model[i]].name;
          if (!placed.has(name)) expect(sim.good[i]).toBe(0);
          else placedRequests++;
        }
        expect(grouped).toBe(placedRequests);
      }),
      { numRuns: 100 },
    );
  });

  it('trimming drops exactly skip requests from each end, never more', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { run, sim } = runs(s);
        const n = run.arrivals.time.length;
        const skip = warmupSkip(run.arrivals.time, s.simulation!.warmup!);
        if (n === 0 || 2 * skip >= n) {
          expect(() => collectResults(run, sim)).toThrow();
          return;
        }
        const r = collectResults(run, sim);
        expect(r.window.skip).toBe(skip);
        const windowRequests = Object.values(r.perModel).reduce((a, m) => a + m.requests, 0);
        expect(windowRequests).toBe(n - 2 * skip);
        expect(r.window.requests).toBe(n - 2 * skip);
        if (skip === 0) expect(r.attainment).toBe(r.untrimmed.attainment);
      }),
      { numRuns: 150 },
    );
  });

  it('stepping to a time and then to the end gives the same run as one go', () => {
    fc.assert(
      fc.property(arbScenario, fc.double({ min: 0, max: 1, noNaN: true }), (s, frac) => {
        const whole = runs(s);
        const run = prepareRun(parseScenarioOrThrow(s));
        const sim = new Simulation(run.input);
        sim.runUntil((s.workload as { duration: number }).duration * frac);
        expect(sim.next).toBeLessThanOrEqual(sim.total);
        sim.runToEnd();
        expect(Array.from(sim.finish)).toEqual(Array.from(whole.sim.finish));
      }),
      { numRuns: 50 },
    );
  });
});

describe('statistics edge cases', () => {
  const one = (warmup: number) =>
    ({
      version: 1,
      cluster: { devices: 1, memoryGB: 13 },
      models: [{ name: 'a', profile: 'test-2GB-100ms', rate: 1, cv: 1, slo: 1 }],
      workload: { kind: 'explicit', requests: [[0, 'a'], [1, 'a'], [2, 'a'], [3, 'a']] },
      placement: { groups: [{ dp: 1, op: 1, pp: 1, models: ['a'] }] },
      simulation: { warmup },
    }) as Scenario;
  it('warmup 0 trims nothing (where the reference crashes)', () => {
    expect(simulateScenario(parseScenarioOrThrow(one(0))).window.skip).toBe(0);
  });
  it('a warmup that leaves no request is a scenario error naming the warmup', () => {
    expect(() => simulateScenario(parseScenarioOrThrow(one(2)))).toThrow(/simulation\.warmup: a warmup of 2 s trims 2 requests from each end of 4/);
  });
  it('a workload without requests is a scenario error', () => {
    const s = one(0);
    s.models[0].rate = 0;
    s.workload = { kind: 'gamma', duration: 10, seed: 0 };
    expect(() => simulateScenario(parseScenarioOrThrow(s))).toThrow('workload: the workload has no requests');
  });
  it('latency figures are null for a model without good requests, attainment 0', () => {
    const s = one(0);
    s.models.push({ name: 'b', profile: 'test-2GB-100ms', rate: 1, cv: 1, slo: 0.05 });
    s.workload = { kind: 'explicit', requests: [[0, 'a'], [1, 'b'], [2, 'a']] };
    s.placement = { groups: [{ dp: 1, op: 1, pp: 1, models: ['a', 'b'] }] };
    const r = simulateScenario(parseScenarioOrThrow(s));
    expect(r.perModel.b).toEqual({ requests: 1, good: 0, attainment: 0, latencyMean: null, latencyP50: null, latencyP90: null, latencyP99: null });
  });
});
