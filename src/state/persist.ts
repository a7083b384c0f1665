/**
 * The last scenario and the uploaded profiles in localStorage (keys prefixed
 * `alpaserve-planner:`). Everything is optional: without localStorage (Node,
 * a sandboxed frame, storage disabled) loads return nothing and saves return
 * false; a save the browser refuses (quota) returns false so the caller can
 * tell the user. Stored values are validated on load; a corrupt one is removed.
 */
import type { Profile } from '../core/profiles/types';
import { parseScenario, serialiseScenario } from '../core/scenario/parse';
import type { Scenario } from '../core/scenario/types';

export const STORAGE_PREFIX = 'alpaserve-planner:';
export const LAST_SCENARIO_KEY = `${STORAGE_PREFIX}last-scenario`;
export const UPLOADED_PROFILES_KEY = `${STORAGE_PREFIX}uploaded-profiles`;

/** The scenario-v1 `profiles` map: profile id -> profile. */
export type ProfileMap = Record<string, Profile>;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or null where there is none or it is disabled. */
export function storage(): StorageLike | null {
  try {
    // Reading localStorage itself can throw (SecurityError) where storage is disabled.
    const ls = (globalThis as { localStorage?: unknown }).localStorage as Partial<StorageLike> | undefined;
    if (ls && typeof ls.getItem === 'function' && typeof ls.setItem === 'function' && typeof ls.removeItem === 'function') {
      return ls as StorageLike;
    }
  } catch {
    // no storage
  }
  return null;
}

function read(key: string): string | null {
  const ls = storage();
  if (!ls) return null;
  try {
    return ls.getItem(key);
  } catch {
    return null;
  }
}

/** false when there is no storage or the browser refuses (quota exceeded, storage disabled). */
function write(key: string, value: string): boolean {
  const ls = storage();
  if (!ls) return false;
  try {
    ls.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** Store the scenario; false if it could not be stored (no storage, quota exceeded). */
export function saveLastScenario(s: Scenario): boolean {
  let text: string;
  try {
    text = serialiseScenario(s, 0);
  } catch {
    return false;
  }
  return write(LAST_SCENARIO_KEY, text);
}

/** The stored scenario if there is a valid one; a corrupt or invalid stored value is removed. */
export function loadLastScenario(): Scenario | null {
  const text = read(LAST_SCENARIO_KEY);
  if (text === null) return null;
  const r = parseScenario(text);
  if (!r.ok) {
    remove(LAST_SCENARIO_KEY);
    return null;
  }
  return r.scenario;
}

export function clearLastScenario(): void {
  remove(LAST_SCENARIO_KEY);
}

/** Store the uploaded profiles (replacing what was stored); false if they could not be stored. */
export function saveUploadedProfiles(map: ProfileMap): boolean {
  let text: string;
  try {
    text = JSON.stringify(map);
  } catch {
    return false;
  }
  return write(UPLOADED_PROFILES_KEY, text);
}

/**
 * A profile validated by the scenario rules (shape and the per-profile cross-field
 * rules: one entry per stage, batch 1 present, no duplicate configuration), or null.
 */
function validProfile(p: unknown): Profile | null {
  const r = parseScenario({
    version: 1,
    cluster: { devices: 1, memoryGB: 1 },
    profiles: { p },
    models: [{ name: 'm', profile: 'p', rate: 0, cv: 1, slo: 1 }],
    workload: { kind: 'deterministic', duration: 1 },
    placement: { groups: [] },
  });
  return r.ok && r.scenario.profiles ? r.scenario.profiles.p : null;
}

/**
 * The stored uploaded profiles ({} when none). Invalid entries are dropped (and the stored
 * value rewritten without them); a value that is not a JSON object is removed.
 */
export function loadUploadedProfiles(): ProfileMap {
  const text = read(UPLOADED_PROFILES_KEY);
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    remove(UPLOADED_PROFILES_KEY);
    return {};
  }
  const out: ProfileMap = {};
  let dropped = false;
  for (const [id, p] of Object.entries(value as Record<string, unknown>)) {
    // '' and __proto__ cannot be used as profile ids here (no model can name ''; __proto__ would set the prototype).
    const valid = id !== '' && id !== '__proto__' ? validProfile(p) : null;
    if (valid) out[id] = valid;
    else dropped = true;
  }
  if (dropped) {
    if (Object.keys(out).length === 0) remove(UPLOADED_PROFILES_KEY);
    else write(UPLOADED_PROFILES_KEY, JSON.stringify(out));
  }
  return out;
}

export function clearUploadedProfiles(): void {
  remove(UPLOADED_PROFILES_KEY);
}
