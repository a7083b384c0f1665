/**
 * The two numpy 1.24 behaviours the reference's searches depend on bit for bit
 * (reference doc section 4):
 *
 * - `np.argsort(x)` (default kind "quicksort"): numpy's introsort on an index
 *   array: median-of-3 quicksort down to partitions of <= 16 elements, which
 *   are insertion-sorted (so arrays of <= 16 elements sort stably), with a
 *   heapsort fallback past 2 * floor(log2 n) levels. Ties in larger arrays come
 *   out in the order this exact procedure leaves them, so it is ported step by
 *   step (checked against numpy 1.24.2 itself, see tests/unit/placementNumpy.test.ts).
 * - `np.mean(float64 array)` / `np.sum`: the reduction runs over buffers of
 *   8192 elements, each summed pairwise (blocks of 128 with 8 accumulators)
 *   and added in turn to a running total that starts at 0.0; the mean divides
 *   that by n.
 */

/** Partitions longer than this many elements are split; shorter ones are insertion-sorted. */
const SMALL_QUICKSORT = 16;

function msb(n: number): number {
  let d = 0;
  while (n > 1) {
    n >>>= 1;
    d++;
  }
  return d;
}

function heapsort(v: ArrayLike<number>, t: Int32Array, start: number, n: number): void {
  // 1-based heap over t[start .. start + n - 1], as numpy's aheapsort
  const a = start - 1;
  let i: number;
  let j: number;
  let tmp: number;
  for (let l = n >> 1; l > 0; --l) {
    tmp = t[a + l];
    for (i = l, j = l << 1; j <= n; ) {
      if (j < n && v[t[a + j]] < v[t[a + j + 1]]) j += 1;
      if (v[tmp] < v[t[a + j]]) {
        t[a + i] = t[a + j];
        i = j;
        j += j;
      } else break;
    }
    t[a + i] = tmp;
  }
  for (; n > 1; ) {
    tmp = t[a + n];
    t[a + n] = t[a + 1];
    n -= 1;
    for (i = 1, j = 2; j <= n; ) {
      if (j < n && v[t[a + j]] < v[t[a + j + 1]]) j++;
      if (v[tmp] < v[t[a + j]]) {
        t[a + i] = t[a + j];
        i = j;
        j += j;
      } else break;
    }
    t[a + i] = tmp;
  }
}

/**
 * Indices that sort `v` ascending, exactly as numpy 1.24's `np.argsort(v)`
 * (values must not be NaN).
 */
export function argsortNumpy(v: ArrayLike<number>): Int32Array {
  const num = v.length;
  const t = new Int32Array(num);
  for (let i = 0; i < num; i++) t[i] = i;
  if (num < 2) return t;
  const stack: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = msb(num) * 2;
  for (;;) {
    if (cdepth < 0) {
      heapsort(v, t, pl, pr - pl + 1);
    } else {
      while (pr - pl >= SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        let x: number;
        if (v[t[pm]] < v[t[pl]]) {
          x = t[pm];
          t[pm] = t[pl];
          t[pl] = x;
        }
        if (v[t[pr]] < v[t[pm]]) {
          x = t[pr];
          t[pr] = t[pm];
          t[pm] = x;
        }
        if (v[t[pm]] < v[t[pl]]) {
          x = t[pm];
          t[pm] = t[pl];
          t[pl] = x;
        }
        const vp = v[t[pm]];
        let pi = pl;
        let pj = pr - 1;
        x = t[pm];
        t[pm] = t[pj];
        t[pj] = x;
        for (;;) {
          do ++pi;
          while (v[t[pi]] < vp);
          do --pj;
          while (vp < v[t[pj]]);
          if (pi >= pj) break;
          x = t[pi];
          t[pi] = t[pj];
          t[pj] = x;
        }
        const pk = pr - 1;
        x = t[pi];
        t[pi] = t[pk];
        t[pk] = x;
        // push the larger partition, continue with the smaller
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr, --cdepth);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1, --cdepth);
          pl = pi + 1;
        }
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = t[pi];
        const vp = v[vi];
        let pj = pi;
        let pk = pi - 1;
        while (pj > pl && vp < v[t[pk]]) t[pj--] = t[pk--];
        t[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    cdepth = stack.pop()!;
    pr = stack.pop()!;
    pl = stack.pop()!;
  }
  return t;
}

/** `np.argsort(v)[::-1]`: descending, equal values in the reverse of argsort's order. */
export function argsortDescendingNumpy(v: ArrayLike<number>): Int32Array {
  return argsortNumpy(v).reverse();
}

export { pairwiseSum, sumNumpy, meanNumpy } from '../numeric/numpySum';
