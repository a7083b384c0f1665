/** How the engine pool notices and names failures: a worker's death, and a worker's failure reply as an Error. */
import { SearchCancelled } from '../core/placement';
import { ScenarioError } from '../core/scenario/errors';
import type { EngineFailure } from '../workers/engineApi';

/**
 * The once-only failure report both spawners need: `fail(reason)` reaches the
 * pool's callback at most once, and never after `silence()` (a deliberate terminate).
 */
export function failureReporter(): { fail: (reason: string) => void; silence: () => void; onFailure: (cb: (reason: string) => void) => void } {
  let callback: ((reason: string) => void) | null = null;
  let reported = false;
  return {
    fail: (reason) => {
      if (reported) return;
      reported = true;
      callback?.(reason);
    },
    silence: () => {
      reported = true;
    },
    onFailure: (cb) => {
      callback = cb;
    },
  };
}

/** A worker died while it worked for this search. */
export class WorkerCrashed extends Error {
  constructor(readonly worker: number, readonly reason: string) {
    super(`worker ${worker} crashed (${reason}); it was replaced and the search stopped`);
    this.name = 'WorkerCrashed';
  }
}

/** A failure reply from a worker, as the Error the pool rejects with. */
export function failureError(f: EngineFailure): Error {
  if (f.kind === 'cancelled') return new SearchCancelled();
  if (f.kind === 'scenario') return new ScenarioError(f.issues);
  return new Error(`engine error: ${f.message}`);
}
