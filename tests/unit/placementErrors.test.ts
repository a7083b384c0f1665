/** Clear errors of the placement policies: what is wrong and where (ScenarioError paths). */
import { describe, expect, it } from 'vitest';
import { resolvePolicy, solvePolicy } from '../../src/core/placement/index';
import { ScenarioError } from '../../src/core/scenario/errors';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';

function scenario(policy: Record<string, unknown>, extra: Partial<Scenario> = {}, profiles = ['test-2GB-100ms', 'test-4GB-150ms']): Scenario {
  return parseScenarioOrThrow({
    version: 1,
    cluster: { devices: 4, memoryGB: 6 },
    models: profiles.map((p, i) => ({ name: `m${i}`, profile: p, rate: 2, cv: 2, sloScale: 4 })),
    workload: { kind: 'gamma', duration: 30, seed: 1 },
    policy,
    ...extra,
  });
}

function issuesOf(f: () => unknown): { path: string; message: string }[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error('expected a ScenarioError');
}

describe('policy errors', () => {
  it('an unknown policy name', () => {
    const [issue] = issuesOf(() => solvePolicy(scenario({ name: 'mp-serch' })));
    expect(issue.path).toBe('policy.name');
    expect(issue.message).toMatch(/unknown placement policy "mp-serch"/);
    expect(issue.message).toMatch(/mp-search-sep/); // lists the known names
  });

  it('malformed parameters in a policy name', () => {
    expect(issuesOf(() => resolvePolicy({ name: 'mp-greedy-x' }))[0]).toMatchObject({ path: 'policy.name' });
    expect(issuesOf(() => resolvePolicy({ name: 'mp-equal-2' }))[0]).toMatchObject({ path: 'policy.name' });
    expect(issuesOf(() => resolvePolicy({ name: 'sr-replace-0' }))[0]).toMatchObject({ path: 'policy.name' });
  });

  it('an option the policy does not know', () => {
    const [issue] = issuesOf(() => solvePolicy(scenario({ name: 'sr-greedy', beam: 2 })));
    expect(issue.path).toBe('policy.beam');
    expect(issue.message).toMatch(/unknown option "beam" for policy sr-greedy/);
    const [other] = issuesOf(() => solvePolicy(scenario({ name: 'alpaserve', mixed: true })));
    expect(other.path).toBe('policy.mixed');
    expect(other.message).toMatch(/"beam", "mixedGroups"/);
  });

  it('a bad option value', () => {
    expect(issuesOf(() => resolvePolicy({ name: 'sr-search', beam: 0 }))[0]).toMatchObject({ path: 'policy.beam' });
    expect(issuesOf(() => resolvePolicy({ name: 'mp-search', mixedGroups: 'yes' }))[0]).toMatchObject({ path: 'policy.mixedGroups' });
  });

  it('a model that no group of the cluster can hold is named', () => {
    const issues = issuesOf(() => solvePolicy(scenario({ name: 'mp-search' }, { cluster: { devices: 1, memoryGB: 3 } })));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('models[1]');
    expect(issues[0].message).toMatch(/model "m1" cannot be placed anywhere: the budget is 3 GB per GPU/);
    expect(issues[0].message).toMatch(/\(1,1,1\) 4 GB/);
  });

  it('a model only the chosen policy cannot place is left without a replica, as the reference does', () => {
    // 2 GPUs, 3.5 GB: test-4GB-150ms fits only split in a 2-stage pipeline, never on one GPU (sr-greedy)
    const s = scenario({ name: 'sr-greedy' }, { cluster: { devices: 2, memoryGB: 3.5 } });
    const r = solvePolicy(s);
    expect(r.unplaced).toEqual(['m1']);
    expect(solvePolicy({ ...s, policy: { name: 'mp-search' } }).unplaced).toEqual([]);
  });

  it('an sr-uniform placement over memory is invalid, naming the group', () => {
    // k = floor(6 / 2 GB of model 0) = 3 models per GPU: 2 + 4 + 4 GB on each
    const issues = issuesOf(() =>
      solvePolicy(scenario({ name: 'sr-uniform' }, {}, ['test-2GB-100ms', 'test-4GB-150ms', 'test-4GB-150ms'])),
    );
    expect(issues[0].path).toBe('policy');
    expect(issues[0].message).toMatch(/sr-uniform gives an invalid placement: group 0 \(1,1,1\) holds m0, m1, m2, 10 GB per GPU, over the 6 GB budget/);
  });

  it('an mp-equal group whose configuration a model lacks names the model and the configuration', () => {
    // test-2GB-100ms has no intra-operator (op 2) configuration
    const issues = issuesOf(() => solvePolicy(scenario({ name: 'mp-equal-1-2' }, {}, ['test-2GB-100ms'])));
    expect(issues[0].path).toBe('policy');
    expect(issues[0].message).toMatch(/^mp-equal-1-2 gives an invalid placement: group 0 \(1,2,1\) holds m0, but the profile of "m0" has no \(1,2,1\) configuration \(/);
  });

  it('sr-uniform within memory is fine', () => {
    const r = solvePolicy(scenario({ name: 'sr-uniform' }, {}, ['test-2GB-100ms', 'test-2GB-100ms', 'test-2GB-100ms', 'test-2GB-100ms']));
    expect(r.placement).toEqual({
      groups: [
        { dp: 1, op: 1, pp: 1, models: ['m0', 'm1', 'm2'] },
        { dp: 1, op: 1, pp: 1, models: ['m1', 'm2', 'm3'] },
        { dp: 1, op: 1, pp: 1, models: ['m2', 'm3', 'm0'] },
        { dp: 1, op: 1, pp: 1, models: ['m3', 'm0', 'm1'] },
      ],
    });
  });

  it('mp-greedy-k on a cluster not divisible by k, mp-equal groups larger than the cluster', () => {
    expect(issuesOf(() => solvePolicy(scenario({ name: 'mp-greedy-3' })))[0].message).toMatch(/4 devices cannot be split into groups of 3/);
    expect(issuesOf(() => solvePolicy(scenario({ name: 'mp-equal-4-2' })))[0].message).toMatch(/needs groups of 8 devices; the cluster has 4/);
  });

  it('a training workload without requests', () => {
    const issues = issuesOf(() => solvePolicy(scenario({ name: 'sr-greedy' }, { train: { kind: 'explicit', requests: [] } })));
    expect(issues[0].path).toBe('train');
  });

  it('mp-search-sep needs the (1,1,1) latency of every model', () => {
    const s = parseScenarioOrThrow({
      version: 1,
      cluster: { devices: 4, memoryGB: 6 },
      profiles: { p2: { configs: [{ dp: 1, op: 1, pp: 2, latency: { '1': [0.05, 0.05] }, weightGB: [1, 1] }] } },
      models: [
        { name: 'a', profile: 'test-2GB-100ms', rate: 2, cv: 2, sloScale: 4 },
        { name: 'b', profile: 'p2', rate: 2, cv: 2, slo: 0.5 },
      ],
      workload: { kind: 'gamma', duration: 30, seed: 1 },
      policy: { name: 'mp-search-sep' },
    });
    expect(issuesOf(() => solvePolicy(s))[0]).toMatchObject({ path: 'models[1].profile' });
  });

  it('a scenario without a policy', () => {
    const s = parseScenarioOrThrow({
      version: 1,
      cluster: { devices: 1, memoryGB: 6 },
      models: [{ name: 'a', profile: 'test-2GB-100ms', rate: 2, cv: 2, sloScale: 4 }],
      workload: { kind: 'gamma', duration: 30, seed: 1 },
      placement: { groups: [] },
    });
    expect(issuesOf(() => solvePolicy(s))[0]).toMatchObject({ path: 'policy' });
  });
});
