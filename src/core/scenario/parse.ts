/**
 * Scenario v1 codec: text or value in, a validated Scenario or a list of issues
 * out (never a throw for bad input). serialiseScenario is its inverse:
 * parseScenario(serialiseScenario(x)) deep-equals x.
 */
import type { core } from 'zod';
import { crossCheck } from './crossChecks';
import { formatPath, ScenarioError, type PathPart, type ScenarioIssue } from './errors';
import { scenarioSchema } from './schema';
import type { Scenario } from './types';

export const SCENARIO_VERSION = 1;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

function zodIssues(issues: readonly core.$ZodIssue[], input: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const i of issues) {
    const path = i.path.filter((p): p is PathPart => typeof p !== 'symbol');
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) out.push({ path: formatPath([...path, k]), message: 'unknown field' });
      continue;
    }
    if ((i.code === 'invalid_type' || i.code === 'invalid_union') && valueAt(input, path) === undefined) {
      out.push({ path: formatPath(path), message: 'is required' });
      continue;
    }
    out.push({ path: formatPath(path), message: i.message });
  }
  return out;
}

function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** The blocks kept as they are, where any key is fine (scenario format: meta, ui, a profile's provenance). */
function isFreeForm(path: readonly PathPart[]): boolean {
  if (path.length === 1) return path[0] === 'meta' || path[0] === 'ui';
  return path.length === 3 && path[0] === 'profiles' && path[2] === 'provenance';
}

/**
 * Own "__proto__" keys (JSON.parse creates them) outside the free-form blocks:
 * zod rebuilds records and objects and silently drops such a key, so a
 * profile called "__proto__" would vanish without a word. They are refused by
 * name. One walk over the value with a shared path (an explicit workload may
 * hold millions of requests).
 */
function protoKeyIssues(value: unknown, path: PathPart[] = [], out: ScenarioIssue[] = []): ScenarioIssue[] {
  if (value === null || typeof value !== 'object' || isFreeForm(path)) return out;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || typeof v !== 'object') continue;
      path.push(i);
      protoKeyIssues(v, path, out);
      path.pop();
    }
    return out;
  }
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    const profileId = path.length === 1 && path[0] === 'profiles';
    out.push({
      path: formatPath([...path, '__proto__']),
      message: profileId ? '"__proto__" cannot be a profile id' : '"__proto__" cannot be a key',
    });
  }
  for (const k of Object.keys(value)) {
    path.push(k);
    protoKeyIssues((value as Record<string, unknown>)[k], path, out);
    path.pop();
  }
  return out;
}

/** Parse and validate a scenario given as JSON text or as an already-parsed value. */
export function parseScenario(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SCENARIO_VERSION) {
    return {
      ok: false,
      issues: [{ path: 'version', message: `version ${version} is newer than this planner understands (${SCENARIO_VERSION})` }],
    };
  }
  const protoIssues = protoKeyIssues(value);
  if (protoIssues.length > 0) return { ok: false, issues: protoIssues };
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error.issues, value) };
  const scenario = parsed.data as Scenario;
  const issues = crossCheck(scenario);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, scenario };
}

/** Like parseScenario, but throws a ScenarioError carrying the issues. */
export function parseScenarioOrThrow(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new ScenarioError(r.issues);
  return r.scenario;
}

export function serialiseScenario(s: Scenario, indent = 2): string {
  return JSON.stringify(s, null, indent);
}
