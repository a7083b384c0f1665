/** Scenario v1 validation: one test per rule, each asserting its message; and the round trip. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { formatIssue } from '../../src/core/scenario/errors';
import { parseScenario, serialiseScenario } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function base(): Mutable {
  return {
    version: 1,
    cluster: { devices: 4, memoryGB: 13 },
    models: [
      { name: 'a', profile: 'test-2GB-100ms', rate: 2, cv: 1, sloScale: 5 },
      { name: 'b', profile: 'test-4GB-150ms', rate: 1, cv: 3, slo: 1 },
    ],
    workload: { kind: 'gamma', duration: 60, seed: 0 },
    placement: { groups: [{ dp: 1, op: 1, pp: 2, models: ['a', 'b'] }] },
  };
}

function messages(mutate: (s: Mutable) => void): string[] {
  const s = base();
  mutate(s);
  const r = parseScenario(s);
  return r.ok ? [] : r.issues.map(formatIssue);
}

const cases: [string, (s: Mutable) => void, string][] = [
  ['a non-positive SLO scale', (s) => (s.models[0].sloScale = 0), 'models[0].sloScale: must be > 0'],
  ['a negative rate', (s) => (s.models[1].rate = -1), 'models[1].rate: must be >= 0'],
  ['a zero cv', (s) => (s.models[1].cv = 0), 'models[1].cv: must be > 0'],
  ['a string where a number belongs', (s) => (s.cluster.devices = '4'), 'cluster.devices: must be an integer'],
  ['a fractional device count', (s) => (s.cluster.devices = 2.5), 'cluster.devices: must be an integer'],
  ['an unknown field (typo)', (s) => (s.models[0].rte = 1), 'models[0].rte: unknown field'],
  ['an unknown top-level field', (s) => (s.polcy = {}), 'polcy: unknown field'],
  ['a missing required block', (s) => delete s.workload, 'workload: is required'],
  ['a missing model field', (s) => delete s.models[0].profile, 'models[0].profile: is required'],
  ['no models', (s) => (s.models = []), 'models: must list at least one model'],
  ['an unknown profile id', (s) => (s.models[1].profile = 'gpt-5'), 'models[1].profile: unknown profile "gpt-5" (neither built-in nor a key of "profiles")'],
  ['duplicate model names', (s) => (s.models[1].name = 'a'), 'models[1].name: duplicate model name "a" (also models[0])'],
  ['both slo and sloScale', (s) => (s.models[0].slo = 1), 'models[0]: give "slo" or "sloScale", not both'],
  ['neither slo nor sloScale', (s) => delete s.models[1].slo, 'models[1]: give exactly one of "slo" (seconds) and "sloScale"'],
  [
    'sloScale on a profile without (1,1,1)',
    (s) => {
      s.profiles = { p2: { configs: [{ dp: 1, op: 1, pp: 2, latency: { '1': [0.05, 0.05] }, weightGB: [1, 1] }] } };
      s.models[0].profile = 'p2';
    },
    'models[0].sloScale: profile "p2" has no (1,1,1) batch-1 latency, so the SLO scale has no base; give "slo" in seconds',
  ],
  ['placement and policy together', (s) => (s.policy = { name: 'mp-search' }), 'policy: give either "placement" or "policy", not both'],
  ['neither placement nor policy', (s) => delete s.placement, 'give a "placement" or a "policy"'],
  ['train without a policy', (s) => (s.train = 'test'), 'train: is only used with a "policy"'],
  ['a placement using more GPUs than the cluster has', (s) => s.placement.groups.push({ dp: 1, op: 1, pp: 4, models: [] }), 'placement.groups: the groups use 6 GPUs but the cluster has 4'],
  [
    'a group whose models do not fit its memory',
    (s) => {
      s.cluster.memoryGB = 2.5;
    },
    'placement.groups[0]: models need 3 GB per GPU but the budget is 2.5 GB (a 1, b 2)',
  ],
  ['dp other than 1', (s) => (s.placement.groups[0].dp = 2), 'placement.groups[0].dp: must be 1 (placements use dp = 1 only)'],
  ['an unknown model in a group', (s) => s.placement.groups[0].models.push('zz'), 'placement.groups[0].models[2]: unknown model "zz"'],
  ['a model twice in one group', (s) => s.placement.groups[0].models.push('a'), 'placement.groups[0].models[2]: model "a" appears twice in this group'],
  [
    'a model whose profile lacks the group configuration',
    (s) => (s.placement.groups[0] = { dp: 1, op: 2, pp: 1, models: ['a'] }),
    'placement.groups[0].models[0]: model "a" (profile "test-2GB-100ms") has no (dp 1, op 2, pp 1) configuration',
  ],
  ['groups and segments together', (s) => (s.placement.segments = [{ start: 0, groups: [] }]), 'placement: give exactly one of "groups" and "segments"'],
  [
    'segments out of order',
    (s) => (s.placement = { segments: [{ start: 0, groups: [] }, { start: 50, groups: [] }, { start: 40, groups: [] }] }),
    "placement.segments[2].start: must be >= the previous segment's start",
  ],
  [
    'a segment over the device budget',
    (s) => (s.placement = { segments: [{ start: 0, groups: [{ dp: 1, op: 1, pp: 8, models: ['a'] }] }] }),
    'placement.segments[0].groups: the groups use 8 GPUs but the cluster has 4',
  ],
  ['an unknown workload kind', (s) => (s.workload.kind = 'bursty'), 'workload.kind: must be one of "gamma", "poisson", "deterministic", "explicit", "trace"'],
  ['a trace workload with an unknown field', (s) => (s.workload = { kind: 'trace', format: 'maf2', source: { name: 'x' }, start: 0, end: 60, file: 'x' }), 'workload.file: unknown field'],
  ['a trace workload without its window', (s) => (s.workload = { kind: 'trace', format: 'maf2', source: { name: 'x' }, start: 0 }), 'workload.end: is required'],
  ['a non-positive duration', (s) => (s.workload.duration = 0), 'workload.duration: must be > 0'],
  ['a seed that overflows 32 bits with the model index', (s) => (s.workload.seed = 2 ** 32 - 1), 'workload.seed: seed + model index must stay below 2^32 (2 models)'],
  ['an explicit request of an unknown model', (s) => (s.workload = { kind: 'explicit', requests: [[0, 'a'], [1, 'q']] }), 'workload.requests[1][1]: unknown model "q"'],
  ['a malformed explicit request', (s) => (s.workload = { kind: 'explicit', requests: [[0, 'a', 3]] }), 'workload.requests[0]: must be [arrival seconds, model name]'],
  ['a negative warmup', (s) => (s.simulation = { warmup: -1 }), 'simulation.warmup: must be >= 0'],
  ['a version from the future', (s) => (s.version = 2), 'version: version 2 is newer than this planner understands (1)'],
  ['a wrong version', (s) => (s.version = 0), 'version: must be 1'],
  [
    'a custom profile whose weights do not match pp',
    (s) => (s.profiles = { c: { configs: [{ dp: 1, op: 1, pp: 2, latency: { '1': [0.1, 0.1] }, weightGB: [1] }] } }),
    'profiles.c.configs[0].weightGB: must have 2 entries (one per stage, pp = 2), got 1',
  ],
  [
    'a custom profile without batch size 1',
    (s) => (s.profiles = { c: { configs: [{ dp: 1, op: 1, pp: 1, latency: { '2': [0.1] }, weightGB: [1] }] } }),
    'profiles.c.configs[0].latency: must give batch size "1" (the simulator uses batch 1)',
  ],
  [
    'a custom profile listing one configuration twice',
    (s) => (s.profiles = { c: { configs: [0, 1].map(() => ({ dp: 1, op: 1, pp: 1, latency: { '1': [0.1] }, weightGB: [1] })) } }),
    'profiles.c.configs[1]: duplicate configuration (dp 1, op 1, pp 1) (also configs[0])',
  ],
  ['an over-large workload', (s) => (s.workload.duration = 1e9), 'workload.duration: the workload would have about 3,000,000,000 requests; the limit is 100,000,000'],
];

describe('scenario validation: every rule names the JSON path and the problem', () => {
  it('the base scenario is valid', () => expect(messages(() => {})).toEqual([]));
  for (const [what, mutate, message] of cases) {
    it(what, () => expect(messages(mutate)).toContain(message));
  }
  it('JSON text that does not parse', () => {
    const r = parseScenario('{"version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/^not valid JSON: /);
  });
  it('not an object at all', () => {
    const r = parseScenario('[1, 2]');
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual(['a scenario must be a JSON object']);
  });
  it('meta and ui are free-form and preserved', () => {
    const s = base();
    s.meta = { anything: [1, { deep: true }] };
    s.ui = { view: 'timeline', hidden: ['x'] };
    const r = parseScenario(s);
    expect(r.ok && r.scenario.meta).toEqual(s.meta);
    expect(r.ok && r.scenario.ui).toEqual(s.ui);
  });
  it('policies carry their own options through validation', () => {
    const s = base();
    delete s.placement;
    s.policy = { name: 'sr-search', beam: 3 };
    s.train = 'test';
    const r = parseScenario(s);
    expect(r.ok && r.scenario.policy).toEqual({ name: 'sr-search', beam: 3 });
  });
  it('an own "__proto__" key (which JSON.parse creates and zod would drop silently) is refused by name', () => {
    const text = JSON.stringify(base())
      .replace('"models":[{', '"profiles":{"__proto__":{"configs":[{"dp":1,"op":1,"pp":1,"latency":{"1":[0.1],"__proto__":[1]},"weightGB":[1]}]}},"models":[{"__proto__":1,');
    const r = parseScenario(text);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([
      'profiles.__proto__: "__proto__" cannot be a profile id',
      'profiles.__proto__.configs[0].latency.__proto__: "__proto__" cannot be a key',
      'models[0].__proto__: "__proto__" cannot be a key',
    ]);
  });
  it('a custom profile may shadow a built-in id', () => {
    const s = base();
    s.profiles = { 'test-2GB-100ms': { configs: [{ dp: 1, op: 1, pp: 1, latency: { '1': [0.2] }, weightGB: [1] }] } };
    s.placement = { groups: [{ dp: 1, op: 1, pp: 1, models: ['a'] }] };
    expect(parseScenario(s).ok).toBe(true);
  });
});

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const workload = fc.oneof(
  fc.record({ kind: fc.constantFrom('gamma' as const, 'poisson' as const), duration: fc.double({ min: 1, max: 500, noNaN: true }), seed: fc.nat(1000) }),
  fc.record({ kind: fc.constant('deterministic' as const), duration: fc.double({ min: 1, max: 500, noNaN: true }), start: fc.double({ min: -10, max: 10, noNaN: true }) }),
);
const arbScenario: fc.Arbitrary<Scenario> = fc
  .uniqueArray(name, { minLength: 1, maxLength: 5 })
  .chain((names) =>
    fc.record({
      version: fc.constant(1 as const),
      name: fc.option(fc.string(), { nil: undefined }),
      meta: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
      cluster: fc.record({ devices: fc.integer({ min: 4, max: 64 }), memoryGB: fc.double({ min: 8, max: 80, noNaN: true }) }),
      models: fc.tuple(
        ...names.map((n) =>
          fc.record({
            name: fc.constant(n),
            profile: fc.constantFrom('test-2GB-100ms', 'bert-1.3b', 'moe-2.4b'),
            rate: fc.double({ min: 0, max: 50, noNaN: true }),
            cv: fc.double({ min: 0.1, max: 8, noNaN: true }),
            sloScale: fc.double({ min: 0.5, max: 20, noNaN: true }),
          }),
        ),
      ),
      workload,
      placement: fc.constant({ groups: [{ dp: 1, op: 1, pp: 1, models: names.slice(0, 1) }] }),
      simulation: fc.option(fc.record({ warmup: fc.double({ min: 0, max: 30, noNaN: true }), batching: fc.boolean() }), { nil: undefined }),
    }),
  )
  .map((s) => JSON.parse(JSON.stringify(s)) as Scenario); // drop undefined optionals, as a file would

describe('round trip', () => {
  it('parse(serialise(x)) == x for the default scenario', () => {
    const s = defaultScenario();
    const r = parseScenario(serialiseScenario(s));
    expect(r.ok && r.scenario).toEqual(s);
  });
  it('a free-form block keeps an own "__proto__" key (found by the property below)', () => {
    const text = '{"version":1,"meta":{"__proto__":[1]},"ui":{"__proto__":{"a":2}},"cluster":{"devices":4,"memoryGB":8},"models":[{"name":"a","profile":"test-2GB-100ms","rate":1,"cv":1,"sloScale":5}],"workload":{"kind":"gamma","duration":1,"seed":0},"placement":{"groups":[{"dp":1,"op":1,"pp":1,"models":["a"]}]}}';
    const r = parseScenario(text);
    expect(r.ok && serialiseScenario(r.scenario, 0)).toBe(text);
  });
  it('parse(serialise(x)) == x (property)', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = parseScenario(serialiseScenario(s));
        if (!r.ok) throw new Error(r.issues.map(formatIssue).join('; '));
        expect(r.scenario).toEqual(s);
        expect(serialiseScenario(r.scenario)).toBe(serialiseScenario(s));
      }),
      { numRuns: 200 },
    );
  });
});
