/**
 * The reference's batching variant of the fast simulator (reference doc
 * section 3, "Batching simulator"; an option, `"simulation": {"batching": true}`,
 * not used by the policies). Requests wait in per-model FIFO queues; when a
 * group's first stage frees it serves the model whose queue head arrived first
 * (models in ascending index, strict <), drops heads that cannot finish alone
 * in time, then grows the batch 2 -> 4 -> 8 -> 16 while enough requests are
 * queued and the head's deadline (arrival + SLO) still holds. Execution adds
 * the fixed 0.011 s before stage 0; the deadline check adds it at the end.
 * Free-time events are popped in (time, group) order; like the reference, a
 * popped event whose group has nothing queued ends that round of popping.
 */
import { BATCH_SIZES, FIXED_OVERHEAD, type CompiledPlacement } from './compile';
import type { KernelState } from './kernel';

const NB = BATCH_SIZES.length;

/** Min-heap of (time, group) pairs in lexicographic order. */
class IdleHeap {
  private t = new Float64Array(64);
  private g = new Int32Array(64);
  size = 0;
  push(time: number, group: number): void {
    if (this.size === this.t.length) {
      const t = new Float64Array(this.size * 2);
      const g = new Int32Array(this.size * 2);
      t.set(this.t);
      g.set(this.g);
      this.t = t;
      this.g = g;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.t[p] < time || (this.t[p] === time && this.g[p] < group)) break;
      this.t[i] = this.t[p];
      this.g[i] = this.g[p];
      i = p;
    }
    this.t[i] = time;
    this.g[i] = group;
  }
  topTime(): number {
    return this.t[0];
  }
  topGroup(): number {
    return this.g[0];
  }
  pop(): void {
    const n = --this.size;
    const time = this.t[n];
    const group = this.g[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (this.t[c + 1] < this.t[c] || (this.t[c + 1] === this.t[c] && this.g[c + 1] < this.g[c]))) c++;
      if (time < this.t[c] || (time === this.t[c] && group < this.g[c])) break;
      this.t[i] = this.t[c];
      this.g[i] = this.g[c];
      i = c;
    }
    this.t[i] = time;
    this.g[i] = group;
  }
}

export function runBatchingKernel(
  p: CompiledPlacement,
  st: KernelState,
  slo: Float64Array,
  time: Float64Array,
  model: Int32Array,
  finish: Float64Array,
  good: Uint8Array,
  from: number,
  to: number,
): void {
  const lat = p.latencyByBatch;
  if (!lat) throw new Error('batching: the placement was compiled without batch latencies');
  const { stageStart, replicaStart, replicaGroup, replicaLatency } = p;
  const { clock, tmp, groupRequests, groupGood, groupBusy } = st;
  const M = replicaStart.length - 1;
  const G = p.numGroups;
  // the reference's g_id2m_id lists a group's models in ascending model index
  const groupModels = p.groupModels.map((ids) => Int32Array.from(ids).sort());
  // replica index of (model m, group g)
  const replicaOf = new Int32Array(M * G).fill(-1);
  for (let m = 0; m < M; m++) {
    for (let r = replicaStart[m]; r < replicaStart[m + 1]; r++) replicaOf[m * G + replicaGroup[r]] = r;
  }
  // per-model FIFO queues in one buffer
  const count = new Int32Array(M + 1);
  for (let i = from; i < to; i++) count[model[i] + 1]++;
  for (let m = 0; m < M; m++) count[m + 1] += count[m];
  const queue = new Int32Array(Math.max(1, to - from));
  const head = Int32Array.from(count.subarray(0, M));
  const tail = Int32Array.from(count.subarray(0, M));
  const idleAt = new Float64Array(G);
  const heap = new IdleHeap();

  const selectModel = (g: number): number => {
    let best = -1;
    let bestArrival = Infinity;
    const ids = groupModels[g];
    for (let j = 0; j < ids.length; j++) {
      const m = ids[j];
      if (head[m] < tail[m] && time[queue[head[m]]] < bestArrival) {
        bestArrival = time[queue[head[m]]];
        best = m;
      }
    }
    return best;
  };

  const meets = (t: number, g: number, r: number, b: number, deadline: number): boolean => {
    const s0 = stageStart[g];
    const pp = stageStart[g + 1] - s0;
    const base = replicaLatency[r];
    for (let k = 0; k < pp; k++) {
      const c = clock[s0 + k];
      t = (c > t ? c : t) + lat[(base + k) * NB + b];
    }
    return t + FIXED_OVERHEAD <= deadline;
  };

  const serve = (t: number, m: number, g: number): void => {
    for (;;) {
      const r = replicaOf[m * G + g];
      // drop heads that cannot finish in time even alone
      let first = -1;
      while (head[m] < tail[m]) {
        const q = queue[head[m]++];
        if (meets(t, g, r, 0, time[q] + slo[model[q]])) {
          first = q;
          break;
        }
        groupRequests[g]++;
        finish[q] = time[q];
        good[q] = 0;
      }
      if (first < 0) {
        const other = selectModel(g);
        if (other < 0) return;
        m = other;
        continue;
      }
      let bi = 0;
      const deadline = time[first] + slo[model[first]];
      for (let b = 1; b < NB; b++) {
        if (BATCH_SIZES[b] - 1 > tail[m] - head[m]) break; // no padding
        if (meets(t, g, r, b, deadline)) bi = b;
        else break;
      }
      const bs = BATCH_SIZES[bi];
      const s0 = stageStart[g];
      const pp = stageStart[g + 1] - s0;
      const base = replicaLatency[r];
      let tt = t + FIXED_OVERHEAD;
      let work = 0;
      for (let k = 0; k < pp; k++) {
        const c = clock[s0 + k];
        const l = lat[(base + k) * NB + bi];
        tt = (tt > c ? tt : c) + l;
        tmp[k] = tt;
        work += l;
      }
      finish[first] = tt;
      good[first] = 1;
      for (let j = 1; j < bs; j++) {
        const q = queue[head[m]++];
        finish[q] = tt;
        good[q] = 1;
      }
      for (let k = 0; k < pp; k++) clock[s0 + k] = tmp[k];
      idleAt[g] = tmp[0];
      heap.push(tmp[0], g);
      groupRequests[g] += bs;
      groupGood[g] += bs;
      groupBusy[g] += work;
      return;
    }
  };

  for (let i = from; i < to; i++) {
    const t = time[i];
    while (heap.size > 0 && heap.topTime() <= t) {
      const idle = heap.topTime();
      const g = heap.topGroup();
      heap.pop();
      const m = selectModel(g);
      if (m < 0) break;
      serve(idle, m, g);
    }
    const m = model[i];
    const rs = replicaStart[m];
    const re = replicaStart[m + 1];
    if (rs === re) {
      finish[i] = t;
      good[i] = 0;
      continue;
    }
    let g = replicaGroup[rs];
    let bestClock = clock[stageStart[g + 1] - 1];
    for (let r = rs + 1; r < re; r++) {
      const gr = replicaGroup[r];
      const c = clock[stageStart[gr + 1] - 1];
      if (c < bestClock) {
        bestClock = c;
        g = gr;
      }
    }
    queue[tail[m]++] = i;
    if (t >= idleAt[g]) serve(t, m, g);
  }
  while (heap.size > 0) {
    const idle = heap.topTime();
    const g = heap.topGroup();
    heap.pop();
    const m = selectModel(g);
    if (m < 0) continue;
    serve(idle, m, g);
  }
}
