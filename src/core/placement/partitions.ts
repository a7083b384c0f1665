/**
 * Group partitions of a cluster (reference doc section 4): the candidate
 * group configurations of mp-search, the optional mixed-size candidates, and
 * mp-search-sep's latency buckets and device splits.
 */
import type { GroupConfig } from './problem';

export const MAX_OP = 4;
export const MAX_PP = 8;
/** Models join a bucket when |l - l_first| / l_first < this. */
export const BUCKET_THRESHOLD = 0.38;
/** Split filters tried in turn; the first list with fewer than SPLIT_LIST_LIMIT splits is used. */
export const SPLIT_THRESHOLDS = [1.0, 0.5, 0.3, 0.2, 0.1];
export const SPLIT_LIST_LIMIT = 100;
/** Device splits of mp-search-sep's buckets are solved as clusters with nodes of this size. */
export const BUCKET_NODE_SIZE = 8;

/** 1, 2, 4, ... <= n */
export function powersOfTwoUpTo(n: number): number[] {
  const out = [1];
  while (out[out.length - 1] * 2 <= n) out.push(out[out.length - 1] * 2);
  return out;
}

/** n as a sum of distinct powers of two, ascending (13 -> [1, 4, 8]). */
export function powerOfTwoParts(n: number): number[] {
  const out: number[] = [];
  for (let i = 1; n > 0; i *= 2, n = Math.floor(n / 2)) if (n % 2 === 1) out.push(i);
  return out;
}

