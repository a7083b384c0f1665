/** Candidate group partitions, buckets, device splits and the normal form (reference doc section 4). */
import { describe, expect, it } from 'vitest';
import { replacementWindows } from '../../src/core/placement/baselines';
import {
  deviceSplits,
  filteredSplits,
  latencyBuckets,
  mixedPartitions,
  mpSearchPartitions,
  partitionKey,
  powerOfTwoParts,
} from '../../src/core/placement/partitions';
import { compareModelTuples, normalizeGroups } from '../../src/core/placement/state';

const show = (parts: { op: number; pp: number }[][]) => parts.map(partitionKey);

describe('mp-search candidates', () => {
  it('8 GPUs give the 9 candidates of the doc, in its order', () => {
    expect(show(mpSearchPartitions(8, 8))).toEqual([
      '1x1 1x1 1x1 1x1 1x1 1x1 1x1 1x1',
      '2x1 2x1 2x1 2x1',
      '1x2 1x2 1x2 1x2',
      '4x1 4x1',
      '2x2 2x2',
      '1x4 1x4',
      '4x2',
      '2x4',
      '1x8',
    ]);
  });

  it('leftover devices become power-of-two pipeline groups, ascending', () => {
    expect(powerOfTwoParts(13)).toEqual([1, 4, 8]);
    const parts = show(mpSearchPartitions(7, 8));
    expect(parts).toContain('2x1 2x1 2x1 1x1');
    expect(parts).toContain('4x1 1x1 1x2');
    expect(parts).toContain('1x4 1x1 1x2');
  });

  it('group sizes above a node must be multiples of the node size; op <= 4, pp <= 8', () => {
    expect(show(mpSearchPartitions(16, 8)).filter((k) => !k.includes(' '))).toEqual(['4x4', '2x8']);
    expect(show(mpSearchPartitions(16, 8))).toContain('4x2 4x2');
    expect(show(mpSearchPartitions(16, 6)).some((k) => k.startsWith('4x2') || k.startsWith('1x8'))).toBe(false);
    expect(mpSearchPartitions(12, 8).length).toBe(9); // sizes 1, 2, 4, 8 (16 > 12)
  });

  it('"mixedGroups" adds two-size partitions not already uniform (15 on 8 GPUs)', () => {
    const uniform = mpSearchPartitions(8, 8);
    const mixed = show(mixedPartitions(8, 8, uniform));
    expect(mixed).toHaveLength(15);
    expect(mixed).toContain('4x1 1x1 1x1 1x1 1x1');
    expect(mixed).toContain('4x1 1x2 1x2');
    expect(mixed).toContain('2x1 2x1 2x1 1x1 1x1');
    for (const k of show(uniform)) expect(mixed).not.toContain(k);
  });
});

describe('mp-search-sep', () => {
  it('buckets models by single-device latency against each bucket\'s first model (threshold 0.38)', () => {
    // S3-like: 0.395 alone; 0.234, 0.238, 0.171, 0.151, 0.150 all within 38 % of 0.234
    expect(latencyBuckets([0.395, 0.234, 0.238, 0.171, 0.151, 0.15, 0.395])).toEqual([[0, 6], [1, 2, 3, 4, 5]]);
    expect(latencyBuckets([0.1, 0.15, 0.05, 0.5])).toEqual([[0], [1], [2], [3]]);
  });

  it('device splits in the reference order, built from the last part up', () => {
    expect([...deviceSplits(8, 2)]).toEqual([[7, 1], [6, 2], [5, 3], [4, 4], [3, 5], [2, 6], [1, 7]]);
    expect([...deviceSplits(3, 3)]).toEqual([[1, 1, 1]]);
    expect([...deviceSplits(2, 3)]).toEqual([]);
    // the node rule: with n % 8 != 0, the last part is <= n % 8 or leaves a multiple of 8
    expect([...deviceSplits(10, 2)]).toEqual([[9, 1], [8, 2]]);
    expect([...deviceSplits(32, 2)]).toHaveLength(31);
  });

  it('filters splits by rate share vs capacity share, threshold 1.0 then tighter until < 100', () => {
    // 2 buckets on 32 GPUs: all 31 splits pass 1.0 (< 100), so all are kept
    expect(filteredSplits(32, [8, 32], [0.395, 0.234])).toHaveLength(31);
    // 4 buckets on 32 GPUs: C(31, 3) = 4495 splits; tighter thresholds apply
    const kept = filteredSplits(32, [10, 10, 10, 10], [0.1, 0.2, 0.4, 0.8]);
    expect(kept.length).toBeLessThan(4495);
    for (const s of kept) expect(s.reduce((a, b) => a + b, 0)).toBe(32);
  });
});

describe('normal form', () => {
  it('orders groups by their model tuples as Python does, stably, empty groups first', () => {
    expect(compareModelTuples([], [0])).toBeLessThan(0);
    expect(compareModelTuples([0], [0, 1])).toBeLessThan(0);
    expect(compareModelTuples([0, 1], [1])).toBeLessThan(0);
    const groups = [{ models: [1], id: 'a' }, { models: [0, 1], id: 'b' }, { models: [], id: 'c' }, { models: [1], id: 'd' }, { models: [0], id: 'e' }];
    normalizeGroups(groups);
    expect(groups.map((g) => g.id)).toEqual(['c', 'e', 'b', 'a', 'd']);
  });
});

describe('sr-replace windows', () => {
  it('are anchored at arrivals: a new window at the first arrival later than the anchor + W', () => {
    const t = Float64Array.from([0.5, 10, 30.5, 31, 60, 61.6, 200]);
    // 30.5 is not > 0.5 + 30 (stays); 31 opens the second window, anchored at 31 (not at 30.5)
    expect(replacementWindows(t, 30)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 5 },
      { from: 5, to: 6 },
      { from: 6, to: 7 },
    ]);
    expect(replacementWindows(new Float64Array(0), 30)).toEqual([]);
  });
});
