/** `cli sweep`: its options, and running the points in this thread or on a worker pool. */
import { SWEEP_VARIABLES, runSweep, type SweepPoint, type SweepSpec, type SweepVariable } from '../core/sweep';
import { planScenario } from '../core/plan';
import type { Scenario } from '../core/scenario/types';
import { createNodePool } from '../pool/node';

export class SweepUsageError extends Error {}

export interface CliSweepSpec extends SweepSpec {
  format: 'csv' | 'json';
  target: number;
  summary: boolean;
}

const DEFAULT_POLICIES = ['sr-greedy', 'clockwork++', 'alpaserve'];

function numbers(text: string, what: string): number[] {
  const parts = text.split(',').map((x) => x.trim());
  const out = parts.map(Number);
  const bad = parts.find((x, i) => x === '' || !Number.isFinite(out[i]));
  if (bad !== undefined) throw new SweepUsageError(`--${what}: "${bad}" is not a number (give a comma-separated list)`);
  return out;
}

export function parseSweepOptions(o: Record<string, string>): CliSweepSpec {
  if (!o.var) throw new SweepUsageError(`sweep needs --var (one of ${SWEEP_VARIABLES.join(', ')})`);
  if (!SWEEP_VARIABLES.includes(o.var as SweepVariable)) throw new SweepUsageError(`--var: unknown variable "${o.var}"; known: ${SWEEP_VARIABLES.join(', ')}`);
  if (!o.values) throw new SweepUsageError('sweep needs --values (a comma-separated list)');
  const format = o.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new SweepUsageError(`--format: "${format}" is not csv or json`);
  const target = o.target === undefined ? 0.99 : Number(o.target);
  if (!(target > 0 && target <= 1)) throw new SweepUsageError(`--target: "${o.target}" is not a fraction in (0, 1]`);
  return {
    variable: o.var as SweepVariable,
    values: numbers(o.values, 'values'),
    policies: o.policies ? o.policies.split(',').map((p) => p.trim()).filter(Boolean) : DEFAULT_POLICIES,
    seeds: o.seeds ? numbers(o.seeds, 'seeds') : undefined,
    format,
    target,
    summary: false,
  };
}

/** Run a sweep: in this thread (workers null), or on a pool of worker threads (points in parallel, searches one by one). */
export async function sweep(
  s: Scenario,
  spec: SweepSpec,
  opts: { workers: number | null; log?: (line: string) => void; signal?: AbortSignal },
): Promise<SweepPoint[]> {
  const t0 = performance.now();
  const onPoint = opts.log
    ? (p: SweepPoint, done: number, total: number): void =>
        opts.log!(`sweep: ${done}/${total} points (${p.policy} at ${p.var} = ${p.value}: ${(p.attainment * 100).toFixed(2)} %), ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    : undefined;
  if (opts.workers === null) return runSweep(s, spec, (x) => planScenario(x), onPoint);
  const pool = createNodePool(opts.workers);
  try {
    return await runSweep(s, spec, (x) => pool.plan(x, { signal: opts.signal }), onPoint);
  } finally {
    pool.close();
  }
}