/** Divisors of n, ascending. */
export function factors(n: number): number[] {
  const out = new Set<number>();
  const step = n % 2 ? 2 : 1;
  for (let i = 1; i <= Math.floor(Math.sqrt(n)); i += step) {
    if (n % i === 0) {
      out.add(i);
      out.add(n / i);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The (op, pp) configurations of one group size that mp-search considers (op <= 4, pp <= 8), pp ascending. */
export function sizeConfigs(size: number): GroupConfig[] {
  return factors(size)
    .map((pp) => ({ op: size / pp, pp }))
    .filter((c) => c.pp <= MAX_PP && c.op <= MAX_OP);
}

/** Group sizes mp-search considers: powers of two <= devices; above a node only multiples of the node size. */
export function groupSizes(devices: number, devicesPerNode: number): number[] {
  return powersOfTwoUpTo(devices).filter((s) => !(s > devicesPerNode && s % devicesPerNode !== 0));
}

/**
 * mp-search's candidates: for each group size s and (op, pp) with op pp = s,
 * floor(devices / s) groups of (1, op, pp) plus the leftover devices as
 * pipeline groups (1, 1, 2^i), ascending. 8 GPUs give 9 candidates.
 */
export function mpSearchPartitions(devices: number, devicesPerNode: number): GroupConfig[][] {
  const out: GroupConfig[][] = [];
  for (const s of groupSizes(devices, devicesPerNode)) {
    const regular = Math.floor(devices / s);
    const leftover = powerOfTwoParts(devices % s).map((x) => ({ op: 1, pp: x }));
    for (const c of sizeConfigs(s)) out.push([...Array.from({ length: regular }, () => c), ...leftover]);
  }
  return out;
}

export function partitionKey(groups: readonly GroupConfig[]): string {
  return groups.map((g) => `${g.op}x${g.pp}`).join(' ');
}

/**
 * The "mixedGroups" option: partitions with two group sizes, k groups of a
 * configuration A and as many groups of a smaller configuration B as fit in
 * the rest, the remainder as pipeline groups as in mp-search. Partitions equal
 * to one of `exclude` (the uniform ones) are skipped; order: A's size
 * ascending, A's and B's configurations in mp-search's order, k ascending.
 */
export function mixedPartitions(devices: number, devicesPerNode: number, exclude: readonly GroupConfig[][]): GroupConfig[][] {
  const seen = new Set(exclude.map(partitionKey));
  const out: GroupConfig[][] = [];
  const sizes = groupSizes(devices, devicesPerNode);
  for (const sa of sizes) {
    for (const sb of sizes) {
      if (sb >= sa) continue;
      for (const a of sizeConfigs(sa)) {
        for (const b of sizeConfigs(sb)) {
          for (let k = 1; k * sa < devices; k++) {
            const rest = devices - k * sa;
            const kb = Math.floor(rest / sb);
            if (kb === 0) continue;
            const groups = [
              ...Array.from({ length: k }, () => a),
              ...Array.from({ length: kb }, () => b),
              ...powerOfTwoParts(rest - kb * sb).map((x) => ({ op: 1, pp: x })),
            ];
            const key = partitionKey(groups);
            if (seen.has(key)) continue;
            seen.add(key);
            out.push(groups);
          }
        }
      }
    }
  }
  return out;
}

/**
 * Latency buckets: a model joins the first bucket whose first model's latency
 * l_first satisfies |l - l_first| / l_first < 0.38, else starts a new one.
 * `latency[i]` is model i's single-device latency (max of its (1,1,1) stages).
 */
export function latencyBuckets(latency: readonly number[]): number[][] {
  const buckets: number[][] = [];
  latency.forEach((l, i) => {
    for (const b of buckets) {
      const first = latency[b[0]];
      if (Math.abs(l - first) / first < BUCKET_THRESHOLD) {
        b.push(i);
        return;
      }
    }
    buckets.push([i]);
  });
  return buckets;
}

function validPart(n: number, i: number): boolean {
  return i <= n % 8 || (n - i) % 8 === 0 || n % 8 === 0;
}

/**
 * Device splits (d_1 .. d_k), built from the last part up as the reference's
 * get_partitions: for i = 1 .. n-1 with the node rule, every split of n - i
 * into k - 1 parts followed by i. Lazily, in the reference's order.
 */
export function* deviceSplits(n: number, k: number): Generator<number[]> {
  if (k === 1) {
    yield [n];
    return;
  }
  for (let i = 1; i < n; i++) {
    if (!validPart(n, i)) continue;
    for (const p of deviceSplits(n - i, k - 1)) {
      p.push(i);
      yield p;
    }
  }
}

/** float32 sum as numpy's pairwise float32 add.reduce (plain loop below 8 elements). */
function float32Sum(xs: Float32Array): number {
  const n = xs.length;
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s = Math.fround(s + xs[i]);
    return s;
  }
  if (n <= 128) {
    const r = Array.from(xs.subarray(0, 8));
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = Math.fround(r[j] + xs[i + j]);
    const f = Math.fround;
    let res = f(f(f(r[0] + r[1]) + f(r[2] + r[3])) + f(f(r[4] + r[5]) + f(r[6] + r[7])));
    for (; i < n; i++) res = f(res + xs[i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return Math.fround(float32Sum(xs.subarray(0, n2)) + float32Sum(xs.subarray(n2)));
}

/**
 * The splits mp-search-sep solves: keep a split iff max_b |r_b - c_b| < th,
 * r_b the bucket's share of the rates (float32), c_b = (d_b / l_b) / sum_j
 * (d_j / l_j) with l_b the latency of the bucket's first model; th = 1.0, 0.5,
 * 0.3, 0.2, 0.1 in turn, the first list with fewer than 100 splits (the 0.1
 * list whatever its length).
 */
export function filteredSplits(devices: number, bucketRates: readonly number[], bucketLatency: readonly number[]): number[][] {
  const k = bucketRates.length;
  const ratio = new Float32Array(k);
  bucketRates.forEach((r, i) => (ratio[i] = r));
  const total = float32Sum(ratio);
  for (let i = 0; i < k; i++) ratio[i] = Math.fround(ratio[i] / total);
  const lists: (number[][] | null)[] = SPLIT_THRESHOLDS.map(() => []);
  const last = SPLIT_THRESHOLDS.length - 1;
  for (const split of deviceSplits(devices, k)) {
    const tp = split.map((d, b) => d / bucketLatency[b]);
    let sum = 0;
    for (const x of tp) sum += x;
    let dis = 0;
    for (let b = 0; b < k; b++) dis = Math.max(dis, Math.abs(ratio[b] - tp[b] / sum));
    SPLIT_THRESHOLDS.forEach((th, t) => {
      const list = lists[t];
      if (list === null || !(dis < th)) return;
      list.push(split);
      // a list that reaches the limit is never the one used (except the last)
      if (t < last && list.length >= SPLIT_LIST_LIMIT) lists[t] = null;
    });
  }
  for (let t = 0; t < last; t++) if (lists[t] !== null) return lists[t]!;
  return lists[last]!;
}
