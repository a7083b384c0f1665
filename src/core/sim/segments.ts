/**
 * Placements that change over time (Clockwork++, reference doc section 3):
 * request i moves to the next segment when its arrival is strictly greater than
 * that segment's start, at most one segment per request; the first segment's
 * start is never read.
 */
export function segmentBounds(time: Float64Array, starts: readonly number[]): Int32Array {
  const S = starts.length;
  const bounds = new Int32Array(S + 1);
  let seg = 0;
  const n = time.length;
  for (let i = 0; i < n; i++) {
    if (seg < S - 1 && time[i] > starts[seg + 1]) {
      seg++;
      bounds[seg] = i;
    }
  }
  // segments never reached start (and end) at n
  for (let s = seg + 1; s <= S; s++) bounds[s] = n;
  return bounds;
}
