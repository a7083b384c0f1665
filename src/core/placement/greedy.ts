/**
 * The replica-placement searches of the reference (reference doc section 4):
 *
 * - the fast greedy (AlpaServe, SR, Clockwork++): repeatedly simulate, rank
 *   models by unserved requests (n * (1 - good / (n + 1e-6)), most first as
 *   numpy's argsort(...)[::-1]) and groups by received requests (argsort,
 *   ascending), add the first (group, model) that is new and fits (memory <=
 *   budget), restore the normal form; stop when nothing fits.
 * - beam search (sr-search, and the AlpaServe "beam" option): from every
 *   placement of the beam try every new (group, model) that fits with strict
 *   < budget, skip placements seen before (by their model tuples), score them
 *   all, keep the best k (argsort(scores)[::-1][:k]) and return the best seen.
 *
 * Both work on PlacementState, re-simulating only the component a step changes.
 */
import { argsortDescendingNumpy, argsortNumpy } from './numpy';
import type { SearchProblem } from './problem';
import type { Ticker } from './progress';
import {
  addReplica,
  cloneState,
  restoreLatency,
  simulateComponent,
  stateScore,
  type PlacementState,
} from './state';

/** Requests a model has not had served: n * (1 - good / (n + 1e-6)), as the reference computes it. */
export function unservedRequests(p: SearchProblem, st: PlacementState): Float64Array {
  const out = new Float64Array(p.numModels);
  for (let m = 0; m < p.numModels; m++) {
    const n = p.requestCount[m];
    out[m] = n * (1 - st.modelGood[m] / (n + 1e-6));
  }
  return out;
}

/** The (group, model) the fast greedy adds next, or null when nothing fits. */
export function nextGreedyStep(p: SearchProblem, st: PlacementState): { group: number; model: number } | null {
  const modelOrder = argsortDescendingNumpy(unservedRequests(p, st));
  const groupOrder = argsortNumpy(st.groups.map((g) => g.requests));
  const budget = p.budgetGB;
  for (const g of groupOrder) {
    const { cfg, models, mem } = st.groups[g];
    for (const m of modelOrder) {
      if (cfg.weight[m] + mem <= budget && !models.includes(m)) return { group: g, model: m };
    }
  }
  return null;
}

/** Fill `st` (already simulated) with the fast greedy, in place. */
export function fastGreedy(p: SearchProblem, st: PlacementState, ticker: Ticker): PlacementState {
  for (;;) {
    ticker.tick();
    const step = nextGreedyStep(p, st);
    if (step === null) return st;
    const comp = addReplica(p, st, step.group, step.model, true);
    simulateComponent(p, st, comp, undefined, ticker.tickFn);
  }
}

function placementKey(st: PlacementState): string {
  return st.groups.map((g) => g.models.join(',')).join('|');
}

/** Beam search from `init` (already simulated); returns the best placement seen at any level. */
export function beamSearch(p: SearchProblem, init: PlacementState, beamSize: number, ticker: Ticker): PlacementState {
  let beam: PlacementState[] = [init];
  let bestScore = -1;
  let best = init;
  const visited = new Set<string>();
  const budget = p.budgetGB;
  const saved = p.scratch.saved;
  for (;;) {
    // expand one level: remember each new placement as (parent, group, model) and score it
    const parents: number[] = [];
    const steps: [number, number][] = [];
    const scores: number[] = [];
    for (let b = 0; b < beam.length; b++) {
      const sol = beam[b];
      for (let g = 0; g < sol.groups.length; g++) {
        const { cfg, models, mem } = sol.groups[g];
        for (let m = 0; m < p.numModels; m++) {
          if (!(cfg.weight[m] + mem < budget) || models.includes(m)) continue;
          // the child shares the parent's latency array; its changes are undone after scoring
          const child = cloneState(sol, sol.latency);
          const comp = addReplica(p, child, g, m, true);
          const key = placementKey(child);
          if (visited.has(key)) continue;
          visited.add(key);
          simulateComponent(p, child, comp, saved, ticker.tickFn);
          scores.push(stateScore(p, child));
          restoreLatency(p, sol.latency, comp, saved);
          parents.push(b);
          steps.push([g, m]);
          ticker.tick();
        }
      }
    }
    if (scores.length === 0) return best;
    const top = argsortDescendingNumpy(scores).subarray(0, beamSize);
    const next: PlacementState[] = [];
    for (const idx of top) {
      const child = cloneState(beam[parents[idx]]);
      const comp = addReplica(p, child, steps[idx][0], steps[idx][1], true);
      simulateComponent(p, child, comp, undefined, ticker.tickFn);
      next.push(child);
      if (scores[idx] > bestScore) {
        bestScore = scores[idx];
        best = child;
      }
    }
    beam = next;
  }
}
