import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStreams } from '../../src/core/workload/merge';

/** The specification: concatenate in model order, then a stable sort by time (numpy's argsort, kind="stable"). */
function stableSortReference(streams: number[][]): { time: number[]; model: number[] } {
  const all: { t: number; m: number; i: number }[] = [];
  streams.forEach((s, m) => s.forEach((t) => all.push({ t, m, i: all.length })));
  all.sort((a, b) => a.t - b.t || a.i - b.i);
  return { time: all.map((x) => x.t), model: all.map((x) => x.m) };
}

describe('mergeStreams', () => {
  it('equals a stable sort of the streams concatenated in model order, ties included', () => {
    // few distinct values so cross-stream ties are common
    const stream = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 30 }).map((a) => a.sort((x, y) => x - y).map((v) => v / 4));
    fc.assert(
      fc.property(fc.array(stream, { maxLength: 9 }), (streams) => {
        const got = mergeStreams(streams.map((s) => Float64Array.from(s)));
        const want = stableSortReference(streams);
        expect(Array.from(got.time)).toEqual(want.time);
        expect(Array.from(got.model)).toEqual(want.model);
      }),
      { numRuns: 400 },
    );
  });

  it('puts the lower model first on an exact tie', () => {
    const got = mergeStreams([Float64Array.of(1, 2), Float64Array.of(1), Float64Array.of(0, 1)]);
    expect(Array.from(got.time)).toEqual([0, 1, 1, 1, 2]);
    expect(Array.from(got.model)).toEqual([2, 0, 1, 2, 0]);
  });

  it('merges four runs at a time only when every run ends in a finite time (+Infinity marks an exhausted run)', () => {
    // 6 streams: one four-way pass, then a pairwise one; all pairwise when a stream ends in +Infinity
    const finite = [[1, 5], [2, 2], [0, 9], [3], [2, 4], [1]];
    const withInf = finite.map((s, i) => (i === 2 ? [0, Infinity] : i === 4 ? [2, Infinity] : s));
    for (const streams of [finite, withInf]) {
      const got = mergeStreams(streams.map((s) => Float64Array.from(s)));
      const want = stableSortReference(streams);
      expect(Array.from(got.time)).toEqual(want.time);
      expect(Array.from(got.model)).toEqual(want.model);
    }
  });
});
