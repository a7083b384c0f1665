/**
 * Reading a sweep: per policy, the best value that still reaches the target
 * attainment (99 % by default) - the fewest GPUs, the highest rate, the
 * tightest SLO - and the ratios between policies in the paper's words
 * ("AlpaServe needs 2.3x fewer GPUs than sr-greedy").
 */
import { SWEEP_VARIABLE_INFO, type SweepVariable } from './variables';

export interface SweepPoint {
  policy: string;
  var: SweepVariable;
  value: number;
  attainment: number;
  /** set when the sweep ran several seeds */
  seed?: number;
}

/**
 * The best x whose attainment reaches `target`: the smallest such x when
 * smaller is better (GPUs, SLO scale, memory), the largest when larger is
 * (rate, CV, alpha); null when no point reaches it. With several seeds per
 * x, a point counts when its mean attainment reaches the target.
 */
export function bestReaching(points: readonly SweepPoint[], target: number, best: 'smallest' | 'largest'): number | null {
  const byValue = new Map<number, number[]>();
  for (const p of points) byValue.set(p.value, [...(byValue.get(p.value) ?? []), p.attainment]);
  let out: number | null = null;
  for (const [x, as] of byValue) {
    const mean = as.reduce((a, b) => a + b, 0) / as.length;
    if (mean + 1e-12 < target) continue;
    if (out === null || (best === 'smallest' ? x < out : x > out)) out = x;
  }
  return out;
}

export interface CrossingSummary {
  policy: string;
  value: number | null;
}

export function crossings(points: readonly SweepPoint[], variable: SweepVariable, target = 0.99): CrossingSummary[] {
  const policies = [...new Set(points.map((p) => p.policy))];
  const best = SWEEP_VARIABLE_INFO[variable].best;
  return policies.map((policy) => ({ policy, value: bestReaching(points.filter((p) => p.policy === policy), target, best) }));
}

const fmtRatio = (r: number): string => r.toFixed(2).replace(/\.?0+$/, '');
const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(3).replace(/\.?0+$/, ''));

/** Sentences comparing each policy with the best one, e.g. "alpaserve: 8 GPUs, 2x fewer than sr-greedy (16)". */
export function crossingSentences(points: readonly SweepPoint[], variable: SweepVariable, target = 0.99): string[] {
  const info = SWEEP_VARIABLE_INFO[variable];
  const list = crossings(points, variable, target);
  const pct = `${+(target * 100).toFixed(2)} %`;
  const reached = list.filter((c): c is { policy: string; value: number } => c.value !== null);
  const out: string[] = list.map((c) =>
    c.value === null ? `${c.policy} does not reach ${pct} in this sweep` : `${c.policy}: ${info.phrase} for ${pct}: ${fmt(c.value)}${info.unit ? ` ${info.unit}` : ''}`,
  );
  if (reached.length >= 2) {
    const sorted = [...reached].sort((a, b) => (info.best === 'smallest' ? a.value - b.value : b.value - a.value));
    const winner = sorted[0];
    for (const other of sorted.slice(1)) {
      const ratio = info.best === 'smallest' ? other.value / winner.value : winner.value / other.value;
      if (ratio > 1) out.push(`${winner.policy} ${info.verb} ${fmtRatio(ratio)}x ${info.comparison} than ${other.policy}`);
      else out.push(`${winner.policy} and ${other.policy} reach ${pct} at the same ${info.label}`);
    }
  }
  return out;
}
