/**
 * A pool of engine workers with one API for the browser (Web Workers) and
 * Node (worker_threads): see browser.ts and node.ts for the two ways to spawn
 * a worker. A placement search is cut into candidates (src/core/placement),
 * solved by whichever worker is free, and combined by one worker in candidate
 * order, so the result is identical for any pool size. The calling thread only
 * schedules: it never generates a workload or simulates.
 *
 * - progress: `onProgress` at the start, after every candidate, and at least
 *   every `progressIntervalMs` (default 100 ms) while the search runs;
 * - cancel: abort the signal; busy workers see a shared flag within a few
 *   milliseconds (or, without shared memory, are terminated at once), and any
 *   worker still busy after `cancelGraceMs` (default 80 ms) is terminated and
 *   replaced. The search rejects with SearchCancelled once nothing runs;
 * - crash: a worker that dies (an uncaught error, exit, out of memory) is
 *   replaced, and the search it served rejects with WorkerCrashed. Nothing hangs.
 *
 * Searches run one at a time (a second waits for the first); simulations run
 * on any free worker. Traces that scenarios replay are loaded into every
 * worker (loadTrace; poolTraces.ts), replacements included.
 */
import type { Remote } from 'comlink';
import { SearchCancelled, type Candidate, type CandidateResult, type PolicyResult } from '../core/placement';
import type { RunOutcome } from '../core/run';
import type { Results } from '../core/sim/results';
import type { RunView, RunViewOptions } from '../core/sim/view';
import { ScenarioError } from '../core/scenario/errors';
import type { Scenario } from '../core/scenario/types';
import type { CompactTrace } from '../core/workload/trace/compact';
import type { TraceView } from '../core/workload/trace/view';
import type { EngineApi, EngineReply } from '../workers/engineApi';
import { WorkerCrashed, failureError } from './failures';
import { CandidateCosts } from './candidateCosts';
import { PoolTraces, type TraceRef } from './poolTraces';

export { WorkerCrashed, failureReporter } from './failures';

/** One spawned worker, as the pool sees it. */
export interface EngineWorker {
  api: Remote<EngineApi>;
  /** register the callback for the worker's death (called at most once) */
  onFailure(callback: (reason: string) => void): void;
  terminate(): void;
}

export type SpawnEngine = () => EngineWorker;

export interface PoolProgress {
  /** candidates finished */
  done: number;
  /** candidates in all (0 while the search is being opened) */
  total: number;
  /** best training score among the finished candidates */
  bestScore: number | null;
  /** candidates being solved right now */
  running: number;
  /** "open": generating the training workload; "solve": candidates; "finish": combining */
  phase: 'open' | 'solve' | 'finish';
  elapsedMs: number;
}

export interface PoolSearchOptions {
  onProgress?: (p: PoolProgress) => void;
  signal?: AbortSignal;
  progressIntervalMs?: number;
}

export interface PoolOptions {
  /** share a cancel flag through a SharedArrayBuffer (default: when the platform allows it) */
  sharedMemory?: boolean;
  cancelGraceMs?: number;
  /**
   * One more worker that only simulates (simulate, analyse, plan's final
   * simulation), so that re-simulating a known placement never waits behind
   * a search's candidates (the page: a slider on a given placement updates
   * at once while the compared policies search anew). Default false.
   */
  dedicatedSimulator?: boolean;
  /**
   * The order candidates are handed out in (only for searches with at most
   * 16 candidates per worker, where a few long ones decide the wall time;
   * larger ones go in list order): "longest-first" (default) by the time each
   * took when this pool last solved it, candidates it has not seen first by a
   * static guess (candidateCosts.ts); "estimate": the static guess only (what
   * a fresh pool's first search does); "list": the candidates' own order.
   */
  candidateOrder?: 'longest-first' | 'estimate' | 'list';
}

interface Slot {
  id: number;
  worker: EngineWorker;
  /** rejects when the worker dies or is retired; every call races against it */
  dead: Promise<never>;
  kill: (e: Error) => void;
  busy: boolean;
  /** counts the calls made on the slot, so a late cancel timer cannot hit a later call */
  calls: number;
  /** it has answered at least once (a worker that dies before that failed to start) */
  started: boolean;
  gone: boolean;
}

const now = (): number => performance.now();

