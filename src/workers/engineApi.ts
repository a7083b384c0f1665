/**
 * What an engine worker does, independent of where it runs (a browser Web
 * Worker or a Node worker thread): hold the traces the scenarios replay,
 * simulate a scenario, and take part in a placement search (open it, solve
 * candidates, combine their results). Thin: every number comes from
 * src/core. Cancellation arrives through a shared Int32 flag (set by the pool
 * while this worker is busy), checked by the search's ticker every few
 * milliseconds.
 */
import { openSearch, SearchCancelled, type Candidate, type CandidateResult, type PolicyResult, type SearchSession } from '../core/placement';
import { simulatePlaced } from '../core/plan';
import { runScenario, type RunOutcome } from '../core/run';
import type { Results } from '../core/sim/results';
import { analyseRun, type RunView, type RunViewOptions } from '../core/sim/view';
import { ScenarioError, type ScenarioIssue } from '../core/scenario/errors';
import type { Scenario } from '../core/scenario/types';
import { expandTrace, type CompactTrace } from '../core/workload/trace/compact';
import { registerTrace, unregisterTrace } from '../core/workload/trace/loaded';
import { scenarioTraceView, type TraceView } from '../core/workload/trace/view';

/** How a failure crosses the worker boundary (Comlink keeps only name and message of an Error). */
export type EngineFailure = { kind: 'cancelled' } | { kind: 'scenario'; issues: ScenarioIssue[] } | { kind: 'internal'; message: string };
export type EngineReply<T> = { ok: true; value: T } | { ok: false; failure: EngineFailure };

function guard<T>(f: () => T): EngineReply<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof SearchCancelled) return { ok: false, failure: { kind: 'cancelled' } };
    if (e instanceof ScenarioError) return { ok: false, failure: { kind: 'scenario', issues: e.issues } };
    return { ok: false, failure: { kind: 'internal', message: (e as Error)?.message ?? String(e) } };
  }
}

export function createEngineApi(exit: (code: number) => void) {
  let flag: Int32Array | null = null;
  const sessions = new Map<number, SearchSession>();
  const shouldStop = (): boolean => flag !== null && Atomics.load(flag, 0) !== 0;

  return {
    /** The pool's cancel flag (a SharedArrayBuffer of one Int32), when shared memory is available. */
    init(cancelFlag: SharedArrayBuffer | null): void {
      flag = cancelFlag ? new Int32Array(cancelFlag) : null;
    },
    ping(): string {
      return 'pong';
    },
    /**
     * Make a trace available to the scenarios that name it (each worker is its
     * own realm, so the pool sends it to every worker; shared arrays are not copied).
     */
    loadTrace(name: string, sha256: string | null, trace: CompactTrace): void {
      registerTrace(name, sha256, expandTrace(trace));
    },
    unloadTrace(name: string, sha256: string | null): boolean {
      return unregisterTrace({ name, sha256 });
    },
    runScenario(input: unknown): RunOutcome {
      return runScenario(input);
    },
    /** Open search `id` on a (validated) scenario: generates the training workload, lists the candidates. */
    openSearch(id: number, scenario: Scenario): EngineReply<Candidate[]> {
      return guard(() => {
        const session = openSearch(scenario);
        sessions.set(id, session);
        return session.candidates;
      });
    },
    solveCandidate(id: number, candidate: Candidate): EngineReply<CandidateResult> {
      return guard(() => session(id).solve(candidate, { shouldStop }));
    },
    finishSearch(id: number, results: CandidateResult[]): EngineReply<PolicyResult> {
      return guard(() => session(id).finish(results, { shouldStop }));
    },
    /** Simulate the placement a pool search chose, with the search's summary attached. */
    simulatePlaced(scenario: Scenario, result: PolicyResult, workers: number): EngineReply<Results> {
      return guard(() => simulatePlaced(scenario, result, workers));
    },
    /** Simulate a scenario with a placement and summarise it for the page's views. */
    analyseRun(scenario: Scenario, options: RunViewOptions): EngineReply<RunView> {
      return guard(() => analyseRun(scenario, options));
    },
    /** The trace viewer's data for a scenario with a trace workload (src/core/workload/trace/view.ts). */
    traceView(scenario: Scenario): EngineReply<TraceView> {
      return guard(() => scenarioTraceView(scenario));
    },
    closeSearch(id: number): void {
      sessions.delete(id);
    },
    /** For the pool's own tests: fail the way a real crash would (an uncaught error, or the worker exiting). */
    crashForTesting(how: 'throw' | 'exit'): void {
      if (how === 'exit') exit(3);
      else
        setTimeout(() => {
          throw new Error('deliberate crash (crashForTesting)');
        }, 0);
    },
  };

  function session(id: number): SearchSession {
    const s = sessions.get(id);
    if (!s) throw new Error(`search ${id} is not open in this worker`);
    return s;
  }
}

export type EngineApi = ReturnType<typeof createEngineApi>;
