/**
 * Invariants of the placement policies on small random scenarios (fast-check):
 * placements respect memory and device counts (all policies but sr-uniform,
 * whose over-memory placements are reported as errors instead); mp-search's
 * choice scores at least as high as every candidate; results do not depend on
 * the order in which candidates are solved (any pool size); the score of the
 * incremental search equals a fresh simulation of its placement.
 * (Not asserted: sr-search >= sr-greedy, which the reference does not satisfy:
 * its beam keeps memory strictly below the budget, the greedy <= budget.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candidateSolver,
  listCandidates,
  pickBest,
  solveCandidate,
  solvePolicy,
  openSearch,
  type Candidate,
  type CandidateResult,
} from '../../src/core/placement/index';
import { resolveProfile } from '../../src/core/scenario/crossChecks';
import { ScenarioError } from '../../src/core/scenario/errors';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { isSegmented, type GroupSpec, type Scenario } from '../../src/core/scenario/types';
import { configMemoryGB, findConfig } from '../../src/core/profiles/types';

const PROFILES = ['test-2GB-100ms', 'test-4GB-150ms', 'alpa/bert-1.3b', 'alpa/bert-2.6b'];

/** 1-5 models, 1-6 GPUs, 4.5-13 GB, 40 s of gamma traffic optimised on itself. */
function arbScenario(policies: fc.Arbitrary<string>): fc.Arbitrary<Scenario> {
  return fc
    .record({
      models: fc.array(
        fc.record({
          profile: fc.constantFrom(...PROFILES),
          rate: fc.double({ min: 0.5, max: 8, noNaN: true }),
          cv: fc.constantFrom(1, 2, 4),
          sloScale: fc.double({ min: 1.5, max: 8, noNaN: true }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      devices: fc.integer({ min: 1, max: 6 }),
      memoryGB: fc.constantFrom(4.5, 6, 9, 13),
      seed: fc.nat(1000),
      policy: policies,
    })
    .map(({ models, devices, memoryGB, seed, policy }) => ({
      version: 1,
      cluster: { devices, memoryGB },
      models: models.map((m, i) => ({ name: `m${i}`, ...m })),
      workload: { kind: 'gamma', duration: 40, seed },
      policy: { name: policy },
      train: 'test',
    })) as fc.Arbitrary<Scenario>;
}

/** Solve, or undefined for the scenarios a policy rightly refuses (unplaceable model, indivisible cluster...). */
function trySolve(s: Scenario, options?: Parameters<typeof solvePolicy>[1]) {
  try {
    return solvePolicy(parseScenarioOrThrow(s), options);
  } catch (e) {
    if (e instanceof ScenarioError) return undefined;
    throw e;
  }
}

function checkGroups(s: Scenario, groups: GroupSpec[]): void {
  let devices = 0;
  for (const g of groups) {
    expect(g.dp).toBe(1);
    devices += g.op * g.pp;
    expect(new Set(g.models).size).toBe(g.models.length);
    let mem = 0;
    for (const name of g.models) {
      const model = s.models.find((m) => m.name === name)!;
      const cfg = findConfig(resolveProfile(s, model.profile)!, g);
      expect(cfg, `${name} on (1,${g.op},${g.pp})`).toBeDefined();
      mem += configMemoryGB(cfg!);
    }
    expect(mem).toBeLessThanOrEqual(s.cluster.memoryGB);
  }
  expect(devices).toBeLessThanOrEqual(s.cluster.devices);
}

const POLICIES = ['sr-greedy', 'sr-search', 'mp-search', 'mp-search-sep', 'mp-greedy-2', 'mp-equal-1-1', 'mp-equal-2-1', 'mp-round-robin', 'sr-replace-8'];

describe('placement invariants (property tests)', () => {
  it('every placement of every policy except sr-uniform respects memory and device counts', () => {
    fc.assert(
      fc.property(arbScenario(fc.constantFrom(...POLICIES)), (s) => {
        const r = trySolve(s);
        if (!r) return;
        const segments = isSegmented(r.placement) ? r.placement.segments.map((x) => x.groups) : [r.placement.groups];
        for (const groups of segments) checkGroups(s, groups);
        expect(r.trainAttainment).toBeGreaterThanOrEqual(0);
        expect(r.trainAttainment).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it("mp-search's result scores at least as high as each of its candidates (and as the best of them)", () => {
    fc.assert(
      fc.property(arbScenario(fc.constant('mp-search')), (s) => {
        const scenario = parseScenarioOrThrow(s);
        const r = trySolve(scenario);
        if (!r) return;
        const scores = listCandidates(scenario).map((c) => solveCandidate(scenario, c).score);
        expect(r.candidates).toBe(scores.length);
        for (const x of scores) expect(r.trainScore).toBeGreaterThanOrEqual(x);
        expect(r.trainScore).toBe(Math.max(...scores));
      }),
      { numRuns: 50 },
    );
  });

  it('a candidate is marked empty exactly when its search places nothing (and then it scores 0)', () => {
    fc.assert(
      fc.property(arbScenario(fc.constantFrom('mp-search', 'mp-search-sep', 'sr-search', 'sr-greedy', 'mp-greedy-2')), (s) => {
        const scenario = parseScenarioOrThrow(s);
        let cands: Candidate[];
        try {
          cands = listCandidates(scenario);
        } catch (e) {
          if (e instanceof ScenarioError) return;
          throw e;
        }
        for (const c of cands) {
          const r = solveCandidate(scenario, c);
          const placed = r.placement.groups.some((g) => g.models.length > 0);
          expect(c.empty).toBe(!placed);
          if (c.empty) expect(r.score).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the empty mark follows the search\'s memory rule: a model of exactly the budget fits the greedy (<=), not the beam (<)', () => {
    const at = (policy: string) =>
      parseScenarioOrThrow({
        version: 1,
        cluster: { devices: 1, memoryGB: 2.6 },
        models: [{ name: 'a', profile: 'alpa/bert-1.3b', rate: 2, cv: 1, sloScale: 5 }],
        workload: { kind: 'gamma', duration: 20, seed: 1 },
        policy: { name: policy },
      });
    const greedy = listCandidates(at('sr-greedy'));
    const beam = listCandidates(at('sr-search'));
    expect(greedy.map((c) => c.empty)).toEqual([false]);
    expect(beam.map((c) => c.empty)).toEqual([true]);
    expect(solveCandidate(at('sr-search'), beam[0]).placement.groups[0].models).toEqual([]);
    expect(solveCandidate(at('sr-greedy'), greedy[0]).placement.groups[0].models).toEqual(['a']);
  });

  it('the incremental score of a candidate equals a fresh simulation of its placement (greedy and beam)', () => {
    fc.assert(
      fc.property(arbScenario(fc.constantFrom('sr-greedy', 'sr-search', 'mp-greedy-1')), (s) => {
        const scenario = parseScenarioOrThrow(s);
        const r = trySolve(scenario);
        if (!r) return;
        const [c] = listCandidates(scenario);
        const cr = solveCandidate(scenario, c);
        expect(cr.placement).toEqual(r.placement);
        expect(cr.score).toBe(r.trainScore);
        expect(cr.attainment).toBe(r.trainAttainment);
      }),
      { numRuns: 60 },
    );
  });

  it('results do not depend on the order candidates are solved in (any pool size)', async () => {
    const shuffled = (seed: number) => (cands: Candidate[], solve: (c: Candidate) => CandidateResult) => {
      // a deterministic shuffle standing in for workers finishing in any order
      const order = cands.map((c, i) => ({ c, k: (i * 7919 + seed * 104729) % 1009 })).sort((a, b) => a.k - b.k);
      return order.map((x) => solve(x.c));
    };
    await fc.assert(
      fc.asyncProperty(arbScenario(fc.constantFrom('mp-search', 'mp-search-sep', 'sr-replace-8')), fc.nat(100), async (s, seed) => {
        const base = trySolve(s);
        if (!base) return;
        const scenario = parseScenarioOrThrow(s);
        const viaSync = solvePolicy(scenario, { evaluateCandidates: shuffled(seed) });
        // the pool's way: a search session whose candidates are solved in another order, then finished
        const session = openSearch(scenario);
        const viaSession = session.finish(shuffled(seed + 1)(session.candidates, (c) => session.solve(c)));
        for (const r of [viaSync, viaSession]) {
          expect(r.placement).toEqual(base.placement);
          expect(r.trainScore).toBe(base.trainScore);
          expect(r.chosen).toBe(base.chosen);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('pickBest keeps the first maximum in candidate order (numpy argmax), whatever the arrival order', () => {
    expect(pickBest([{ score: 1 }, { score: 3 }, { score: 3 }, { score: 2 }])).toBe(1);
    expect(pickBest([{ score: 3, index: 4 }, { score: 1, index: 0 }, { score: 3, index: 2 }])).toBe(2);
    expect(pickBest([])).toBe(-1);
  });

  it('listCandidates / solveCandidate answers are plain serialisable data', () => {
    const scenario = parseScenarioOrThrow({
      version: 1,
      cluster: { devices: 4, memoryGB: 6 },
      models: [0, 1, 2].map((i) => ({ name: `m${i}`, profile: i === 2 ? 'test-4GB-150ms' : 'test-2GB-100ms', rate: 2, cv: 2, sloScale: 4 })),
      workload: { kind: 'gamma', duration: 30, seed: 1 },
      policy: { name: 'alpaserve' },
      train: 'test',
    });
    const cands = listCandidates(scenario);
    expect(cands.map((c) => c.role)).toContain('bucket');
    const copy = JSON.parse(JSON.stringify(cands)) as Candidate[];
    expect(copy).toEqual(cands);
    const results = copy.map((c) => JSON.parse(JSON.stringify(solveCandidate(scenario, c))) as CandidateResult);
    expect(solvePolicy(scenario, { evaluateCandidates: () => results }).placement).toEqual(solvePolicy(scenario).placement);
    // a worker's solver, prepared once from its own copy of the scenario, answers the same
    const solve = candidateSolver(parseScenarioOrThrow(JSON.parse(JSON.stringify(scenario))));
    expect(copy.map(solve)).toEqual(results);
  });
});
