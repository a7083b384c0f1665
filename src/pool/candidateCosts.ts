/**
 * The order in which the pool hands out a search's candidates: longest first
 * (LPT scheduling), by the time the same candidate took the last time this
 * pool solved it. A candidate is "the same" when the policy, its label (group
 * partition and configuration), role and model count agree: a re-search after
 * an edit (a rate, a seed, an SLO) has nearly the same costs.
 *
 * Candidates never seen go first, by a static guess: those with fewer groups
 * first (fewer, larger groups mean deeper pipelines and components that merge
 * sooner, so more requests per simulated step; S1-like: 2x(1,1,8) 57 ms,
 * 4x(1,1,4) 34, 16x(1,1,1) 23, 8x(1,1,2) 20), ties in list order. Candidates
 * known to place nothing (`empty`: no model fits any of their groups) go last
 * whatever they took. The order changes only who works on what when, never
 * the result (results are combined by candidate index).
 */
import type { Candidate } from '../core/placement';

const MAX_ENTRIES = 20_000;

export class CandidateCosts {
  private readonly ms = new Map<string, number>();

  private key(policy: string, c: Candidate): string {
    return `${policy}|${c.role}|${c.label}|${c.models.length}`;
  }

  record(policy: string, c: Candidate, ms: number): void {
    if (this.ms.size >= MAX_ENTRIES) this.ms.clear();
    this.ms.set(this.key(policy, c), ms);
  }

  /** The candidates in the order to hand them out; `useTimes: false` orders as a fresh pool does. */
  order(policy: string, candidates: readonly Candidate[], useTimes = true): Candidate[] {
    // rank: 0 never seen, 1 timed, 2 empty; within a rank: fewest groups first / longest first / list order
    const rank = (c: Candidate, t: number | undefined): number => (c.empty ? 2 : t === undefined ? 0 : 1);
    return candidates
      .map((c, i) => {
        const t = useTimes ? this.ms.get(this.key(policy, c)) : undefined;
        const r = rank(c, t);
        return { c, i, r, k: r === 0 ? c.groups.length : r === 1 ? -(t as number) : 0 };
      })
      .sort((a, b) => a.r - b.r || a.k - b.k || a.i - b.i)
      .map((x) => x.c);
  }
}
