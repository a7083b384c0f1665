/**
 * The pool's hand-out order of a search's candidates (src/pool/candidateCosts.ts): unseen ones first,
 * fewest groups first; then the timed ones, longest first; candidates that place nothing last.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCandidates, type Candidate } from '../../src/core/placement';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { CandidateCosts } from '../../src/pool/candidateCosts';

const cand = (index: number, label: string, groups: number, models = 4, empty = false): Candidate => ({
  index,
  role: 'plain',
  models: Array.from({ length: models }, (_, i) => i),
  groups: Array.from({ length: groups }, () => ({ op: 1, pp: 16 / groups })),
  search: { kind: 'greedy' },
  label,
  empty,
});

describe('candidate order', () => {
  it('a fresh pool hands out the fewest groups first and empty ones last; after a search, the longest go first, unseen ones before them', () => {
    const costs = new CandidateCosts();
    const list = [cand(0, '16x(1,1,1)', 16), cand(1, '4x(1,4,1)', 4, 4, true), cand(2, '8x(1,1,2)', 8), cand(3, '4x(1,1,4)', 4), cand(4, '2x(1,1,8)', 2)];
    expect(costs.order('mp-search', list).map((c) => c.index)).toEqual([4, 3, 2, 0, 1]);
    costs.record('mp-search', list[0], 54);
    costs.record('mp-search', list[1], 70); // an empty one stays last whatever it took
    costs.record('mp-search', list[2], 29);
    costs.record('mp-search', list[3], 36);
    costs.record('mp-search', list[4], 60);
    expect(costs.order('mp-search', list).map((c) => c.index)).toEqual([4, 0, 3, 2, 1]);
    expect(costs.order('mp-search', list, false).map((c) => c.index)).toEqual([4, 3, 2, 0, 1]);
    // another policy, or the same label with another model count, is not the same candidate
    expect(costs.order('sr-greedy', list).map((c) => c.index)).toEqual([4, 3, 2, 0, 1]);
    const more = [cand(0, '16x(1,1,1)', 16, 5), cand(1, '2x(1,1,8)', 2)];
    expect(costs.order('mp-search', more).map((c) => c.index)).toEqual([0, 1]);
    // ties keep list order
    costs.record('mp-search', list[2], 60);
    expect(costs.order('mp-search', list).map((c) => c.index)).toEqual([2, 4, 0, 3, 1]);
  });

  it('marks the S1-like candidates whose groups hold no model (alpa/bert-1.3b has no op > 1 configuration) as empty', () => {
    const text = readFileSync('../shared/reference/bench/s1like-mp-search.json', 'utf8');
    const cands = listCandidates(parseScenarioOrThrow(JSON.parse(text)));
    expect(cands.filter((c) => !c.empty).map((c) => c.label)).toEqual(['16x(1,1,1)', '8x(1,1,2)', '4x(1,1,4)', '2x(1,1,8)']);
  });
});
