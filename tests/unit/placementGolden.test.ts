/**
 * Placement policies against the reference implementation (reference doc
 * section 4; ../shared/reference/policy and the reference's own policy tests).
 *
 * Every golden case is run through the policy, its placement simulated on the
 * scenario's test workload, and the attainment compared within 0.005 as the
 * README there asks. The placements are also compared exactly: all five are
 * identical to the reference's (pol01 sr-greedy, pol02 sr-search, pol03
 * mp-search, pol04 mp-search-sep, pol05 sr-replace-30), which needs numpy
 * 1.24's argsort tie order, the normal form after every step, float32
 * rounding of the split filter and the arrival-anchored windows. (With
 * numpy 2.x tie-breaking pol05 would differ: 0.6964 instead of 0.6998.) The
 * exact comparison is a separate test: if the workload generator drifted from
 * numpy in the last bit, ties could break differently there first while the
 * 0.005 tolerance, the contract, still holds.
 */
import { describe, expect, it } from 'vitest';
import { placeScenario, solvePolicy } from '../../src/core/placement/index';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { GroupSpec, PlacementSpec, Scenario, SinglePlacement } from '../../src/core/scenario/types';
import { simulateScenario } from '../../src/core/sim/simulate';
import { readRefJson, refCases } from './reference';

interface Expected {
  placement: PlacementSpec;
  attainment: number;
  referenceExtras: { policy: string };
}

describe('policy golden cases (../shared/reference/policy)', () => {
  const cases = refCases('policy');
  it('has the five cases', () => {
    expect(cases).toEqual(['pol01_sr_greedy', 'pol02_sr_search', 'pol03_mp_search', 'pol04_mp_search_sep', 'pol05_sr_replace_30']);
  });

  for (const name of cases) {
    const scenario = () => parseScenarioOrThrow(readRefJson(`policy/${name}.json`));
    const expected = () => readRefJson<Expected>(`policy/${name}.expected.json`);

    it(`${name}: attainment of the chosen placement within 0.005 of the reference`, () => {
      const s = scenario();
      const exp = expected();
      const result = solvePolicy(s);
      expect(result.policy).toBe(exp.referenceExtras.policy);
      const placed = placeScenario(s);
      expect(placed.policy).toBeUndefined();
      expect(placed.train).toBeUndefined();
      expect(placed.placement).toEqual(result.placement);
      const test = simulateScenario(placed);
      expect(Math.abs(test.attainment - exp.attainment)).toBeLessThanOrEqual(0.005);
      // train figures are reported and are attainments
      expect(result.trainAttainment).toBeGreaterThan(0);
      expect(result.trainAttainment).toBeLessThanOrEqual(1);
      expect(result.unplaced).toEqual([]);
    });

    it(`${name}: the very placement of the reference`, () => {
      const s = scenario();
      const exp = expected();
      const result = solvePolicy(s);
      expect(result.placement).toEqual(exp.placement);
      // identical placement, identical simulation: the reference's figure exactly
      expect(simulateScenario(placeScenario(s)).attainment).toBe(exp.attainment);
    });
  }

  it('"train": "test" optimises on the test workload itself: train attainment = untrimmed test attainment', () => {
    const scenario = parseScenarioOrThrow(readRefJson('policy/pol02_sr_search.json'));
    expect(scenario.train).toBe('test');
    const r = solvePolicy(scenario);
    expect(r.trainAttainment).toBe(simulateScenario(placeScenario(scenario)).untrimmed.attainment);
  });
});

/** The reference's tests/serve/test_placement_policy.py, re-expressed as scenarios (default training workload). */
function refTestScenario(memoryGB: number, slo: number, rate: number, cv: number, policy: string): Scenario {
  return parseScenarioOrThrow({
    version: 1,
    cluster: { devices: 4, memoryGB },
    models: [0, 1, 2, 3].map((i) => ({ name: `m${i}`, profile: 'test-2GB-100ms', rate, cv, slo })),
    workload: { kind: 'gamma', duration: 60, seed: 0 },
    policy: { name: policy },
  });
}

function groupsOf(p: PlacementSpec): GroupSpec[] {
  return (p as SinglePlacement).groups;
}

describe("the reference's own policy tests", () => {
  // The reference's test asserts this for its greedy too, but the greedy of the reference version this
  // planner follows (dba47b1, the one the golden cases pin) ranks fully served models by the rounding
  // noise of n * (1 - n / (n + 1e-6)) and keeps adding the same one; so only sr-search is asserted here.
  it('selective replication: 4 GPUs, 4.5 GB, 4 x test-2GB-100ms (slo 1, rate 5, cv 1): sr-search gives every model 2 replicas', () => {
    for (const policy of ['sr-search']) {
      const groups = groupsOf(solvePolicy(refTestScenario(4.5, 1, 5, 1, policy)).placement);
      expect(groups).toHaveLength(4);
      for (const g of groups) expect([g.op, g.pp]).toEqual([1, 1]);
      for (const m of ['m0', 'm1', 'm2', 'm3']) {
        expect(groups.filter((g) => g.models.includes(m)), `${policy}: replicas of ${m}`).toHaveLength(2);
      }
    }
  });

  it('mp-greedy-2 on the same case: 2 groups of pp 2, each holding all 4 models', () => {
    const groups = groupsOf(solvePolicy(refTestScenario(4.5, 1, 5, 1, 'mp-greedy-2')).placement);
    expect(groups).toEqual([
      { dp: 1, op: 1, pp: 2, models: ['m0', 'm1', 'm2', 'm3'] },
      { dp: 1, op: 1, pp: 2, models: ['m0', 'm1', 'm2', 'm3'] },
    ]);
  });

  it('mp-search: 4 GPUs, 2.5 GB, 4 x test-2GB-100ms (slo 0.4, rate 4, cv 8): one group of pp 4 with all 4 models', () => {
    const r = solvePolicy(refTestScenario(2.5, 0.4, 4, 8, 'mp-search'));
    expect(groupsOf(r.placement)).toEqual([{ dp: 1, op: 1, pp: 4, models: ['m0', 'm1', 'm2', 'm3'] }]);
    expect(r.candidates).toBe(6); // 4x(1,1,1); 2x(1,2,1); 2x(1,1,2); 1x(1,4,1); 1x(1,2,2); 1x(1,1,4)
  });
});
