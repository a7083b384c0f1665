/**
 * Keeps the runs in step with the scenario: watches the store, and for each
 * run (the scenario's own placement or policy, plus every compared policy)
 * searches on the worker pool when the search's inputs changed, or only
 * re-simulates with the known placement when they did not (a rate slider on
 * a given placement, a new seed or duration, a new timeline window). Old
 * results stay, dimmed, until new ones arrive. Nothing here simulates: the
 * pool's workers do.
 */
import { ALIASES, SearchCancelled, withPlacement, type PolicyResult } from '../core/placement';
import { ScenarioError, formatIssue } from '../core/scenario/errors';
import type { Scenario, TraceWorkload } from '../core/scenario/types';
import type { EnginePool, PoolProgress } from '../pool/enginePool';
import { usePolicy } from './edits';
import { missingTraceMessage, traceRefs } from './traceEdits';
import { traceData, useTraceLibrary } from './traceLibrary';
import { policyLabel, usePlanner, type PlannerState, type RunState } from './store';

interface RunSpec {
  id: string;
  scenario: Scenario;
}

/** The runs a scenario asks for: its own placement or policy first, then the compared policies. */
export function runSpecs(s: Scenario, compare: readonly string[]): RunSpec[] {
  const specs: RunSpec[] = [];
  if (s.placement) specs.push({ id: 'given', scenario: s });
  if (s.policy) specs.push({ id: s.policy.name, scenario: s });
  for (const p of compare) if (!specs.some((x) => x.id === p)) specs.push({ id: p, scenario: usePolicy(s, p) });
  return specs;
}

/**
 * What a search depends on: everything but the test workload's seed,
 * duration and start (the default training workload is built from the
 * models' rates and the workload's kind), unless it trains on the test
 * workload (explicitly, or a trace replay by default); names, notes and page
 * state never matter.
 */
export function searchKey(s: Scenario): string {
  const { name: _n, meta: _m, ui: _u, placement: _p, simulation: _s, workload, policy, ...rest } = s;
  const onTest = s.train === 'test' || (s.train === undefined && workload.kind === 'trace');
  const train = onTest ? workload : { kind: workload.kind };
  // aliases name the same search (alpaserve = mp-search-sep)
  const resolved = policy ? { ...policy, name: ALIASES[policy.name] ?? policy.name } : policy;
  return JSON.stringify({ ...rest, policy: resolved, workload: train });
}

function describeError(e: unknown): string {
  if (e instanceof ScenarioError) return e.issues.map(formatIssue).join('; ');
  return (e as Error)?.message ?? String(e);
}

export interface Runner {
  /** cancel every running search (results already there stay) */
  cancel(): void;
  stop(): void;
}

