/**
 * One call from untrusted input to results or issues: what the worker, the
 * page and tests use. Never throws for bad input; errors are values.
 */
import { ScenarioError, type ScenarioIssue } from './scenario/errors';
import { parseScenario } from './scenario/parse';
import type { Results } from './sim/results';
import { planScenario } from './plan';

export type RunOutcome =
  | { ok: true; results: Results; ms: number; requests: number }
  | { ok: false; issues: ScenarioIssue[] };

export function runScenario(input: unknown): RunOutcome {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const t0 = performance.now();
  try {
    const results = planScenario(parsed.scenario);
    const requests = Object.values(results.untrimmed.perModel).reduce((a, m) => a + m.requests, 0);
    return { ok: true, results, ms: performance.now() - t0, requests };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    return { ok: false, issues: [{ path: '', message: `internal error: ${(e as Error).message}` }] };
  }
}
