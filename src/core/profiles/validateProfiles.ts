/**
 * Importers end here: the profiles they built must satisfy the same schema and
 * per-configuration rules as a scenario's "profiles" block.
 */
import { formatPath } from '../scenario/errors';
import { profileSchema } from '../scenario/schema';
import { ProfileImportError } from './importErrors';
import { describeConfig, type Profile } from './types';

export function checkProfiles(file: string, profiles: Record<string, Profile>): Record<string, Profile> {
  const ids = Object.keys(profiles);
  if (ids.length === 0) throw new ProfileImportError(file, 'contains no profiles');
  for (const id of ids) {
    const r = profileSchema.safeParse(profiles[id]);
    if (!r.success) {
      const i = r.error.issues[0];
      const path = formatPath(['profiles', id, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')]);
      throw new ProfileImportError(file, `${path}: ${i.message}`);
    }
    for (const c of profiles[id].configs) {
      for (const [bs, lat] of Object.entries(c.latency)) {
        if (lat.length !== c.pp) {
          throw new ProfileImportError(
            file,
            `profile "${id}" ${describeConfig(c)}: batch ${bs} has ${lat.length} stage latencies, expected pp = ${c.pp}`,
          );
        }
      }
      if (c.weightGB.length !== c.pp) {
        throw new ProfileImportError(
          file,
          `profile "${id}" ${describeConfig(c)}: ${c.weightGB.length} stage weights, expected pp = ${c.pp}`,
        );
      }
    }
  }
  return profiles;
}
