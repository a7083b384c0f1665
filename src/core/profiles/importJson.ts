/**
 * Scenario-v1 profile JSON: either `{ "profiles": { id: profile } }` (what the
 * planner exports) or a bare `{ id: profile }` map.
 */
import { ProfileImportError } from './importErrors';
import type { Profile } from './types';
import { checkProfiles } from './validateProfiles';

export function importProfileJson(text: string, file = 'profiles.json'): Record<string, Profile> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ProfileImportError(file, `not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProfileImportError(file, 'must be a JSON object {"profiles": {id: profile}}');
  }
  const obj = value as Record<string, unknown>;
  const map = 'profiles' in obj ? obj.profiles : obj;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw new ProfileImportError(file, '"profiles" must be an object: profile id -> profile');
  }
  return checkProfiles(file, map as Record<string, Profile>);
}
