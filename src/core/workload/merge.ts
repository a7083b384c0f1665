/**
 * Merging per-model streams by arrival time. Each stream is already sorted, so
 * a k-way merge with a binary heap of stream heads does it in O(N log k)
 * without a global comparator sort. Ties across streams go to the lower model
 * index (a stable merge of the streams concatenated in model order, which is
 * what numpy's argsort gives when no cross-stream ties exist: reference doc
 * section 2).
 */
import type { Arrivals } from './arrivals';

export function mergeStreams(streams: readonly Float64Array[]): Arrivals {
  let n = 0;
  for (const s of streams) n += s.length;
  const time = new Float64Array(n);
  const model = new Int32Array(n);
  const k = streams.length;
  // heap of stream indices ordered by (head time, stream index)
  const heap = new Int32Array(k);
  const pos = new Int32Array(k);
  const head = new Float64Array(k);
  let size = 0;
  const less = (a: number, b: number): boolean => head[a] < head[b] || (head[a] === head[b] && a < b);
  const siftDown = (i: number): void => {
    const x = heap[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && less(heap[c + 1], heap[c])) c++;
      if (!less(heap[c], x)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = x;
  };
  for (let s = 0; s < k; s++) {
    if (streams[s].length > 0) {
      head[s] = streams[s][0];
      heap[size++] = s;
    }
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
  let out = 0;
  while (size > 0) {
    const s = heap[0];
    const stream = streams[s];
    let p = pos[s];
    // copy the run of this stream that stays ahead of every other head
    const second = size > 1 ? (size > 2 && less(heap[2], heap[1]) ? heap[2] : heap[1]) : -1;
    const limit = second < 0 ? Infinity : head[second];
    const limitWins = second >= 0 && second < s; // on equal times the lower index goes first
    const len = stream.length;
    do {
      time[out] = stream[p];
      model[out] = s;
      out++;
      p++;
    } while (p < len && (stream[p] < limit || (stream[p] === limit && !limitWins)));
    pos[s] = p;
    if (p < len) {
      head[s] = stream[p];
    } else {
      heap[0] = heap[--size];
    }
    if (size > 0) siftDown(0);
  }
  return { time, model };
}

/** Explicit requests in any order -> sorted by time, stable (file order kept for equal times). */
export function sortRequests(times: ArrayLike<number>, models: ArrayLike<number>): Arrivals {
  const n = times.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  // Int32Array.prototype.sort with a comparator is stable (ES2019)
  idx.sort((a, b) => times[a] - times[b] || a - b);
  const time = new Float64Array(n);
  const model = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = times[idx[i]];
    model[i] = models[idx[i]];
  }
  return { time, model };
}
