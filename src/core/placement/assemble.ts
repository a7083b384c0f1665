/**
 * From solved candidates to the policy's placement, and the figures of that
 * placement on the training workload.
 */
import { isSegmented, type GroupSpec, type PlacementSpec } from '../scenario/types';
import { compilePlacement } from '../sim/compile';
import { Simulation } from '../sim/simulation';
import { mpEqual, mpRoundRobin, srUniform } from './baselines';
import { pickBest, separationPlan, type Candidate, type CandidateResult } from './candidates';
import { allModels, problemOf, type PolicyContext } from './context';
import { sumNumpy } from './numpy';
import { SILENT, type Ticker } from './progress';
import { evaluateGroups, stateAttainment, stateScore } from './state';

export interface Assembled {
  placement: PlacementSpec;
  /** what was chosen, in words */
  chosen: string;
}

function byIndex(results: readonly CandidateResult[]): Map<number, CandidateResult> {
  return new Map(results.map((r) => [r.index, r]));
}

function bestOf(cands: readonly Candidate[], results: Map<number, CandidateResult>): { cand: Candidate; result: CandidateResult } {
  const rs = cands.map((c) => {
    const r = results.get(c.index);
    if (!r) throw new Error(`no result for candidate ${c.index} (${c.label})`);
    return r;
  });
  const i = pickBest(rs);
  return { cand: cands[i], result: rs[i] };
}

function toGroups(ctx: PolicyContext, groups: readonly GroupSpec[]): { cfg: { op: number; pp: number }; models: number[] }[] {
  const index = new Map(ctx.compiled.names.map((n, i) => [n, i]));
  return groups.map((g) => ({ cfg: { op: g.op, pp: g.pp }, models: g.models.map((n) => index.get(n)!) }));
}

/**
 * mp-search-sep: for every kept device split, the best placement of each
 * bucket on its devices, concatenated in bucket order (not normalised), scored
 * on the whole training workload; the best split (first maximum) is returned
 * only if it scores strictly above plain mp-search.
 */
function assembleSeparation(ctx: PolicyContext, cands: readonly Candidate[], results: Map<number, CandidateResult>, ticker: Ticker): Assembled {
  const plain = bestOf(
    cands.filter((c) => c.role === 'plain'),
    results,
  );
  const plan = separationPlan(ctx);
  const perBucket = new Map<string, CandidateResult>();
  const groupsOf = (b: number, d: number): CandidateResult => {
    const key = `${b}:${d}`;
    let r = perBucket.get(key);
    if (!r) {
      r = bestOf(
        cands.filter((c) => c.role === 'bucket' && c.bucket === b && c.devices === d),
        results,
      ).result;
      perBucket.set(key, r);
    }
    return r;
  };
  const full = problemOf(ctx, allModels(ctx));
  let bestSplit = -1;
  let bestScore = -Infinity;
  let bestGroups: GroupSpec[] = [];
  plan.splits.forEach((split, i) => {
    const groups = split.flatMap((d, b) => groupsOf(b, d).placement.groups);
    const score = stateScore(full, evaluateGroups(full, toGroups(ctx, groups), ticker.tickFn));
    ticker.tick();
    if (bestSplit < 0 || score > bestScore) {
      bestSplit = i;
      bestScore = score;
      bestGroups = groups;
    }
  });
  if (bestSplit >= 0 && bestScore > plain.result.score) {
    return { placement: { groups: bestGroups }, chosen: `device split [${plan.splits[bestSplit].join(', ')}] over ${plan.buckets.length} latency buckets` };
  }
  return { placement: plain.result.placement, chosen: plain.cand.label };
}

/** The placement a policy chooses, given its candidates' results (in any order). */
export function assemble(
  ctx: PolicyContext,
  cands: readonly Candidate[],
  resultList: readonly CandidateResult[],
  ticker: Ticker = SILENT,
): Assembled {
  const results = byIndex(resultList);
  const p = ctx.policy;
  switch (p.kind) {
    case 'sr-uniform':
      return { placement: { groups: srUniform(ctx) }, chosen: 'uniform' };
    case 'mp-equal':
      return { placement: { groups: mpEqual(ctx, p.pp, p.op) }, chosen: `one model per (1,${p.op},${p.pp}) group` };
    case 'mp-round-robin':
      return { placement: { groups: mpRoundRobin(ctx) }, chosen: 'round robin' };
    case 'sr-replace':
      return {
        placement: {
          segments: cands.map((c) => ({ start: c.window!.start, groups: results.get(c.index)!.placement.groups })),
        },
        chosen: `${cands.length} windows`,
      };
    case 'mp-search-sep':
      return assembleSeparation(ctx, cands, results, ticker);
    default: {
      const best = bestOf(cands, results);
      return { placement: best.result.placement, chosen: best.cand.label };
    }
  }
}

export interface TrainFigures {
  attainment: number;
  score: number;
  /** models without any replica (in any segment) */
  unplaced: string[];
}

/**
 * Attainment and score of a placement on the training workload. For a
 * segmented placement the score counts the replicas of all segments.
 */
export function trainFigures(ctx: PolicyContext, placement: PlacementSpec): TrainFigures {
  const names = ctx.compiled.names;
  const placed = new Set<string>();
  const segments = isSegmented(placement) ? placement.segments : [{ start: 0, groups: placement.groups }];
  for (const s of segments) for (const g of s.groups) for (const m of g.models) placed.add(m);
  const unplaced = names.filter((n) => !placed.has(n));
  const n = ctx.train.time.length;
  if (!isSegmented(placement)) {
    const full = problemOf(ctx, allModels(ctx));
    const st = evaluateGroups(full, toGroups(ctx, placement.groups));
    return { attainment: stateAttainment(full, st), score: stateScore(full, st), unplaced };
  }
  const placements = segments.map((s) => compilePlacement(ctx.compiled, s.groups));
  const sim = new Simulation({
    arrivals: ctx.train,
    slo: ctx.compiled.slo,
    numModels: names.length,
    placements,
    segmentStarts: segments.map((s) => s.start),
    batching: false,
  });
  sim.runToEnd();
  let good = 0;
  const latency = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    good += sim.good[i];
    latency[i] = sim.finish[i] - ctx.train.time[i];
  }
  const replicas = placements.reduce((s, x) => s + x.replicas, 0);
  if (n === 0) return { attainment: 0, score: replicas / 1e6, unplaced };
  return { attainment: good / n, score: good / n - sumNumpy(latency) / n / 1e4 + replicas / 1e6, unplaced };
}
