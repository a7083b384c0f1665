/**
 * Options beyond the reference (docs/placement.md), each off by default, each
 * with a case where it wins; and progress reporting and cancellation.
 */
import { describe, expect, it } from 'vitest';
import { placeScenario, SearchCancelled, solvePolicy, type PolicyProgress } from '../../src/core/placement/index';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';
import { simulateScenario } from '../../src/core/sim/simulate';
import { generateWorkload } from '../../src/core/workload/generate';
import { readRefJson } from './reference';

/** Train figures of the policy and the untrimmed attainment of its placement on the test workload. */
function run(s: Scenario) {
  const r = solvePolicy(s);
  return { r, test: simulateScenario(placeScenario(s)).untrimmed.attainment };
}

describe('"beam": k for AlpaServe (the paper\'s Algorithm 1 instead of the fast greedy)', () => {
  // found by a random search over small scenarios: the greedy's first choices box it in
  const base = {
    version: 1,
    cluster: { devices: 4, memoryGB: 4.5 },
    models: [
      { name: 'm0', profile: 'test-2GB-100ms', rate: 1.61, cv: 1, sloScale: 2 },
      { name: 'm1', profile: 'test-2GB-100ms', rate: 0.92, cv: 1, sloScale: 5 },
      { name: 'm2', profile: 'test-2GB-100ms', rate: 2.44, cv: 4, sloScale: 2 },
      { name: 'm3', profile: 'test-4GB-150ms', rate: 3.22, cv: 2, sloScale: 2 },
    ],
    workload: { kind: 'gamma', duration: 60, seed: 19 },
    train: { kind: 'gamma', duration: 60, seed: 1019 },
  };

  it('wins over the greedy on this case, on the training and on the (held-out) test workload', () => {
    const greedy = run(parseScenarioOrThrow({ ...base, policy: { name: 'mp-search' } }));
    const beam = run(parseScenarioOrThrow({ ...base, policy: { name: 'mp-search', beam: 2 } }));
    expect(beam.r.trainScore).toBeGreaterThan(greedy.r.trainScore + 0.01);
    expect(beam.test).toBeGreaterThan(greedy.test + 0.01);
    expect(beam.r.candidates).toBe(greedy.r.candidates);
  });

  it('is off by default: no "beam" is the reference mp-search (golden pol03 unchanged)', () => {
    const s = parseScenarioOrThrow(readRefJson('policy/pol03_mp_search.json'));
    const exp = readRefJson<{ placement: unknown }>('policy/pol03_mp_search.expected.json');
    expect(solvePolicy(s).placement).toEqual(exp.placement);
  });
});

describe('"mixedGroups": partitions with two group sizes', () => {
  const cfg = (op: number, pp: number, lat: number[], w: number[]) => ({ dp: 1, op, pp, latency: { '1': lat }, weightGB: w });
  // one large model that needs 4-way intra-op parallelism to meet its SLO, four small busy ones that
  // gain little from intra-op (their op 4 latency is barely lower): no uniform partition serves both
  const base = {
    version: 1,
    cluster: { devices: 8, memoryGB: 12 },
    profiles: {
      big: { configs: [cfg(1, 1, [0.4], [10]), cfg(2, 1, [0.21], [5]), cfg(4, 1, [0.11], [2.5])] },
      small: { configs: [cfg(1, 1, [0.05], [1]), cfg(2, 1, [0.035], [0.5]), cfg(4, 1, [0.045], [0.25]), cfg(1, 2, [0.026, 0.026], [0.5, 0.5])] },
    },
    models: [
      { name: 'big', profile: 'big', rate: 2, cv: 1, slo: 0.2 },
      ...[0, 1, 2, 3].map((i) => ({ name: `s${i}`, profile: 'small', rate: 12, cv: 1, slo: 0.1 })),
    ],
    workload: { kind: 'gamma', duration: 60, seed: 1 },
    train: { kind: 'gamma', duration: 60, seed: 100 },
  };

  it('wins where one bucket holds models that want different group sizes', () => {
    const uniform = run(parseScenarioOrThrow({ ...base, policy: { name: 'mp-search' } }));
    const mixed = run(parseScenarioOrThrow({ ...base, policy: { name: 'mp-search', mixedGroups: true } }));
    expect(uniform.r.chosen).toBe('4x(1,2,1)'); // the big model misses its SLO at op 2
    expect(mixed.r.chosen).toBe('1x(1,4,1) + 2x(1,1,2)');
    expect(mixed.r.trainAttainment).toBeGreaterThan(uniform.r.trainAttainment + 0.02);
    expect(mixed.test).toBeGreaterThan(uniform.test + 0.01);
    // its cost: more candidates (9 uniform + 15 mixed on 8 GPUs)
    expect([uniform.r.candidates, mixed.r.candidates]).toEqual([9, 24]);
  });

  it('also applies inside the buckets of mp-search-sep, and never loses (ties keep the uniform choice)', () => {
    const plain = solvePolicy(parseScenarioOrThrow({ ...base, policy: { name: 'alpaserve' } }));
    const mixed = solvePolicy(parseScenarioOrThrow({ ...base, policy: { name: 'alpaserve', mixedGroups: true } }));
    expect(mixed.trainScore).toBeGreaterThanOrEqual(plain.trainScore);
    expect(mixed.candidates).toBeGreaterThan(plain.candidates);
  });
});

