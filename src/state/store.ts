/**
 * Page state (zustand): the scenario being edited (a draft that may be
 * invalid while the user types) and the last valid one that the runs use; the
 * compared policies; each run's status, progress and results; notices.
 * Runs are started by runner.ts, which watches this store.
 */
import { create } from 'zustand';
import type { ScenarioIssue } from '../core/scenario/errors';
import { defaultScenario } from '../core/scenario/defaults';
import { parseScenario } from '../core/scenario/parse';
import type { Scenario } from '../core/scenario/types';
import type { RunView } from '../core/sim/view';
import type { TraceView } from '../core/workload/trace/view';
import type { PoolProgress } from '../pool/enginePool';

export type RunStatus = 'queued' | 'searching' | 'simulating' | 'done' | 'error' | 'cancelled';

export interface RunState {
  /** "given" (the scenario's own placement) or a policy name */
  id: string;
  label: string;
  status: RunStatus;
  progress: PoolProgress | null;
  view: RunView | null;
  /** the view belongs to an earlier scenario: shown dimmed until the new one arrives */
  stale: boolean;
  error: string | null;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** Policies compared side by side by default: the paper's baselines and AlpaServe. */
export const DEFAULT_COMPARE = ['sr-greedy', 'clockwork++', 'alpaserve'];

export const POLICY_LABELS: Record<string, string> = {
  given: 'Your placement',
  'sr-greedy': 'Selective replication (sr-greedy)',
  'clockwork++': 'Clockwork++ (sr-replace-60)',
  alpaserve: 'AlpaServe (mp-search-sep)',
  'mp-search': 'AlpaServe without buckets (mp-search)',
  'sr-search': 'Selective replication, beam (sr-search)',
  'sr-uniform': 'Uniform replication (sr-uniform)',
  'mp-round-robin': 'Model parallel, round robin',
};

export const policyLabel = (id: string): string => POLICY_LABELS[id] ?? id;

/** The trace viewer's data for the scenario's trace replay (computed by the runner on the pool). */
export interface TraceViewState {
  view: TraceView | null;
  error: string | null;
  /** the view belongs to an earlier scenario (a new one is being computed) */
  stale: boolean;
}

export interface PlannerState {
  draft: Scenario;
  scenario: Scenario;
  issues: ScenarioIssue[];
  compare: string[];
  runs: RunState[];
  notice: Notice | null;
  /** panels hidden by the link's hide= parameter */
  hidden: string[];
  timeline: { from: number; to: number };
  /** null when the scenario replays no trace */
  traceView: TraceViewState | null;
  /** edit the draft; it becomes the scenario when valid */
  edit: (next: Scenario) => void;
  /** replace everything (import, link, reset); invalid input is refused with a notice */
  load: (input: unknown, source: string) => boolean;
  setCompare: (ids: string[]) => void;
  setRuns: (runs: RunState[]) => void;
  patchRun: (id: string, patch: Partial<RunState>) => void;
  setNotice: (n: Notice | null) => void;
  setTimeline: (w: { from: number; to: number }) => void;
  setHidden: (h: string[]) => void;
  setTraceView: (t: TraceViewState | null) => void;
}

export const usePlanner = create<PlannerState>()((set, get) => ({
  draft: defaultScenario(),
  scenario: defaultScenario(),
  issues: [],
  compare: [...DEFAULT_COMPARE],
  runs: [],
  notice: null,
  hidden: [],
  timeline: { from: 100, to: 120 },
  traceView: null,
  edit: (next) => {
    const r = parseScenario(next);
    if (r.ok) set({ draft: next, scenario: r.scenario, issues: [] });
    else set({ draft: next, issues: r.issues });
  },
  load: (input, source) => {
    const r = parseScenario(input);
    if (!r.ok) {
      const first = r.issues[0];
      set({ notice: { kind: 'error', text: `${source}: ${first.path ? `${first.path}: ` : ''}${first.message}${r.issues.length > 1 ? ` (and ${r.issues.length - 1} more)` : ''}. The current scenario is unchanged.` } });
      return false;
    }
    set({ draft: r.scenario, scenario: r.scenario, issues: [], notice: null });
    return true;
  },
  setCompare: (compare) => set({ compare }),
  setRuns: (runs) => set({ runs }),
  patchRun: (id, patch) => set({ runs: get().runs.map((r) => (r.id === id ? { ...r, ...patch } : r)) }),
  setNotice: (notice) => set({ notice }),
  setTimeline: (timeline) => set({ timeline }),
  setHidden: (hidden) => set({ hidden }),
  setTraceView: (traceView) => set({ traceView }),
}));
