/**
 * Measured profiles kept across reloads: localStorage key
 * `alpaserve-planner:measured-profiles`, holding the same JSON the panel
 * exports ({"profiles": {id: profile}}). Loading goes through the profile
 * importer (src/core/profiles/importJson.ts), so a stored value obeys the
 * rules an uploaded file does; a corrupt one is removed. As persist.ts: no
 * storage means nothing is loaded and saves return false.
 */
import { importProfileJson } from '../core/profiles/importJson';
import type { Profile } from '../core/profiles/types';
import { STORAGE_PREFIX, storage } from './persist';

export const MEASURED_PROFILES_KEY = `${STORAGE_PREFIX}measured-profiles`;

export type MeasuredProfiles = Record<string, Profile>;

/** The export / storage form: what the profile importer and the Models panel's upload read back. */
export function measuredProfilesJson(map: MeasuredProfiles, indent = 0): string {
  return JSON.stringify({ profiles: map }, null, indent);
}

/** false when there is no storage or the browser refuses (quota exceeded). */
export function saveMeasuredProfiles(map: MeasuredProfiles): boolean {
  const ls = storage();
  if (!ls) return false;
  try {
    if (Object.keys(map).length === 0) ls.removeItem(MEASURED_PROFILES_KEY);
    else ls.setItem(MEASURED_PROFILES_KEY, measuredProfilesJson(map));
    return true;
  } catch {
    return false;
  }
}

/** The stored measured profiles ({} when none); an invalid stored value is removed. */
export function loadMeasuredProfiles(): MeasuredProfiles {
  const ls = storage();
  if (!ls) return {};
  let text: string | null;
  try {
    text = ls.getItem(MEASURED_PROFILES_KEY);
  } catch {
    return {};
  }
  if (text === null) return {};
  try {
    return importProfileJson(text, 'stored measurements');
  } catch {
    try {
      ls.removeItem(MEASURED_PROFILES_KEY);
    } catch {
      // nothing to do
    }
    return {};
  }
}
