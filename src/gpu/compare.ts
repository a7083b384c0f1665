/**
 * A measured profile next to the built-in profile of the same model (the
 * paper's V100 figures, src/core/profiles/paperModels.ts): per measured
 * pipeline degree, the total latency (sum of stages) and the slowest stage,
 * and how many times slower (> 1) or faster (< 1) the measurement is.
 */
import { BUILTIN_PROFILES } from '../core/profiles/builtins';
import { findConfig, type Profile } from '../core/profiles/types';

export interface ComparisonRow {
  pp: number;
  measuredTotal: number;
  builtinTotal: number;
  measuredSlowest: number;
  builtinSlowest: number;
  /** measured total / built-in total */
  ratio: number;
}

export interface Comparison {
  builtin: string;
  source: string;
  rows: ComparisonRow[];
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** null when there is no built-in profile of that id. */
export function compareWithBuiltin(measured: Profile, builtinId: string | null): Comparison | null {
  if (!builtinId || !Object.prototype.hasOwnProperty.call(BUILTIN_PROFILES, builtinId)) return null;
  const builtin = BUILTIN_PROFILES[builtinId];
  const rows: ComparisonRow[] = [];
  for (const c of measured.configs) {
    if (c.dp !== 1 || c.op !== 1) continue;
    const b = findConfig(builtin, c);
    const m = c.latency['1'];
    const bl = b?.latency['1'];
    if (!m || !bl) continue;
    const measuredTotal = sum(m);
    const builtinTotal = sum(bl);
    rows.push({ pp: c.pp, measuredTotal, builtinTotal, measuredSlowest: Math.max(...m), builtinSlowest: Math.max(...bl), ratio: measuredTotal / builtinTotal });
  }
  rows.sort((a, b) => a.pp - b.pp);
  return { builtin: builtinId, source: String(builtin.provenance?.source ?? ''), rows };
}
