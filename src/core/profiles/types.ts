/**
 * Profiles: for each parallel configuration (dp, op, pp) of one model, the
 * latency of each pipeline stage per batch size and the weight memory per GPU
 * of each stage (reference doc section 1). Units: seconds, GB = 2^30 bytes.
 */

export interface ParallelConfig {
  dp: number;
  op: number;
  pp: number;
}

export interface ProfileConfig extends ParallelConfig {
  /** batch size (as a string key, "1", "2", ...) -> seconds per pipeline stage (pp entries). */
  latency: Record<string, number[]>;
  /** weight memory per GPU of each stage, GB (pp entries). */
  weightGB: number[];
}

/** Where a profile's numbers come from; free-form beyond `source`. */
export interface Provenance {
  source?: string;
  [key: string]: unknown;
}

export interface Profile {
  provenance?: Provenance;
  configs: ProfileConfig[];
}

export const GB = 2 ** 30;

export function configKey(c: ParallelConfig): string {
  return `${c.dp},${c.op},${c.pp}`;
}

export function describeConfig(c: ParallelConfig): string {
  return `(dp ${c.dp}, op ${c.op}, pp ${c.pp})`;
}

export function findConfig(profile: Profile, c: ParallelConfig): ProfileConfig | undefined {
  return profile.configs.find((x) => x.dp === c.dp && x.op === c.op && x.pp === c.pp);
}

/** Memory of a model in a configuration: the largest per-GPU stage weight (GB). */
export function configMemoryGB(c: ProfileConfig): number {
  let m = 0;
  for (const w of c.weightGB) if (w > m) m = w;
  return m;
}

/** Single-device latency L: the sum of the (1,1,1) stage latencies at batch 1 (undefined if absent). */
export function singleDeviceLatency(profile: Profile): number | undefined {
  const c = findConfig(profile, { dp: 1, op: 1, pp: 1 });
  if (!c) return undefined;
  const lat = c.latency['1'];
  if (!lat) return undefined;
  let s = 0;
  for (const x of lat) s += x;
  return s;
}