/** Searches with more candidates than this per worker hand them out in list order (see runSearch). */
export const LPT_MAX_CANDIDATES_PER_WORKER = 16;

export function sharedMemoryAvailable(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean };
  return typeof SharedArrayBuffer !== 'undefined' && g.crossOriginIsolated !== false;
}

export class EnginePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private simSlot: Slot | null = null;
  private readonly flag: Int32Array | null;
  private readonly cancelGraceMs: number;
  private readonly traces: PoolTraces;
  private nextSlotId = 0;
  private searchId = 0;
  /** how long each candidate took when last solved here, to hand out the longest first */
  private readonly costs = new CandidateCosts();
  private readonly candidateOrder: 'longest-first' | 'estimate' | 'list';
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private startFailures = 0;
  /** why workers cannot start (three failed in a row before answering): the pool refuses work */
  private broken: string | null = null;
  /** failures of workers that died while idle, reported by the next search */
  readonly crashes: string[] = [];

  constructor(
    private readonly spawn: SpawnEngine,
    size: number,
    options: PoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
    this.size = size;
    const shared = options.sharedMemory ?? sharedMemoryAvailable();
    this.flag = shared ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.cancelGraceMs = options.cancelGraceMs ?? 80;
    this.candidateOrder = options.candidateOrder ?? 'longest-first';
    this.traces = new PoolTraces(shared);
    for (let i = 0; i < size; i++) this.slots.push(this.newSlot());
    if (options.dedicatedSimulator) this.simSlot = this.newSlot();
  }

  private newSlot(): Slot {
    const worker = this.spawn();
    let kill!: (e: Error) => void;
    const dead = new Promise<never>((_, reject) => {
      kill = reject;
    });
    dead.catch(() => undefined);
    const slot: Slot = { id: this.nextSlotId++, worker, dead, kill, busy: false, calls: 0, started: false, gone: false };
    worker.onFailure((reason) => {
      if (slot.gone) return;
      this.crashes.push(`worker ${slot.id}: ${reason}`);
      if (!slot.started && ++this.startFailures >= 3) this.broken = reason; // no endless respawning
      this.retire(slot, new WorkerCrashed(slot.id, reason));
    });
    void worker.api
      .init(this.flag ? (this.flag.buffer as SharedArrayBuffer) : null)
      .then(() => {
        slot.started = true;
        this.startFailures = 0;
      })
      .catch(() => undefined);
    this.traces.sendAll(worker.api);
    return slot;
  }

  /** Take a worker out: its pending call rejects with `reason`, it is terminated and a fresh one takes its place. */
  private retire(slot: Slot, reason: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    slot.kill(reason);
    try {
      slot.worker.terminate();
    } catch {
      /* already gone */
    }
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed && this.broken === null) this.slots[i] = this.newSlot();
    if (slot === this.simSlot && !this.closed && this.broken === null) this.simSlot = this.newSlot();
  }

  private async call<T>(slot: Slot, f: (api: Remote<EngineApi>) => Promise<T>): Promise<T> {
    if (slot.gone) return slot.dead;
    slot.busy = true;
    slot.calls++;
    try {
      return await Promise.race([f(slot.worker.api), slot.dead]);
    } finally {
      slot.busy = false;
    }
  }

  /** Where a simulation goes: the dedicated simulator, else a free worker, else the first. */
  private simulationSlot(): Slot {
    return this.simSlot ?? this.slots.find((s) => !s.busy) ?? this.slots[0];
  }

  /** Wait until every worker has loaded (optional: the first call waits anyway). */
  async ready(): Promise<void> {
    await Promise.all(this.allSlots().map((s) => this.call(s, (api) => api.ping())));
  }

  private allSlots(): Slot[] {
    return this.simSlot ? [...this.slots, this.simSlot] : [...this.slots];
  }

  /** Whether the workers hold a trace (by sha256 when the reference gives one, else by name). */
  hasTrace(ref: TraceRef): boolean {
    return this.traces.has(ref);
  }

  /**
   * Make a trace replayable on every worker, now and after any respawn
   * (registerTrace in each worker's realm). Resolves once every live worker
   * has it; calls made after this one see it anyway (messages are in order).
   */
  async loadTrace(name: string, sha256: string | null, trace: CompactTrace): Promise<void> {
    this.assertOpen();
    const t = this.traces.add(name, sha256, trace);
    await Promise.all(this.allSlots().map((s) => Promise.race([s.worker.api.loadTrace(t.name, t.sha256, t.trace), s.dead]).catch(() => undefined)));
  }

  /** Let the workers drop a trace (its memory goes once no worker holds it). */
  unloadTrace(name: string, sha256: string | null): void {
    if (!this.traces.remove(name, sha256)) return;
    for (const s of this.allSlots()) if (!s.gone) void s.worker.api.unloadTrace(name, sha256).catch(() => undefined);
  }

  /** Simulate a scenario (unvalidated input) on a free worker. */
  async simulate(input: unknown): Promise<RunOutcome> {
    this.assertOpen();
    const slot = this.simulationSlot();
    return this.call<RunOutcome>(slot, (api) => api.runScenario(input));
  }

  /**
   * Results of a validated scenario: a given placement is simulated on a
   * worker; a policy is searched on the pool first (see search) and its
   * placement simulated, with the search's summary in `results.search`.
   */
  async plan(scenario: Scenario, options: PoolSearchOptions = {}): Promise<Results> {
    this.assertOpen();
    const slot = (): Slot => this.simulationSlot();
    if (!scenario.policy) {
      const out = await this.call<RunOutcome>(slot(), (api) => api.runScenario(scenario));
      if (!out.ok) throw new ScenarioError(out.issues);
      return out.results;
    }
    const result = await this.search(scenario, options);
    const reply = await this.call<EngineReply<Results>>(slot(), (api) => api.simulatePlaced(scenario, result, this.size));
    if (!reply.ok) throw failureError(reply.failure);
    return reply.value;
  }

  /** Simulate a scenario with a placement on a free worker and summarise it for the views (src/core/sim/view.ts). */
  analyse(scenario: Scenario, options: RunViewOptions = {}): Promise<RunView> {
    return this.onSimulator((api) => api.analyseRun(scenario, options));
  }

  /** The trace viewer's data for a validated scenario with a trace workload, from a free worker. */
  traceView(scenario: Scenario): Promise<TraceView> {
    return this.onSimulator((api) => api.traceView(scenario));
  }

  /** A guarded engine call where simulations go; a failure reply rejects (failureError). */
  private async onSimulator<T>(f: (api: Remote<EngineApi>) => Promise<EngineReply<T>>): Promise<T> {
    this.assertOpen();
    const reply = await this.call<EngineReply<T>>(this.simulationSlot(), f);
    if (!reply.ok) throw failureError(reply.failure);
    return reply.value;
  }

  /** Run the scenario's policy on the pool. Rejects with ScenarioError, SearchCancelled or WorkerCrashed. */
  search(scenario: Scenario, options: PoolSearchOptions = {}): Promise<PolicyResult> {
    try {
      this.assertOpen();
    } catch (e) {
      return Promise.reject(e as Error);
    }
    let started = false;
    const run = this.queue.then(() => {
      started = true;
      return this.runSearch(scenario, options);
    });
    this.queue = run.catch(() => undefined);
    const signal = options.signal;
    if (!signal) return run;
    // a search still waiting for its turn is cancelled at once (it will not start when its turn comes);
    // a running one rejects when its workers have stopped (runSearch)
    return new Promise<PolicyResult>((resolve, reject) => {
      const onAbort = (): void => {
        if (!started) reject(new SearchCancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private async runSearch(scenario: Scenario, options: PoolSearchOptions): Promise<PolicyResult> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new SearchCancelled();
    const id = ++this.searchId;
    const t0 = now();
    if (this.flag) Atomics.store(this.flag, 0, 0);
    const state: PoolProgress = { done: 0, total: 0, bestScore: null, running: 0, phase: 'open', elapsedMs: 0 };
    const report = (): void => {
      state.elapsedMs = now() - t0;
      onProgress?.({ ...state });
    };
    report();
    const timer = onProgress ? setInterval(report, options.progressIntervalMs ?? 100) : null;

    // the first failure stops everything: cancel, a crash, a scenario error
    let failure: Error | null = null;
    let graceTimer: ReturnType<typeof setTimeout> | null = null;
    const stopAll = (e: Error): void => {
      if (failure) return;
      failure = e;
      if (this.flag) Atomics.store(this.flag, 0, 1);
      const busy = this.slots.filter((s) => s.busy).map((slot) => ({ slot, call: slot.calls }));
      if (!this.flag) for (const b of busy) this.retire(b.slot, new SearchCancelled());
      else if (busy.length > 0) {
        // still in the same call after the grace period: it does not listen, so it goes
        graceTimer = setTimeout(() => {
          for (const b of busy) if (b.slot.busy && b.slot.calls === b.call) this.retire(b.slot, new SearchCancelled());
        }, this.cancelGraceMs);
      }
    };
    const onAbort = (): void => stopAll(new SearchCancelled());
    signal?.addEventListener('abort', onAbort);
    const opened: Slot[] = [];
    const unwrap = <T>(r: EngineReply<T>): T => {
      if (r.ok) return r.value;
      throw failureError(r.failure);
    };
    const guarded = async <T>(slot: Slot, f: (api: Remote<EngineApi>) => Promise<EngineReply<T>>): Promise<T> => {
      try {
        return unwrap(await this.call(slot, f));
      } catch (e) {
        stopAll(e as Error);
        throw failure ?? e;
      }
    };
    const open = (slot: Slot): Promise<Candidate[]> => {
      opened.push(slot);
      return guarded(slot, (api) => api.openSearch(id, scenario));
    };

    try {
      // every worker opens the search at once (each generates the training workload it simulates);
      // the first one's list of candidates is the search's
      const first = this.slots[0];
      const openings = this.slots.map((slot) => open(slot));
      for (const o of openings) o.catch(() => undefined);
      const candidates = await openings[0];
      state.total = candidates.length;
      state.phase = 'solve';
      report();
      const results: CandidateResult[] = [];
      const policy = scenario.policy?.name ?? '';
      // longest first matters when a few candidates carry the work (S1-like: 11); with many small ones
      // (S3-like mp-search-sep: 570) list order balances anyway and measured faster (1.9x vs 1.5x on 2 workers)
      const lpt = this.candidateOrder !== 'list' && candidates.length <= LPT_MAX_CANDIDATES_PER_WORKER * this.size;
      const order = lpt ? this.costs.order(policy, candidates, this.candidateOrder === 'longest-first') : candidates;
      let next = 0;
      const work = async (slot: Slot, opening: Promise<Candidate[]>): Promise<void> => {
        await opening;
        while (next < order.length && !failure) {
          const c = order[next++];
          state.running++;
          try {
            const started = now();
            const r = await guarded(slot, (api) => api.solveCandidate(id, c));
            this.costs.record(policy, c, now() - started);
            results.push(r);
            state.done++;
            if (state.bestScore === null || r.score > state.bestScore) state.bestScore = r.score;
          } finally {
            state.running--;
          }
          report();
        }
      };
      const outcomes = await Promise.allSettled(this.slots.map((slot, i) => work(slot, openings[i])));
      if (failure) throw failure;
      for (const o of outcomes) if (o.status === 'rejected') throw o.reason;
      state.phase = 'finish';
      report();
      const result = await guarded(first, (api) => api.finishSearch(id, results));
      result.seconds = (now() - t0) / 1000;
      return result;
    } catch (e) {
      // wait until nothing of this search runs any more (cancelled workers answer or are retired)
      while (this.slots.some((s) => s.busy)) await new Promise((r) => setTimeout(r, 5));
      throw failure ?? e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (timer !== null) clearInterval(timer);
      if (graceTimer !== null) clearTimeout(graceTimer);
      for (const s of opened) if (!s.gone) void s.worker.api.closeSearch(id).catch(() => undefined);
      if (this.flag) Atomics.store(this.flag, 0, 0);
      state.elapsedMs = now() - t0;
    }
  }

  /** For tests: make worker `i` fail as a real crash would. */
  crashWorkerForTesting(i: number, how: 'throw' | 'exit'): void {
    void this.slots[i].worker.api.crashForTesting(how).catch(() => undefined);
  }

  /** Terminate every worker; the pool cannot be used after. */
  close(): void {
    this.closed = true;
    for (const s of this.allSlots()) {
      s.gone = true;
      s.kill(new Error('the pool was closed'));
      s.worker.terminate();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the engine pool is closed');
    if (this.broken !== null) throw new Error(`the engine workers cannot start: ${this.broken}`);
  }
}
