/** The pool's hand-out order of a search's candidates (src/pool/candidateCosts.ts): unknown first in list order, then longest first. */
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/core/placement';
import { CandidateCosts } from '../../src/pool/candidateCosts';

const cand = (index: number, label: string, models = 4): Candidate => ({ index, role: 'plain', models: Array.from({ length: models }, (_, i) => i), groups: [], search: { kind: 'greedy' }, label });

describe('candidate order', () => {
  it('a fresh pool hands out in list order; after a search, the longest go first, unseen ones before them', () => {
    const costs = new CandidateCosts();
    const list = [cand(0, '16x(1,1,1)'), cand(1, '8x(1,1,2)'), cand(2, '4x(1,1,4)'), cand(3, '2x(1,1,8)')];
    expect(costs.order('mp-search', list).map((c) => c.index)).toEqual([0, 1, 2, 3]);
    costs.record('mp-search', list[0], 54);
    costs.record('mp-search', list[1], 29);
    costs.record('mp-search', list[2], 36);
    costs.record('mp-search', list[3], 60);
    expect(costs.order('mp-search', list).map((c) => c.index)).toEqual([3, 0, 2, 1]);
    // another policy, or the same label with another model count, is not the same candidate
    expect(costs.order('sr-greedy', list).map((c) => c.index)).toEqual([0, 1, 2, 3]);
    const more = [cand(0, '16x(1,1,1)', 5), cand(1, '2x(1,1,8)')];
    expect(costs.order('mp-search', more).map((c) => c.index)).toEqual([0, 1]);
    // ties keep list order
    costs.record('mp-search', list[1], 60);
    expect(costs.order('mp-search', list).map((c) => c.index)).toEqual([1, 3, 0, 2]);
  });
});
