/**
 * numpy 1.24 behaviours the searches' tie-breaking and scores depend on
 * (reference doc section 4). Expected values were produced with numpy 1.24.2
 * (Debian bookworm's python3-numpy, the reference's own version). While
 * writing this port, 3000 random tie-heavy int32/float64 arrays of 1 to 513
 * elements (including sorted and reversed ones) and four adversarial inputs
 * that reach the heapsort fallback were checked against numpy itself and all
 * matched; a sample is pinned here. No case is known where this port differs.
 */
import { describe, expect, it } from 'vitest';
import { argsortDescendingNumpy, argsortNumpy, meanNumpy, sumNumpy } from '../../src/core/placement/numpy';

const r = (v: number[]) => Array.from(argsortNumpy(v));

describe('argsortNumpy = np.argsort (numpy 1.24, kind "quicksort")', () => {
  it('sorts up to 16 elements stably (insertion sort)', () => {
    expect(r(new Array(16).fill(0))).toEqual([...Array(16).keys()]);
    expect(r([3, 1, 2, 1, 3, 1])).toEqual([1, 3, 5, 2, 0, 4]);
  });

  it("breaks ties in larger arrays exactly as numpy's introsort", () => {
    expect(r(new Array(17).fill(0))).toEqual([0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16]);
    expect(r(new Array(18).fill(0))).toEqual([0, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 16, 17]);
    expect(r(new Array(20).fill(0))).toEqual([0, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 18, 19]);
    expect(r([1, 0, 1, 2, 0, 0, 2, 0, 1, 2, 0, 2, 0, 0, 0, 1, 1])).toEqual([1, 14, 13, 4, 5, 12, 7, 10, 0, 8, 15, 2, 16, 11, 6, 3, 9]);
    expect(r([0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0])).toEqual([
      0, 20, 19, 18, 16, 15, 12, 22, 10, 11, 7, 6, 5, 4, 2, 1, 9, 23, 8, 13, 14, 17, 3, 21,
    ]);
    expect(r([0, 1, 3, 3, 2, 3, 3, 2, 2, 1, 1, 1, 0, 2, 3, 2, 3, 2, 0, 0, 3, 1, 2, 1, 3, 3, 0, 0, 2, 2, 2, 3, 3])).toEqual([
      0, 19, 18, 26, 12, 27, 21, 10, 9, 11, 1, 23, 7, 22, 28, 13, 4, 15, 17, 29, 30, 8, 25, 24, 16, 31, 14, 6, 5, 3, 2, 20, 32,
    ]);
    expect(
      r([
        0, 0, 1, 1, 2, 2, 0, 0, 2, 2, 1, 2, 2, 2, 1, 1, 2, 1, 2, 1, 0, 1, 1, 0, 2, 0, 1, 0, 0, 1, 0, 2, 0, 1, 1, 1, 0, 0, 1, 1, 2, 1, 0, 1,
        2, 1, 2, 1,
      ]),
    ).toEqual([
      0, 42, 37, 36, 32, 30, 28, 27, 25, 20, 23, 1, 6, 7, 29, 45, 43, 41, 39, 38, 2, 3, 35, 34, 33, 10, 47, 14, 15, 22, 21, 19, 26, 17, 8, 12,
      44, 13, 40, 18, 9, 4, 31, 5, 46, 24, 16, 11,
    ]);
  });

  it('follows the heapsort fallback on a median-of-3 adversary (depth limit 2 floor(log2 n) exceeded)', () => {
    const adversary = [
      0, 20, 2, 400, 4, 400, 6, 400, 8, 400, 10, 400, 12, 400, 14, 400, 16, 400, 18, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 400, 400, 400, 400,
      400, 400, 400, 400, 400, 400,
    ];
    expect(r(adversary)).toEqual([
      0, 19, 2, 20, 4, 21, 6, 22, 8, 23, 10, 24, 12, 25, 14, 26, 16, 27, 18, 28, 1, 29, 7, 9, 11, 13, 15, 17, 38, 30, 31, 32, 33, 34, 35, 36,
      37, 3, 39, 5,
    ]);
  });

  it('argsort(x)[::-1] lists equal values in descending index order for small arrays', () => {
    expect(Array.from(argsortDescendingNumpy([5, 7, 5, 7, 1]))).toEqual([3, 1, 2, 0, 4]);
  });
});

describe('sumNumpy / meanNumpy = np.sum / np.mean of float64 arrays', () => {
  // x_i = ((i * 2654435761) mod 1000003) / 1000003: exact in both languages
  const x = Float64Array.from({ length: 20000 }, (_, i) => ((i * 2654435761) % 1000003) / 1000003);
  it('pairwise blocks of 128 within buffers of 8192, as numpy (differs from a plain loop)', () => {
    const cases: [number, number, number][] = [
      [7, 2.9837520487438534, 0.4262502926776933],
      [100, 52.59869720390839, 0.5259869720390838],
      [129, 66.89794830615507, 0.5185887465593416],
      [8192, 4101.132192603422, 0.5006264883549099],
      [8193, 4101.651087046738, 0.5006287180577003],
      [20000, 10004.344203967386, 0.5002172101983693],
    ];
    for (const [n, sum, mean] of cases) {
      expect(sumNumpy(x, n), `sum of ${n}`).toBe(sum);
      expect(meanNumpy(x.slice(0, n)), `mean of ${n}`).toBe(mean);
    }
  });
});
