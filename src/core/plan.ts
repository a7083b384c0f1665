/**
 * A scenario to results, whichever way it says where models go: a given
 * placement is simulated; a policy is run first (in this thread) and the
 * placement it chooses is simulated, with the search's summary attached.
 * Pools run the search elsewhere and call `simulatePlaced` with its result.
 */
import { solvePolicy, withPlacement, type PolicyResult, type SolveOptions } from './placement';
import type { Scenario } from './scenario/types';
import type { Results } from './sim/results';
import { simulateScenario } from './sim/simulate';

/** Simulate the placement a search chose and attach the search's summary. */
export function simulatePlaced(s: Scenario, r: PolicyResult, workers: number | 'in-thread'): Results {
  const results = simulateScenario(withPlacement(s, r));
  results.search = {
    policy: r.policy,
    candidates: r.candidates,
    seconds: r.seconds,
    trainAttainment: r.trainAttainment,
    trainScore: r.trainScore,
    chosen: r.chosen,
    unplaced: r.unplaced,
    workers,
  };
  return results;
}

export function planScenario(s: Scenario, options: SolveOptions = {}): Results {
  if (!s.policy) return simulateScenario(s);
  return simulatePlaced(s, solvePolicy(s, options), 'in-thread');
}
