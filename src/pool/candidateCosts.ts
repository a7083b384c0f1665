/**
 * The order in which the pool hands out a search's candidates: longest first
 * (LPT scheduling), by the time the same candidate took the last time this
 * pool solved it. A candidate is "the same" when the policy, its label (group
 * partition and configuration), role and model count agree: a re-search after
 * an edit (a rate, a seed, an SLO) has nearly the same costs. Candidates never
 * seen keep their list order and go first, so a fresh pool behaves as before.
 * The order changes only who works on what when, never the result (results
 * are combined by candidate index).
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

  /** The candidates in the order to hand them out. */
  order(policy: string, candidates: readonly Candidate[]): Candidate[] {
    const cost = (c: Candidate): number => this.ms.get(this.key(policy, c)) ?? Infinity;
    return candidates
      .map((c, i) => ({ c, i, t: cost(c) }))
      .sort((a, b) => (a.t === b.t ? a.i - b.i : b.t - a.t))
      .map((x) => x.c);
  }
}
