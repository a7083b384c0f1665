/**
 * Everything a policy run shares: the resolved policy, the compiled models,
 * the training arrivals (generated once), and the search problems built on
 * them (cached: sub-problems of several candidates reuse their typed arrays).
 */
import { configMemoryGB, findConfig } from '../profiles/types';
import { ScenarioError } from '../scenario/errors';
import { DEFAULT_DEVICES_PER_NODE, type Scenario, type WorkloadSpec } from '../scenario/types';
import { compileModels, type CompiledModels } from '../sim/compile';
import type { Arrivals } from '../workload/arrivals';
import { defaultTrainingWorkload, generateWorkload } from '../workload/generate';
import { BUCKET_NODE_SIZE, mpSearchPartitions } from './partitions';
import { resolvePolicy, type ResolvedPolicy } from './policies';
import { buildProblem, configLabel, type GroupConfig, type SearchProblem } from './problem';

export interface PolicyContext {
  scenario: Scenario;
  policy: ResolvedPolicy;
  compiled: CompiledModels;
  train: Arrivals;
  devices: number;
  devicesPerNode: number;
  budgetGB: number;
  problems: Map<string, SearchProblem>;
}

/** The workload a policy optimises on: "train" of the scenario, or the reference default. */
export function trainingWorkloadSpec(s: Scenario): WorkloadSpec {
  if (s.train === 'test') return s.workload;
  if (s.train) return s.train;
  return defaultTrainingWorkload(s.workload, s.models);
}

const cache = new WeakMap<Scenario, PolicyContext>();

/**
 * The context of a scenario with a policy. With `cached`, one per scenario
 * object (so that solving its candidates one by one, e.g. in a worker,
 * generates the training workload once); the scenario must not change after.
 */
export function policyContext(s: Scenario, cached = true): PolicyContext {
  const known = cached ? cache.get(s) : undefined;
  if (known) return known;
  if (!s.policy) throw new ScenarioError([{ path: 'policy', message: 'the scenario has no "policy" to solve' }]);
  const policy = resolvePolicy(s.policy);
  const compiled = compileModels(s);
  const ctx: PolicyContext = {
    scenario: s,
    policy,
    compiled,
    train: generateWorkload(trainingWorkloadSpec(s), s.models),
    devices: s.cluster.devices,
    devicesPerNode: s.cluster.devicesPerNode ?? DEFAULT_DEVICES_PER_NODE,
    budgetGB: s.cluster.memoryGB,
    problems: new Map(),
  };
  checkPlaceable(ctx);
  if (cached) cache.set(s, ctx);
  return ctx;
}

/** The search problem over global models `models` on training requests [from, to) (cached). */
export function problemOf(ctx: PolicyContext, models: readonly number[], from = 0, to = ctx.train.time.length): SearchProblem {
  const key = `${models.join(',')}@${from}:${to}`;
  let p = ctx.problems.get(key);
  if (!p) {
    p = buildProblem(ctx.compiled, ctx.train, models, ctx.budgetGB, from, to);
    ctx.problems.set(key, p);
  }
  return p;
}

export function allModels(ctx: PolicyContext): number[] {
  return ctx.compiled.names.map((_, i) => i);
}

/** Group configurations the policy itself may use, beyond mp-search's candidates. */
function policyConfigs(p: ResolvedPolicy): GroupConfig[] {
  switch (p.kind) {
    case 'mp-greedy':
      return [{ op: 1, pp: p.groupSize }];
    case 'mp-equal':
      return [{ op: p.op, pp: p.pp }];
    default:
      return [{ op: 1, pp: 1 }];
  }
}

/**
 * A model that fits no configuration of any candidate group of this cluster
 * (mp-search's candidates and the policy's own) cannot be placed by any
 * policy: a clear error naming it. (A model that only the chosen policy
 * cannot place, e.g. a 13.4 GB model under sr-greedy with 13 GB GPUs, is left
 * without a replica as the reference does, and listed in `unplaced`.)
 */
function checkPlaceable(ctx: PolicyContext): void {
  const configs = new Map<string, GroupConfig>();
  const parts = mpSearchPartitions(ctx.devices, ctx.devicesPerNode);
  // mp-search-sep solves its buckets on clusters with nodes of 8
  if (ctx.policy.kind === 'mp-search-sep') parts.push(...mpSearchPartitions(ctx.devices, BUCKET_NODE_SIZE));
  for (const part of parts) for (const c of part) configs.set(`${c.op},${c.pp}`, c);
  for (const c of policyConfigs(ctx.policy)) if (c.op * c.pp <= ctx.devices) configs.set(`${c.op},${c.pp}`, c);
  const issues: { path: string; message: string }[] = [];
  ctx.compiled.profiles.forEach((profile, i) => {
    const sizes: string[] = [];
    for (const c of configs.values()) {
      const cfg = findConfig(profile, { dp: 1, op: c.op, pp: c.pp });
      if (!cfg) continue;
      const mem = configMemoryGB(cfg);
      if (mem <= ctx.budgetGB) return;
      sizes.push(`${configLabel(c)} ${+mem.toFixed(3)} GB`);
    }
    const what = sizes.length > 0 ? `it needs more per GPU in every configuration (${sizes.join(', ')})` : 'its profile has none of the configurations this cluster offers';
    issues.push({
      path: `models[${i}]`,
      message: `model "${ctx.compiled.names[i]}" cannot be placed anywhere: the budget is ${ctx.budgetGB} GB per GPU and ${what}`,
    });
  });
  if (issues.length > 0) throw new ScenarioError(issues);
}

/** Single-device latency of a model as the buckets use it: the max of its (1,1,1) stage latencies. */
export function bucketLatency(ctx: PolicyContext, model: number): number {
  const cfg = findConfig(ctx.compiled.profiles[model], { dp: 1, op: 1, pp: 1 });
  if (!cfg) {
    throw new ScenarioError([
      { path: `models[${model}].profile`, message: `mp-search-sep needs a (1,1,1) configuration of "${ctx.compiled.names[model]}" (its latency bucket)` },
    ]);
  }
  return Math.max(...cfg.latency['1']);
}
