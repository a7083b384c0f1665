/**
 * numpy's float64 summation, as numpy 1.24 (the reference implementation's)
 * does it for np.sum / np.mean of a contiguous array: pairwise summation
 * (blocks of 128 with 8 accumulators) within buffers of 8192 elements, the
 * buffers added left to right. numpy 2.x sums a contiguous array pairwise as
 * a whole: the two differ in the last bits above 8192 elements
 * (tests/unit/numpySum.test.ts has one case of each, from Debian's
 * python3-numpy 1.24.2 and numpy 2.4.6).
 */

/** numpy's pairwise summation of a[from .. from + n) (float64 add.reduce). */
export function pairwiseSum(a: ArrayLike<number>, from = 0, n = a.length - from): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[from + i];
    return res;
  }
  if (n <= 128) {
    let r0 = a[from];
    let r1 = a[from + 1];
    let r2 = a[from + 2];
    let r3 = a[from + 3];
    let r4 = a[from + 4];
    let r5 = a[from + 5];
    let r6 = a[from + 6];
    let r7 = a[from + 7];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = from + i;
      r0 += a[p];
      r1 += a[p + 1];
      r2 += a[p + 2];
      r3 += a[p + 3];
      r4 += a[p + 4];
      r5 += a[p + 5];
      r6 += a[p + 6];
      r7 += a[p + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[from + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
}

/** numpy's reduction buffer size: add.reduce sums pairwise within each buffer. */
const NUMPY_BUFSIZE = 8192;

/** `np.sum(a[0 .. n))` of a contiguous float64 array. */
export function sumNumpy(a: ArrayLike<number>, n = a.length): number {
  let acc = 0;
  for (let k = 0; k < n; k += NUMPY_BUFSIZE) acc += pairwiseSum(a, k, Math.min(NUMPY_BUFSIZE, n - k));
  return acc;
}

/** `np.mean(a)` of a float64 array (NaN for an empty one, as numpy). */
export function meanNumpy(a: ArrayLike<number>): number {
  return sumNumpy(a) / a.length;
}
