/** What the page says about a profile: where its numbers come from, its size and single-GPU latency. */
import { BUILTIN_PROFILES } from '../../core/profiles/builtins';
import { configMemoryGB, findConfig, singleDeviceLatency, type Profile } from '../../core/profiles/types';
import type { Scenario } from '../../core/scenario/types';

export interface ProfileInfo {
  id: string;
  source: string;
  sizeGB: number | null;
  latency: number | null;
  text: string;
}

export function profileInfo(id: string, profile: Profile | undefined): ProfileInfo {
  if (!profile) return { id, source: 'unknown profile', sizeGB: null, latency: null, text: `${id}: unknown profile` };
  const single = findConfig(profile, { dp: 1, op: 1, pp: 1 });
  const sizeGB = single ? configMemoryGB(single) : null;
  const latency = singleDeviceLatency(profile) ?? null;
  const source = String(profile.provenance?.source ?? 'imported');
  const file = profile.provenance?.file ? ` (${String(profile.provenance.file)})` : '';
  const size = sizeGB === null ? 'no single-GPU configuration' : `${+sizeGB.toFixed(2)} GB`;
  const lat = latency === null ? '' : `, ${(latency * 1000).toFixed(0)} ms on one GPU`;
  return { id, source, sizeGB, latency, text: `${size}${lat}; ${source}${file}` };
}

/** Built-ins first (in their order), then the scenario's own profiles. */
export function availableProfiles(s: Scenario): ProfileInfo[] {
  const out = Object.entries(BUILTIN_PROFILES).map(([id, p]) => profileInfo(id, p));
  for (const [id, p] of Object.entries(s.profiles ?? {})) out.push(profileInfo(id, p));
  return out;
}
