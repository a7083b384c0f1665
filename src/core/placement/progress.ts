/**
 * Progress and cancellation of the searches: a Ticker is called after every
 * simulation step; it reports progress at most every `intervalMs` (the caller
 * may throttle further) and asks `shouldStop` at most every `stopCheckMs`,
 * so a cancel takes effect within one step plus that interval.
 */

export interface PolicyProgress {
  /** candidates finished */
  done: number;
  /** candidates in all */
  total: number;
  /** best training score among the finished candidates (null before the first) */
  bestScore: number | null;
}

export interface ProgressOptions {
  onProgress?: (p: PolicyProgress) => void;
  shouldStop?: () => boolean;
}

/** Thrown when `shouldStop()` answers true; nothing of the search is left running. */
export class SearchCancelled extends Error {
  constructor() {
    super('placement search cancelled');
    this.name = 'SearchCancelled';
  }
}

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

export class Ticker {
  done = 0;
  total = 0;
  bestScore: number | null = null;
  private lastReport = -Infinity;
  private lastStopCheck = -Infinity;

  constructor(
    private readonly opts: ProgressOptions = {},
    private readonly intervalMs = 50,
    private readonly stopCheckMs = 5,
  ) {}

  /** tick as a plain function (for callbacks) */
  readonly tickFn = (): void => this.tick();

  /** Called after every unit of work (a simulation step). */
  tick(): void {
    if (!this.opts.onProgress && !this.opts.shouldStop) return;
    const t = now();
    if (this.opts.shouldStop && t - this.lastStopCheck >= this.stopCheckMs) {
      this.lastStopCheck = t;
      if (this.opts.shouldStop()) throw new SearchCancelled();
    }
    if (this.opts.onProgress && t - this.lastReport >= this.intervalMs) this.report(t);
  }

  /** A candidate finished with this score. */
  finished(score: number): void {
    this.done++;
    if (this.bestScore === null || score > this.bestScore) this.bestScore = score;
    this.report(now());
  }

  /** Report now (start and end of a search). */
  report(t = now()): void {
    this.lastReport = t;
    this.opts.onProgress?.({ done: this.done, total: this.total, bestScore: this.bestScore });
  }

  checkStop(): void {
    if (this.opts.shouldStop?.()) throw new SearchCancelled();
  }
}

/** A ticker that does nothing (a search run without progress or cancellation). */
export const SILENT = new Ticker();
