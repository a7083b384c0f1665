/**
 * The page's sweep: its definition lives in the scenario's "ui" block (so a
 * shared link carries it); its points are run on the worker pool one by one
 * as the pool frees up, and appear as they finish; Cancel stops the rest.
 */
import { create } from 'zustand';
import { SearchCancelled } from '../core/placement';
import { ScenarioError, formatIssue } from '../core/scenario/errors';
import type { Scenario } from '../core/scenario/types';
import { runSweep, SWEEP_VARIABLES, type SweepPoint, type SweepSpec, type SweepVariable } from '../core/sweep';
import type { EnginePool } from '../pool/enginePool';

export interface SweepState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  points: SweepPoint[];
  total: number;
  error: string | null;
  /** the definition the points belong to */
  spec: SweepSpec | null;
}

export const useSweep = create<SweepState>()(() => ({ status: 'idle', points: [], total: 0, error: null, spec: null }));

export const DEFAULT_SWEEP: SweepSpec = { variable: 'devices', values: [2, 4, 6, 8], policies: ['sr-greedy', 'clockwork++', 'alpaserve'] };

/** The sweep definition stored in a scenario's "ui" block, or the default; invalid stored values are ignored. */
export function sweepOf(s: Scenario): SweepSpec {
  const u = (s.ui?.sweep ?? {}) as Partial<SweepSpec>;
  const variable = SWEEP_VARIABLES.includes(u.variable as SweepVariable) ? (u.variable as SweepVariable) : DEFAULT_SWEEP.variable;
  const values = Array.isArray(u.values) && u.values.every((v) => typeof v === 'number' && v > 0) && u.values.length > 0 ? u.values : DEFAULT_SWEEP.values;
  const policies = Array.isArray(u.policies) && u.policies.every((p) => typeof p === 'string') && u.policies.length > 0 ? u.policies : DEFAULT_SWEEP.policies;
  const seeds = Array.isArray(u.seeds) && u.seeds.every((v) => Number.isInteger(v) && v >= 0) ? u.seeds : [];
  return { variable, values, policies, seeds };
}

export function withSweep(s: Scenario, spec: SweepSpec): Scenario {
  const sweep: Record<string, unknown> = { variable: spec.variable, values: spec.values, policies: spec.policies };
  if (spec.seeds && spec.seeds.length > 0) sweep.seeds = spec.seeds;
  return { ...s, ui: { ...(s.ui ?? {}), sweep } };
}

let abort: AbortController | null = null;

export async function startSweep(pool: EnginePool, base: Scenario, spec: SweepSpec): Promise<void> {
  abort?.abort();
  const mine = new AbortController();
  abort = mine;
  useSweep.setState({ status: 'running', points: [], total: spec.values.length * spec.policies.length * (1 + (spec.seeds?.length ?? 0)), error: null, spec });
  try {
    await runSweep(base, spec, (s) => pool.plan(s, { signal: mine.signal }), (p) => {
      if (abort === mine) useSweep.setState((st) => ({ points: [...st.points, p] }));
    });
    if (abort === mine) useSweep.setState({ status: 'done' });
  } catch (e) {
    if (abort !== mine) return;
    if (e instanceof SearchCancelled || mine.signal.aborted) useSweep.setState({ status: 'cancelled' });
    else useSweep.setState({ status: 'error', error: e instanceof ScenarioError ? e.issues.map(formatIssue).join('; ') : (e as Error).message });
  }
}

export function cancelSweep(): void {
  abort?.abort();
}
