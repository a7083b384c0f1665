/**
 * Independent pieces of a policy's search, serialisable so that a pool of
 * workers can solve them in parallel with results identical for any pool size:
 * each candidate is solved on its own (deterministically), and the results are
 * combined in candidate order (first maximum wins, as the reference's argmax).
 *
 * - mp-search: one candidate per group partition (fast greedy, or beam search
 *   with the "beam" option); "mixedGroups" adds mixed-size partitions.
 * - mp-search-sep: plain mp-search's candidates, then those of every (bucket,
 *   devices) sub-problem that a kept device split needs (each solved once and
 *   shared by the splits that use it).
 * - sr-greedy, mp-greedy-<k>, sr-search: one candidate.
 * - sr-replace-<W>: one candidate per window.
 * - sr-uniform, mp-equal, mp-round-robin: none (they place without simulating).
 */
import { ScenarioError } from '../scenario/errors';
import type { Scenario, SinglePlacement } from '../scenario/types';
import { modelMemory, replacementWindows } from './baselines';
import { allModels, bucketLatency, policyContext, problemOf, type PolicyContext } from './context';
import { beamSearch, fastGreedy } from './greedy';
import { BUCKET_NODE_SIZE, filteredSplits, latencyBuckets, mixedPartitions, mpSearchPartitions } from './partitions';
import { configLabel, type GroupConfig } from './problem';
import { SILENT, type Ticker } from './progress';
import { emptyState, stateAttainment, stateScore } from './state';

export interface Candidate {
  /** position in the list */
  index: number;
  /** "plain": the whole problem; "bucket": an mp-search-sep sub-problem; "window": an sr-replace window */
  role: 'plain' | 'bucket' | 'window';
  /** global indices of the models the candidate places (ascending) */
  models: number[];
  /** the empty groups it starts from, in order */
  groups: GroupConfig[];
  /** fast greedy (memory <= budget) or beam search of this size (memory < budget) */
  search: { kind: 'greedy' } | { kind: 'beam'; size: number };
  /** role "bucket": which bucket and on how many devices */
  bucket?: number;
  devices?: number;
  /** role "window": training requests [from, to) and the segment start (the window's first arrival) */
  window?: { from: number; to: number; start: number };
  label: string;
  /**
   * No model of the candidate fits any of its groups by its search's memory rule (an empty group's
   * budget: <= for the greedy, < for the beam): the search adds nothing and scores 0. Known before
   * solving, so the pool hands such candidates out last (src/pool/candidateCosts.ts).
   */
  empty: boolean;
}

export interface CandidateResult {
  index: number;
  /** training score of the candidate's (sub-)problem */
  score: number;
  /** good / all training requests (of its window) */
  attainment: number;
  /** groups with model names, in the order the search left them (its normal form) */
  placement: SinglePlacement;
}

/** Latency buckets of mp-search-sep and the device splits it solves. */
export interface SeparationPlan {
  buckets: number[][];
  splits: number[][];
}

const plans = new WeakMap<PolicyContext, SeparationPlan>();

export function separationPlan(ctx: PolicyContext): SeparationPlan {
  const known = plans.get(ctx);
  if (known) return known;
  const M = ctx.compiled.names.length;
  const latency = Array.from({ length: M }, (_, m) => bucketLatency(ctx, m));
  const buckets = latencyBuckets(latency);
  // each bucket's rates summed in model order (Python's sum), its first model's latency
  const rates = buckets.map((b) => b.reduce((s, m) => s + ctx.scenario.models[m].rate, 0));
  const firstLatency = buckets.map((b) => latency[b[0]]);
  const plan = { buckets, splits: filteredSplits(ctx.devices, rates, firstLatency) };
  plans.set(ctx, plan);
  return plan;
}

function searchPartitions(ctx: PolicyContext, devices: number, perNode: number): GroupConfig[][] {
  const uniform = mpSearchPartitions(devices, perNode);
  const p = ctx.policy;
  if ((p.kind === 'mp-search' || p.kind === 'mp-search-sep') && p.mixedGroups) {
    return [...uniform, ...mixedPartitions(devices, perNode, uniform)];
  }
  return uniform;
}

function describe(groups: readonly GroupConfig[]): string {
  const parts: string[] = [];
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && groups[j].op === groups[i].op && groups[j].pp === groups[i].pp) j++;
    parts.push(`${j - i}x${configLabel(groups[i])}`);
    i = j;
  }
  return parts.join(' + ') || 'no groups';
}

