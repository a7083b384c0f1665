/**
 * Policy names of the reference (scenario "policy.name") and their options,
 * resolved and validated. Unknown names and options are ScenarioErrors with
 * the path of the culprit ("policy.name", "policy.<option>").
 */
import { ScenarioError } from '../scenario/errors';
import type { PolicySpec } from '../scenario/types';

export type ResolvedPolicy =
  | { kind: 'sr-greedy'; name: string }
  | { kind: 'sr-search'; name: string; beam: number }
  | { kind: 'sr-uniform'; name: string }
  | { kind: 'sr-replace'; name: string; window: number }
  | { kind: 'mp-search'; name: string; beam: number | null; mixedGroups: boolean }
  | { kind: 'mp-search-sep'; name: string; beam: number | null; mixedGroups: boolean }
  | { kind: 'mp-greedy'; name: string; groupSize: number }
  | { kind: 'mp-equal'; name: string; pp: number; op: number }
  | { kind: 'mp-round-robin'; name: string };

export const POLICY_NAMES = [
  'sr-greedy',
  'sr-search',
  'sr-uniform',
  'sr-replace-<seconds>',
  'mp-search',
  'mp-search-sep',
  'mp-greedy-<k>',
  'mp-equal-<pp>-<op>',
  'mp-round-robin',
  'selective-replication',
  'clockwork++',
  'alpaserve',
];

export const ALIASES: Record<string, string> = {
  'selective-replication': 'sr-greedy',
  'clockwork++': 'sr-replace-60',
  alpaserve: 'mp-search-sep',
};

/** Options each policy kind accepts (beyond "name"). */
const OPTIONS: Record<ResolvedPolicy['kind'], string[]> = {
  'sr-greedy': [],
  'sr-search': ['beam'],
  'sr-uniform': [],
  'sr-replace': [],
  'mp-search': ['beam', 'mixedGroups'],
  'mp-search-sep': ['beam', 'mixedGroups'],
  'mp-greedy': [],
  'mp-equal': [],
  'mp-round-robin': [],
};

function fail(path: string, message: string): never {
  throw new ScenarioError([{ path, message }]);
}

function positiveInt(text: string): number | null {
  return /^[1-9][0-9]*$/.test(text) ? Number(text) : null;
}

function resolveName(name: string): Omit<ResolvedPolicy, 'beam' | 'mixedGroups'> & { kind: ResolvedPolicy['kind'] } {
  const n = ALIASES[name] ?? name;
  switch (n) {
    case 'sr-greedy':
    case 'sr-search':
    case 'sr-uniform':
    case 'mp-search':
    case 'mp-search-sep':
    case 'mp-round-robin':
      return { kind: n, name: n };
  }
  let m = /^sr-replace-(.+)$/.exec(n);
  if (m) {
    const w = Number(m[1]);
    if (!/^[0-9]+(\.[0-9]+)?$/.test(m[1]) || !(w > 0)) fail('policy.name', `"${name}": the window of sr-replace-<seconds> must be a positive number`);
    return { kind: 'sr-replace', name: n, window: w } as ResolvedPolicy;
  }
  m = /^mp-greedy-(.+)$/.exec(n);
  if (m) {
    const k = positiveInt(m[1]);
    if (k === null) fail('policy.name', `"${name}": the group size of mp-greedy-<k> must be a positive integer`);
    return { kind: 'mp-greedy', name: n, groupSize: k } as ResolvedPolicy;
  }
  m = /^mp-equal-([^-]+)-([^-]+)$/.exec(n);
  if (m) {
    const pp = positiveInt(m[1]);
    const op = positiveInt(m[2]);
    if (pp === null || op === null) fail('policy.name', `"${name}": mp-equal-<pp>-<op> needs two positive integers`);
    return { kind: 'mp-equal', name: n, pp, op } as ResolvedPolicy;
  }
  fail('policy.name', `unknown placement policy "${name}"; known: ${POLICY_NAMES.join(', ')}`);
}

/** Resolve `policy` (name and options) or throw a ScenarioError naming the culprit. */
export function resolvePolicy(policy: PolicySpec): ResolvedPolicy {
  const base = resolveName(policy.name);
  const allowed = OPTIONS[base.kind];
  for (const key of Object.keys(policy)) {
    if (key === 'name') continue;
    if (!allowed.includes(key)) {
      const known = allowed.length > 0 ? `; it takes ${allowed.map((o) => `"${o}"`).join(', ')}` : '; it takes no options';
      fail(`policy.${key}`, `unknown option "${key}" for policy ${base.name}${known}`);
    }
  }
  const beam = policy.beam;
  if (beam !== undefined && !(typeof beam === 'number' && Number.isInteger(beam) && beam >= 1)) {
    fail('policy.beam', 'must be a positive integer (the beam size)');
  }
  const mixed = policy.mixedGroups;
  if (mixed !== undefined && typeof mixed !== 'boolean') fail('policy.mixedGroups', 'must be true or false');
  switch (base.kind) {
    case 'sr-search':
      return { kind: 'sr-search', name: base.name, beam: (beam as number | undefined) ?? 3 };
    case 'mp-search':
    case 'mp-search-sep':
      return { kind: base.kind, name: base.name, beam: (beam as number | undefined) ?? null, mixedGroups: mixed === true };
    default:
      return base as ResolvedPolicy;
  }
}
