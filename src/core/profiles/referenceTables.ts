/**
 * The reference implementation's four literal test profiles (reference doc
 * section 1), value for value.
 */
import type { Profile, ProfileConfig } from './types';

const PROVENANCE = {
  source: 'reference table',
  note: 'literal test profile of the AlpaServe reference implementation (alpa-projects/mms)',
};

function cfg(pp: number, stages: number[], weights: number[]): ProfileConfig {
  return { dp: 1, op: 1, pp, latency: { '1': stages }, weightGB: weights };
}

const rep = (v: number, n: number): number[] => Array.from({ length: n }, () => v);

export const REFERENCE_TABLES: Record<string, Profile> = {
  'test-2GB-100ms': {
    provenance: PROVENANCE,
    configs: [cfg(1, [0.1], [2]), cfg(2, [0.051, 0.051], [1, 1]), cfg(4, rep(0.026, 4), rep(0.5, 4))],
  },
  'test-4GB-150ms': {
    provenance: PROVENANCE,
    configs: [cfg(1, [0.15], [4]), cfg(2, [0.076, 0.076], [2, 2]), cfg(4, rep(0.039, 4), rep(1, 4))],
  },
  'alpa/bert-1.3b': {
    provenance: PROVENANCE,
    configs: [
      cfg(1, [0.099], [2.6]),
      cfg(2, [0.051, 0.052], [1.3, 1.3]),
      cfg(4, [0.028, 0.027, 0.027, 0.029], rep(0.65, 4)),
      cfg(8, [0.015, ...rep(0.014, 6), 0.016], rep(0.325, 8)),
    ],
  },
  'alpa/bert-2.6b': {
    provenance: PROVENANCE,
    configs: [cfg(1, [0.148], [5.2]), cfg(2, [0.075, 0.076], [2.6, 2.6])],
  },
};