/** Whether some model fits some of the groups when they are empty (see Candidate.empty). */
function anyFits(ctx: PolicyContext, models: readonly number[], groups: readonly GroupConfig[], strict: boolean): boolean {
  const seen = new Set<string>();
  for (const g of groups) {
    const key = `${g.op},${g.pp}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const m of models) {
      const mem = modelMemory(ctx, m, g); // Infinity when the profile lacks the configuration
      if (strict ? mem < ctx.budgetGB : mem <= ctx.budgetGB) return true;
    }
  }
  return false;
}

/** The candidates of a context's policy, in the order their results are combined. */
export function candidatesOf(ctx: PolicyContext): Candidate[] {
  const p = ctx.policy;
  const all = allModels(ctx);
  const out: Candidate[] = [];
  const push = (c: Omit<Candidate, 'index' | 'empty'>): void => {
    out.push({ index: out.length, ...c, empty: !anyFits(ctx, c.models, c.groups, c.search.kind === 'beam') });
  };
  const ones = (n: number): GroupConfig[] => Array.from({ length: n }, () => ({ op: 1, pp: 1 }));
  const greedy = { kind: 'greedy' } as const;
  switch (p.kind) {
    case 'sr-greedy':
      push({ role: 'plain', models: all, groups: ones(ctx.devices), search: greedy, label: describe(ones(ctx.devices)) });
      break;
    case 'sr-search':
      push({ role: 'plain', models: all, groups: ones(ctx.devices), search: { kind: 'beam', size: p.beam }, label: `beam ${p.beam}` });
      break;
    case 'mp-greedy': {
      if (ctx.devices % p.groupSize !== 0) {
        throw new ScenarioError([
          { path: 'policy.name', message: `${p.name}: ${ctx.devices} devices cannot be split into groups of ${p.groupSize}` },
        ]);
      }
      const groups = Array.from({ length: ctx.devices / p.groupSize }, () => ({ op: 1, pp: p.groupSize }));
      push({ role: 'plain', models: all, groups, search: greedy, label: describe(groups) });
      break;
    }
    case 'sr-replace':
      for (const w of replacementWindows(ctx.train.time, p.window)) {
        const start = ctx.train.time[w.from];
        push({
          role: 'window',
          models: all,
          groups: ones(ctx.devices),
          search: greedy,
          window: { ...w, start },
          label: `window from ${start} s (${w.to - w.from} requests)`,
        });
      }
      break;
    case 'mp-search':
    case 'mp-search-sep': {
      const search = p.beam === null ? greedy : ({ kind: 'beam', size: p.beam } as const);
      for (const groups of searchPartitions(ctx, ctx.devices, ctx.devicesPerNode)) {
        push({ role: 'plain', models: all, groups, search, label: describe(groups) });
      }
      if (p.kind === 'mp-search') break;
      const plan = separationPlan(ctx);
      const needed = new Set<string>();
      for (const split of plan.splits) {
        split.forEach((d, b) => {
          const key = `${b}:${d}`;
          if (needed.has(key)) return;
          needed.add(key);
          for (const groups of searchPartitions(ctx, d, BUCKET_NODE_SIZE)) {
            push({ role: 'bucket', bucket: b, devices: d, models: plan.buckets[b], groups, search, label: `bucket ${b} on ${d} GPUs: ${describe(groups)}` });
          }
        });
      }
      break;
    }
    default:
      break;
  }
  return out;
}

/** Solve one candidate (deterministic; the same answer in any worker). */
export function solveCandidateIn(ctx: PolicyContext, c: Candidate, ticker: Ticker = SILENT): CandidateResult {
  const problem = c.window ? problemOf(ctx, c.models, c.window.from, c.window.to) : problemOf(ctx, c.models);
  let st = emptyState(problem, c.groups);
  st = c.search.kind === 'greedy' ? fastGreedy(problem, st, ticker) : beamSearch(problem, st, c.search.size, ticker);
  return {
    index: c.index,
    score: stateScore(problem, st),
    attainment: stateAttainment(problem, st),
    placement: {
      groups: st.groups.map((g) => ({
        dp: 1,
        op: g.cfg.op,
        pp: g.cfg.pp,
        models: g.models.map((m) => problem.names[m]),
      })),
    },
  };
}

/** The candidates of a scenario's policy (serialisable; see solveCandidate). */
export function listCandidates(scenario: Scenario): Candidate[] {
  return candidatesOf(policyContext(scenario));
}

/**
 * Solve one candidate of `scenario` (from listCandidates). The scenario's
 * training workload is generated once per scenario object and reused.
 */
export function solveCandidate(scenario: Scenario, candidate: Candidate): CandidateResult {
  return solveCandidateIn(policyContext(scenario), candidate);
}

/**
 * A solver bound to one scenario, for a worker that receives the scenario once
 * and then candidates one by one (the training workload is generated once).
 */
export function candidateSolver(scenario: Scenario): (candidate: Candidate) => CandidateResult {
  const ctx = policyContext(scenario, false);
  return (candidate) => solveCandidateIn(ctx, candidate);
}

/**
 * Position (in `results`) of the best score; on ties the lowest candidate
 * `index` wins (the position when there is none), i.e. the first maximum in
 * candidate order, as numpy's argmax, whatever order the results arrived in.
 */
export function pickBest(results: readonly { score: number; index?: number }[]): number {
  let best = -1;
  for (let i = 0; i < results.length; i++) {
    if (best < 0) {
      best = i;
      continue;
    }
    const a = results[i];
    const b = results[best];
    if (a.score > b.score || (a.score === b.score && (a.index ?? i) < (b.index ?? best))) best = i;
  }
  return best;
}

