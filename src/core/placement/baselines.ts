/**
 * Policies that place without simulating (reference doc section 4,
 * "Baselines"): sr-uniform, mp-equal-<pp>-<op>, mp-round-robin; and the
 * windows of sr-replace-<W> (Clockwork++).
 */
import { configMemoryGB, findConfig } from '../profiles/types';
import { ScenarioError } from '../scenario/errors';
import type { GroupSpec } from '../scenario/types';
import type { PolicyContext } from './context';
import { powerOfTwoParts } from './partitions';
import { configLabel, type GroupConfig } from './problem';

/** Memory of model m in configuration c (GB per GPU), Infinity when its profile lacks c. */
export function modelMemory(ctx: PolicyContext, m: number, c: GroupConfig): number {
  const cfg = findConfig(ctx.compiled.profiles[m], { dp: 1, op: c.op, pp: c.pp });
  return cfg ? configMemoryGB(cfg) : Infinity;
}

function toSpec(ctx: PolicyContext, c: GroupConfig, models: readonly number[]): GroupSpec {
  return { dp: 1, op: c.op, pp: c.pp, models: models.map((m) => ctx.compiled.names[m]) };
}

/** The reference's verify: every group's memory (sum of its models' weights) within the budget. */
function verifyMemory(ctx: PolicyContext, groups: { cfg: GroupConfig; models: number[] }[], what: string): void {
  groups.forEach((g, i) => {
    const mems = g.models.map((m) => modelMemory(ctx, m, g.cfg));
    let mem = 0;
    for (const x of mems) mem += x;
    if (mem <= ctx.budgetGB) return;
    const name = (m: number): string => `"${ctx.compiled.names[m]}"`;
    const lacking = g.models.filter((_, j) => !Number.isFinite(mems[j]));
    const why =
      lacking.length > 0
        ? `but the profile of ${lacking.map(name).join(', ')} has no ${configLabel(g.cfg)} configuration`
        : `${+mem.toFixed(3)} GB per GPU, over the ${ctx.budgetGB} GB budget`;
    throw new ScenarioError([
      {
        path: 'policy',
        message: `${ctx.policy.name} gives an invalid placement: group ${i} ${configLabel(g.cfg)} holds ${g.models.map((m) => ctx.compiled.names[m]).join(', ')}, ${why} (${what})`,
      },
    ]);
  });
}

/**
 * sr-uniform: k = min(floor(budget / (1,1,1) weight of model 0), M) models per
 * GPU, GPU i holding models i .. i+k-1 (mod M). With mixed model sizes this can
 * exceed memory: such a placement is reported as invalid, as the reference's
 * own check does.
 */
export function srUniform(ctx: PolicyContext): GroupSpec[] {
  const M = ctx.compiled.names.length;
  const cfg = findConfig(ctx.compiled.profiles[0], { dp: 1, op: 1, pp: 1 });
  if (!cfg) {
    throw new ScenarioError([{ path: 'models[0].profile', message: 'sr-uniform needs a (1,1,1) configuration of the first model' }]);
  }
  const k = Math.min(Math.trunc(ctx.budgetGB / cfg.weightGB[0]), M);
  const one = { op: 1, pp: 1 };
  const groups = Array.from({ length: ctx.devices }, (_, i) => ({
    cfg: one,
    models: Array.from({ length: k }, (_, j) => (i + j) % M),
  }));
  verifyMemory(ctx, groups, 'sr-uniform puts the same number of models on every GPU whatever their sizes');
  return groups.map((g) => toSpec(ctx, g.cfg, g.models));
}

/** mp-equal-<pp>-<op>: floor(devices / (op pp)) groups of (1, op, pp), model i alone on group i. */
export function mpEqual(ctx: PolicyContext, pp: number, op: number): GroupSpec[] {
  const n = Math.floor(ctx.devices / (op * pp));
  if (n === 0) {
    throw new ScenarioError([
      { path: 'policy.name', message: `${ctx.policy.name} needs groups of ${op * pp} devices; the cluster has ${ctx.devices}` },
    ]);
  }
  const M = ctx.compiled.names.length;
  // the reference indexes model i for every group i and fails when there are more groups than models;
  // here the groups past the last model stay empty
  const groups = Array.from({ length: n }, (_, i) => ({ cfg: { op, pp }, models: i < M ? [i] : [] }));
  verifyMemory(ctx, groups, 'each model alone on its group');
  return groups.map((g) => toSpec(ctx, g.cfg, g.models));
}

/**
 * mp-round-robin: (1,1,4) groups plus the leftover devices as pipeline groups;
 * models 0..M-1 are offered in turn to the current group, which advances only
 * after a placement; the fill ends after a pass without any placement.
 */
export function mpRoundRobin(ctx: PolicyContext): GroupSpec[] {
  const configs: GroupConfig[] = [
    ...Array.from({ length: Math.floor(ctx.devices / 4) }, () => ({ op: 1, pp: 4 })),
    ...powerOfTwoParts(ctx.devices % 4).map((x) => ({ op: 1, pp: x })),
  ];
  const M = ctx.compiled.names.length;
  const models: number[][] = configs.map(() => []);
  const mem = configs.map(() => 0);
  let g = 0;
  let found = configs.length > 0;
  while (found) {
    found = false;
    for (let m = 0; m < M; m++) {
      const w = modelMemory(ctx, m, configs[g]);
      if (!models[g].includes(m) && w + mem[g] <= ctx.budgetGB) {
        found = true;
        mem[g] += w;
        models[g].push(m);
        g = (g + 1) % configs.length;
      }
    }
  }
  return configs.map((c, i) => toSpec(ctx, c, models[i]));
}

/**
 * sr-replace windows: the first starts at the first training arrival; a new
 * one starts at the first arrival t > (current window's first arrival) + W.
 * Returns request ranges [from, to) of the training workload.
 */
export function replacementWindows(time: Float64Array, w: number): { from: number; to: number }[] {
  const n = time.length;
  if (n === 0) return [];
  const out: { from: number; to: number }[] = [];
  let from = 0;
  let anchor = time[0];
  for (let i = 0; i < n; i++) {
    if (time[i] > anchor + w) {
      out.push({ from, to: i });
      from = i;
      anchor = time[i];
    }
  }
  out.push({ from, to: n });
  return out;
}
