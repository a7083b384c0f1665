/** Every profile available by id without a scenario `"profiles"` entry. */
import { PAPER_PROFILES } from './paperModels';
import { REFERENCE_TABLES } from './referenceTables';
import type { Profile } from './types';

export const BUILTIN_PROFILES: Readonly<Record<string, Profile>> = { ...REFERENCE_TABLES, ...PAPER_PROFILES };

export function isBuiltinProfile(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTIN_PROFILES, id);
}