describe('"train": an explicit training workload, train and test figures side by side', () => {
  // the models' "rate" fields are stale (1 req/s each); the real traffic is skewed
  const actual = [6, 3, 1, 0.5, 0.3, 0.2];
  const models = actual.map((_, i) => ({ name: `m${i}`, profile: 'test-2GB-100ms', rate: 1, cv: 2, sloScale: 4 }));
  const observed = (seed: number) => {
    const a = generateWorkload({ kind: 'gamma', duration: 120, seed }, models.map((m, i) => ({ ...m, rate: actual[i] })));
    return { kind: 'explicit' as const, requests: Array.from(a.time, (t, i): [number, string] => [t, `m${a.model[i]}`]) };
  };
  const base = { version: 1, cluster: { devices: 4, memoryGB: 6 }, models, workload: observed(1), policy: { name: 'sr-greedy' } };

  it('training on an earlier trace of the real traffic beats the default (stale rates) on the test', () => {
    const byDefault = run(parseScenarioOrThrow(base));
    const explicit = run(parseScenarioOrThrow({ ...base, train: observed(2) }));
    expect(explicit.test).toBeGreaterThan(byDefault.test + 0.02);
    // the default's optimism is visible: its train attainment is far above its test attainment
    expect(byDefault.r.trainAttainment - byDefault.test).toBeGreaterThan(0.02);
    expect(Math.abs(explicit.r.trainAttainment - explicit.test)).toBeLessThan(0.01);
  });

  it('"train": "test" fits the test itself: train attainment equals the test attainment', () => {
    const onTest = run(parseScenarioOrThrow({ ...base, train: 'test' }));
    expect(onTest.r.trainAttainment).toBe(onTest.test);
  });
});

describe('progress and cancellation', () => {
  const text = JSON.stringify(readRefJson('bench/s1like-mp-search.json'));

  it('reports candidates done / total and the best score so far, often', () => {
    const seen: (PolicyProgress & { t: number })[] = [];
    const t0 = performance.now();
    const r = solvePolicy(parseScenarioOrThrow(text), { onProgress: (p) => seen.push({ ...p, t: performance.now() }) });
    expect(seen[0]).toMatchObject({ done: 0, total: r.candidates, bestScore: null });
    expect(seen[seen.length - 1]).toMatchObject({ done: r.candidates, total: r.candidates });
    expect(seen[seen.length - 1].bestScore).toBe(r.trainScore);
    let last = t0;
    for (let i = 0; i < seen.length; i++) {
      if (i > 0) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
      expect(seen[i].t - last).toBeLessThan(200);
      last = seen[i].t;
    }
  });

  it('stops within 100 ms of shouldStop() answering true, with SearchCancelled', () => {
    let askedAt = 0;
    const t0 = performance.now();
    let error: unknown;
    try {
      solvePolicy(parseScenarioOrThrow(text), {
        shouldStop: () => {
          const t = performance.now();
          if (t - t0 < 40) return false;
          if (askedAt === 0) askedAt = t;
          return true;
        },
      });
    } catch (e) {
      error = e;
    }
    const stoppedAt = performance.now();
    expect(error).toBeInstanceOf(SearchCancelled);
    expect(askedAt).toBeGreaterThan(0);
    expect(stoppedAt - askedAt).toBeLessThan(100);
  });
});