export function startRunner(pool: EnginePool, debounceMs = 0, searchDelayMs = 250): Runner {
  const placements = new Map<string, PolicyResult>();
  /** searches in flight by searchKey: a new scenario with the same search key joins the running one */
  const inflight = new Map<string, { promise: Promise<PolicyResult>; abort: AbortController; listeners: Set<(p: PoolProgress) => void> }>();
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const store = usePlanner;
  /** traces loading into the pool (by sha256, or name), and those loaded: sha256 -> the name they were loaded under */
  const loadingTraces = new Map<string, Promise<boolean>>();
  const loadedTraces = new Map<string, string>();

  /**
   * Start the runs for the store's state. `now` (an edit, without a debounce):
   * at once, inside the store update, so that the re-simulation's message is
   * posted to the simulator worker before React renders the edit; the worker
   * simulates while the page renders (a slider's attainment arrives sooner).
   */
  const schedule = (now = false): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (now && debounceMs === 0) {
      void runAll();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      void runAll();
    }, debounceMs);
  };

  function searchOnce(key: string, s: Scenario, listener: (p: PoolProgress) => void): Promise<PolicyResult> {
    let f = inflight.get(key);
    if (!f) {
      const abort = new AbortController();
      const listeners = new Set<(p: PoolProgress) => void>();
      const promise = pool.search(s, { signal: abort.signal, onProgress: (p) => listeners.forEach((l) => l(p)) });
      f = { promise, abort, listeners };
      inflight.set(key, f);
      const mine = f;
      promise.then(
        (r) => {
          placements.set(key, r);
          if (inflight.get(key) === mine) inflight.delete(key);
        },
        () => {
          if (inflight.get(key) === mine) inflight.delete(key);
        },
      );
    }
    f.listeners.add(listener);
    return f.promise;
  }

  /** Make sure the pool's workers hold a scenario's trace (from the page's library); false when this browser lacks it. */
  function ensureTrace(ref: TraceWorkload): Promise<boolean> {
    const src = ref.source;
    if (pool.hasTrace(src)) return Promise.resolve(true);
    const key = src.sha256 ?? `name:${src.name}`;
    let p = loadingTraces.get(key);
    if (!p) {
      p = (async () => {
        const d = await traceData(src);
        if (!d) return false;
        await pool.loadTrace(src.name, d.meta.sha256, d.trace);
        loadedTraces.set(d.meta.sha256, src.name);
        return true;
      })().finally(() => loadingTraces.delete(key));
      loadingTraces.set(key, p);
    }
    return p;
  }

  const needsSearch = (sp: RunSpec): boolean => !!sp.scenario.policy && !placements.has(searchKey(sp.scenario));

  async function runAll(): Promise<void> {
    const gen = ++generation;
    const { scenario, compare, timeline, runs: before } = store.getState();
    const specs = runSpecs(scenario, compare);
    // searches no run needs any more stop; the others go on
    const wanted = new Set(specs.filter((sp) => sp.scenario.policy).map((sp) => searchKey(sp.scenario)));
    for (const [key, f] of inflight) {
      f.listeners.clear(); // the runs of this generation listen anew
      if (!wanted.has(key)) {
        f.abort.abort();
        inflight.delete(key);
      }
    }
    const previous = new Map(before.map((r) => [r.id, r]));
    store.getState().setRuns(
      specs.map<RunState>((sp) => {
        const old = previous.get(sp.id);
        // old results are dimmed only while a search runs (a re-simulation replaces them within moments)
        return { id: sp.id, label: policyLabel(sp.id), status: 'queued', progress: null, view: old?.view ?? null, stale: !!old?.view && needsSearch(sp), error: null };
      }),
    );
    const current = (): boolean => gen === generation;
    const patch = (id: string, p: Partial<RunState>): void => {
      if (current()) store.getState().patchRun(id, p);
    };
    const window = { from: timeline.from, to: timeline.to, maxEvents: 1500 };
    const replaysTrace = scenario.workload.kind === 'trace';
    const tv = store.getState().traceView;
    if (!replaysTrace) {
      if (tv !== null) store.getState().setTraceView(null);
    } else store.getState().setTraceView({ view: tv?.view ?? null, error: null, stale: tv?.view != null });

    // a trace replay needs the trace in the workers first
    try {
      for (const ref of traceRefs(scenario)) {
        const ok = await ensureTrace(ref);
        if (!current()) return;
        if (!ok) {
          const error = `${missingTraceMessage(ref)} in the Workload panel`;
          for (const sp of specs) patch(sp.id, { status: 'error', error, view: null, stale: false });
          store.getState().setTraceView({ view: null, error, stale: false });
          return;
        }
      }
    } catch (e) {
      for (const sp of specs) patch(sp.id, { status: 'error', error: describeError(e) });
      return;
    }

    let quickDone: () => void = () => undefined;
    const quick = new Promise<void>((r) => (quickDone = r));
    const one = async (sp: RunSpec): Promise<void> => {
      try {
        let placed = sp.scenario;
        let found: PolicyResult | undefined;
        if (sp.scenario.policy) {
          const key = searchKey(sp.scenario);
          found = placements.get(key);
          if (!found && !inflight.has(key)) {
            // re-simulations first, and searches only once the edits pause (a dragged slider
            // would otherwise start a search per step and slow the re-simulations down)
            await quick;
            await new Promise((r) => setTimeout(r, searchDelayMs));
            if (!current()) return;
          }
          if (!found) {
            patch(sp.id, { status: 'searching' });
            let last = 0;
            const listener = (progress: PoolProgress): void => {
              const t = performance.now();
              if (t - last < 90 && progress.done < progress.total) return;
              last = t;
              patch(sp.id, { progress });
            };
            found = await searchOnce(key, sp.scenario, listener);
          }
          placed = withPlacement(sp.scenario, found);
        }
        if (!current()) return;
        patch(sp.id, { status: 'simulating' });
        const view = await pool.analyse(placed, { window });
        if (found) {
          view.results.search = {
            policy: found.policy,
            candidates: found.candidates,
            seconds: found.seconds,
            trainAttainment: found.trainAttainment,
            trainScore: found.trainScore,
            chosen: found.chosen,
            unplaced: found.unplaced,
            workers: pool.size,
          };
        }
        patch(sp.id, { status: 'done', view, stale: false, progress: null });
      } catch (e) {
        if (e instanceof SearchCancelled) patch(sp.id, { status: 'cancelled', progress: null });
        else patch(sp.id, { status: 'error', error: describeError(e), progress: null });
      }
    };
    const quickRuns = specs.filter((sp) => !needsSearch(sp)).map(one);
    const searchRuns = specs.filter(needsSearch).map(one);
    await Promise.all(quickRuns);
    quickDone();
    // the trace viewer's data after the re-simulations (they are what a dragged slider waits for)
    const viewing = replaysTrace ? showTraceView(scenario, current) : Promise.resolve();
    await Promise.all([...searchRuns, viewing]);
  }

  async function showTraceView(scenario: Scenario, current: () => boolean): Promise<void> {
    try {
      const view = await pool.traceView(scenario);
      if (current()) store.getState().setTraceView({ view, error: null, stale: false });
    } catch (e) {
      if (current()) store.getState().setTraceView({ view: null, error: describeError(e), stale: false });
    }
  }

  const unsubscribe = store.subscribe((s: PlannerState, prev: PlannerState) => {
    if (s.scenario !== prev.scenario || s.compare !== prev.compare || s.timeline !== prev.timeline) schedule(true);
  });
  // a trace uploaded (or deleted) in the Workload panel: runs that lacked it go again; deleted ones leave the workers
  const unsubscribeTraces = useTraceLibrary.subscribe((t, prev) => {
    if (t.entries === prev.entries) return;
    let removed = false;
    for (const [sha, name] of loadedTraces) {
      if (t.entries?.some((e) => e.sha256 === sha)) continue;
      pool.unloadTrace(name, sha);
      loadedTraces.delete(sha);
      removed = true;
    }
    const st = store.getState();
    if (traceRefs(st.scenario).length > 0 && (removed || st.runs.some((r) => r.status === 'error'))) schedule();
  });
  schedule();
  return {
    cancel: () => {
      for (const f of inflight.values()) f.abort.abort();
      inflight.clear();
    },
    stop: () => {
      unsubscribe();
      unsubscribeTraces();
      for (const f of inflight.values()) f.abort.abort();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
