/** Benchmark helpers: timing with warm-up and medians; printing figures (not pass/fail). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REFERENCE_DIR = resolve(process.cwd(), '..', 'shared', 'reference');

export function readReference(path: string): string {
  return readFileSync(resolve(REFERENCE_DIR, path), 'utf8');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Run fn once to warm up, then `reps` timed runs; returns the seconds of each. */
export function timeRuns(fn: () => void, reps: number, warmups = 1): number[] {
  for (let i = 0; i < warmups; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    out.push((performance.now() - t0) / 1000);
  }
  return out;
}

export function fmtRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
}

export function row(name: string, value: string, target = '', note = ''): void {
  console.log(`${name.padEnd(44)} ${value.padStart(14)}  ${target.padEnd(14)} ${note}`);
}

/** The async twin of timeRuns. */
export async function timeRunsAsync(fn: () => Promise<void>, reps: number, warmups = 1): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    out.push((performance.now() - t0) / 1000);
  }
  return out;
}
