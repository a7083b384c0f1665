/**
 * solvePolicy: a scenario with a "policy" in, the chosen placement and its
 * training figures out. Candidates are solved one after the other here, or
 * handed to `evaluateCandidates` (e.g. a worker pool: see listCandidates /
 * solveCandidate); either way they are combined in candidate order, so the
 * result does not depend on who solved what, or when.
 */
import { ScenarioError } from '../scenario/errors';
import type { PlacementSpec, Scenario } from '../scenario/types';
import { assemble, trainFigures } from './assemble';
import { candidatesOf, solveCandidateIn, type Candidate, type CandidateResult } from './candidates';
import { policyContext, type PolicyContext } from './context';
import { Ticker, type ProgressOptions } from './progress';

export interface PolicyResult {
  placement: PlacementSpec;
  /** the resolved policy name (aliases resolved: alpaserve -> mp-search-sep) */
  policy: string;
  /** candidates solved */
  candidates: number;
  /** good / all requests of the training workload, untrimmed */
  trainAttainment: number;
  /** the search score of the placement on the training workload */
  trainScore: number;
  /** wall time of the search */
  seconds: number;
  /** which candidate (or split) was chosen, in words */
  chosen: string;
  /** models the policy left without a replica (e.g. too large for its groups), as the reference does */
  unplaced: string[];
}

export interface SolveOptions extends ProgressOptions {
  /**
   * Solve these candidates and return one result per candidate (any order;
   * results are matched by `index`). Default: one after the other, with
   * progress and cancellation. `solve` is the in-thread solver.
   */
  evaluateCandidates?: (candidates: Candidate[], solve: (c: Candidate) => CandidateResult) => CandidateResult[];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function prepare(scenario: Scenario): { ctx: PolicyContext; cands: Candidate[] } {
  if (!scenario.policy) throw new ScenarioError([{ path: 'policy', message: 'the scenario has no "policy" to solve' }]);
  const ctx = policyContext(scenario, false);
  const cands = candidatesOf(ctx);
  if (cands.length > 0 && ctx.train.time.length === 0) {
    throw new ScenarioError([{ path: 'train', message: 'the training workload has no requests: nothing to optimise on' }]);
  }
  return { ctx, cands };
}

function finish(ctx: PolicyContext, cands: Candidate[], results: CandidateResult[], ticker: Ticker, t0: number): PolicyResult {
  if (results.length !== cands.length) throw new Error(`expected ${cands.length} candidate results, got ${results.length}`);
  const { placement, chosen } = assemble(ctx, cands, results, ticker);
  const train = trainFigures(ctx, placement);
  ticker.report();
  return {
    placement,
    policy: ctx.policy.name,
    candidates: cands.length,
    trainAttainment: train.attainment,
    trainScore: train.score,
    seconds: (now() - t0) / 1000,
    chosen,
    unplaced: train.unplaced,
  };
}

function sequential(ctx: PolicyContext, cands: Candidate[], ticker: Ticker): CandidateResult[] {
  return cands.map((c) => {
    const r = solveCandidateIn(ctx, c, ticker);
    ticker.finished(r.score);
    return r;
  });
}

/** Run the scenario's policy (synchronously). Throws ScenarioError on bad input, SearchCancelled on cancel. */
export function solvePolicy(scenario: Scenario, options: SolveOptions = {}): PolicyResult {
  const t0 = now();
  const { ctx, cands } = prepare(scenario);
  const ticker = new Ticker(options);
  ticker.total = cands.length;
  ticker.report();
  const results = options.evaluateCandidates
    ? options.evaluateCandidates(cands, (c) => solveCandidateIn(ctx, c))
    : sequential(ctx, cands, ticker);
  ticker.done = cands.length;
  ticker.checkStop();
  return finish(ctx, cands, results, ticker, t0);
}

/**
 * One search cut into the pieces a worker pool hands around: the candidates,
 * a solver for one candidate (in any worker, any order), and the step that
 * combines their results into the policy's placement (it simulates the
 * training workload again, so a page runs it in a worker too). The training
 * workload is generated once per session.
 */
export interface SearchSession {
  candidates: Candidate[];
  solve(candidate: Candidate, options?: ProgressOptions): CandidateResult;
  finish(results: CandidateResult[], options?: ProgressOptions): PolicyResult;
}

export function openSearch(scenario: Scenario): SearchSession {
  const t0 = now();
  const { ctx, cands } = prepare(scenario);
  return {
    candidates: cands,
    solve: (candidate, options = {}) => {
      const c = cands[candidate.index];
      if (!c || c.label !== candidate.label) throw new Error(`candidate ${candidate.index} is not one of this search's`);
      const ticker = new Ticker(options);
      ticker.checkStop();
      return solveCandidateIn(ctx, c, ticker);
    },
    finish: (results, options = {}) => {
      const ticker = new Ticker(options);
      ticker.total = cands.length;
      ticker.done = cands.length;
      return finish(ctx, cands, results, ticker, t0);
    },
  };
}

/** The scenario with a search's placement in place of its "policy" (and "train"), ready for simulateScenario. */
export function withPlacement(scenario: Scenario, result: PolicyResult): Scenario {
  const out: Scenario = { ...scenario, placement: result.placement };
  delete out.policy;
  delete out.train;
  return out;
}

/** Solve the scenario's policy in this thread and return withPlacement of the result. */
export function placeScenario(scenario: Scenario, options: SolveOptions = {}): Scenario {
  return withPlacement(scenario, solvePolicy(scenario, options));
}
