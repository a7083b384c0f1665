/**
 * Rules that relate several fields of a scenario that already has the right
 * shape (schema.ts): names, profile references, memory and device budgets,
 * exclusive fields. Each returns issues with the JSON path of the culprit.
 */
import { BUILTIN_PROFILES } from '../profiles/builtins';
import { configMemoryGB, describeConfig, findConfig, type Profile } from '../profiles/types';
import { formatPath, type PathPart, type ScenarioIssue } from './errors';
import { isSegmented, type GroupSpec, type Scenario, type WorkloadSpec } from './types';

/** Above this many expected requests a scenario is refused (about 3 GB of per-request arrays). */
export const MAX_EXPECTED_REQUESTS = 100_000_000;

export function resolveProfile(s: Pick<Scenario, 'profiles'>, id: string): Profile | undefined {
  const own = s.profiles && Object.prototype.hasOwnProperty.call(s.profiles, id) ? s.profiles[id] : undefined;
  if (own) return own;
  return Object.prototype.hasOwnProperty.call(BUILTIN_PROFILES, id) ? BUILTIN_PROFILES[id] : undefined;
}

class Issues {
  readonly list: ScenarioIssue[] = [];
  add(path: PathPart[], message: string): void {
    this.list.push({ path: formatPath(path), message });
  }
}

function checkProfiles(s: Scenario, out: Issues): void {
  for (const [id, p] of Object.entries(s.profiles ?? {})) {
    const seen = new Map<string, number>();
    p.configs.forEach((c, j) => {
      const at: PathPart[] = ['profiles', id, 'configs', j];
      const key = `${c.dp},${c.op},${c.pp}`;
      const prev = seen.get(key);
      if (prev !== undefined) out.add(at, `duplicate configuration ${describeConfig(c)} (also configs[${prev}])`);
      seen.set(key, j);
      if (c.weightGB.length !== c.pp) {
        out.add([...at, 'weightGB'], `must have ${c.pp} entries (one per stage, pp = ${c.pp}), got ${c.weightGB.length}`);
      }
      if (!c.latency['1']) out.add([...at, 'latency'], 'must give batch size "1" (the simulator uses batch 1)');
      for (const [bs, lat] of Object.entries(c.latency)) {
        if (lat.length !== c.pp) {
          out.add([...at, 'latency', bs], `must have ${c.pp} entries (one per stage, pp = ${c.pp}), got ${lat.length}`);
        }
      }
    });
  }
}

function checkModels(s: Scenario, out: Issues): void {
  const firstIndex = new Map<string, number>();
  s.models.forEach((m, i) => {
    const prev = firstIndex.get(m.name);
    if (prev !== undefined) out.add(['models', i, 'name'], `duplicate model name "${m.name}" (also models[${prev}])`);
    else firstIndex.set(m.name, i);
    const hasSlo = m.slo !== undefined;
    const hasScale = m.sloScale !== undefined;
    if (hasSlo === hasScale) {
      out.add(['models', i], hasSlo ? 'give "slo" or "sloScale", not both' : 'give exactly one of "slo" (seconds) and "sloScale"');
    }
    const profile = resolveProfile(s, m.profile);
    if (!profile) {
      out.add(['models', i, 'profile'], `unknown profile "${m.profile}" (neither built-in nor a key of "profiles")`);
      return;
    }
    if (hasScale && !hasSlo) {
      const single = findConfig(profile, { dp: 1, op: 1, pp: 1 });
      if (!single || !single.latency['1']) {
        out.add(
          ['models', i, 'sloScale'],
          `profile "${m.profile}" has no (1,1,1) batch-1 latency, so the SLO scale has no base; give "slo" in seconds`,
        );
      }
    }
  });
}

function checkWorkload(s: Scenario, w: WorkloadSpec, at: PathPart[], out: Issues): void {
  const names = new Set(s.models.map((m) => m.name));
  if (w.kind === 'explicit') {
    w.requests.forEach(([, name], i) => {
      if (!names.has(name)) out.add([...at, 'requests', i, 1], `unknown model "${name}"`);
    });
    if (w.requests.length > MAX_EXPECTED_REQUESTS) out.add([...at, 'requests'], `more than ${MAX_EXPECTED_REQUESTS} requests`);
    return;
  }
  if (w.kind === 'trace') {
    const secs = (v: number | string): number | null => {
      if (typeof v === 'number') return v;
      const [d, h, m] = v.split('.').map(Number);
      return d * 86400 + h * 3600 + m * 60;
    };
    const a = secs(w.start);
    const b = secs(w.end);
    if (a !== null && b !== null && !(b > a)) out.add([...at, 'end'], 'must be after "start" (the window is empty)');
    if (w.fit === 'vanilla' && w.format === 'maf1') out.add([...at, 'fit'], '"vanilla" replays timestamps: MAF1 has per-minute counts only');
    if (w.timeScale !== undefined && w.timeScale !== 1 && !(w.fit === 'vanilla' && w.format === 'maf2')) out.add([...at, 'timeScale'], 'only applies to "vanilla" MAF2 replays');
    if (w.cvScale !== undefined && w.cvScale !== 1 && (w.fit ?? 'gamma') !== 'gamma') out.add([...at, 'cvScale'], 'only applies to gamma fits');
    if (w.fit === 'vanilla' && w.format === 'maf2' && w.rateScale !== undefined && w.rateScale !== 1) {
      out.add([...at, 'rateScale'], 'does not apply to "vanilla" replays, which replay the timestamps (use timeScale)');
    }
    if (w.format === 'maf1') {
      if (w.interval !== undefined && w.interval % 60 !== 0) out.add([...at, 'interval'], 'MAF1 windows are whole minutes: must be a multiple of 60');
      for (const [key, v] of [['start', a], ['end', b]] as const) if (v !== null && v % 60 !== 0) out.add([...at, key], 'MAF1 windows are whole minutes: must be a multiple of 60 s');
    }
    return;
  }
  if (w.kind !== 'deterministic' && w.seed + s.models.length - 1 > 0xffffffff) {
    out.add([...at, 'seed'], `seed + model index must stay below 2^32 (${s.models.length} models)`);
  }
  const expected = s.models.reduce((a, m) => a + m.rate * w.duration, 0);
  if (expected > MAX_EXPECTED_REQUESTS) {
    out.add(
      [...at, 'duration'],
      `the workload would have about ${Math.round(expected).toLocaleString('en-US')} requests; the limit is ${MAX_EXPECTED_REQUESTS.toLocaleString('en-US')}`,
    );
  }
}

function checkGroups(s: Scenario, groups: GroupSpec[], at: PathPart[], out: Issues): void {
  const byName = new Map(s.models.map((m) => [m.name, m]));
  let gpus = 0;
  groups.forEach((g, j) => {
    const gat = [...at, j];
    gpus += g.dp * g.op * g.pp;
    if (g.dp !== 1) out.add([...gat, 'dp'], 'must be 1 (placements use dp = 1 only)');
    const seen = new Set<string>();
    let need = 0;
    const parts: string[] = [];
    g.models.forEach((name, k) => {
      const model = byName.get(name);
      if (!model) {
        out.add([...gat, 'models', k], `unknown model "${name}"`);
        return;
      }
      if (seen.has(name)) out.add([...gat, 'models', k], `model "${name}" appears twice in this group`);
      seen.add(name);
      const profile = resolveProfile(s, model.profile);
      if (!profile) return; // reported on the model
      const c = findConfig(profile, g);
      if (!c) {
        out.add([...gat, 'models', k], `model "${name}" (profile "${model.profile}") has no ${describeConfig(g)} configuration`);
        return;
      }
      if (!c.latency['1'] || c.latency['1'].length !== g.pp) return; // reported on the profile
      const mem = configMemoryGB(c);
      need += mem; // summed in group order, as the reference does
      parts.push(`${name} ${round(mem)}`);
    });
    if (need > s.cluster.memoryGB) {
      out.add(
        gat,
        `models need ${round(need)} GB per GPU but the budget is ${s.cluster.memoryGB} GB (${parts.join(', ')})`,
      );
    }
  });
  if (gpus > s.cluster.devices) {
    out.add(at, `the groups use ${gpus} GPUs but the cluster has ${s.cluster.devices}`);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function checkPlacement(s: Scenario, out: Issues): void {
  if (s.placement && s.policy) out.add(['policy'], 'give either "placement" or "policy", not both');
  if (!s.placement && !s.policy) out.add([], 'give a "placement" or a "policy"');
  if (s.train !== undefined && !s.policy) out.add(['train'], 'is only used with a "policy"');
  const p = s.placement;
  if (!p) return;
  if (!isSegmented(p)) {
    checkGroups(s, p.groups, ['placement', 'groups'], out);
  } else {
    p.segments.forEach((seg, i) => {
      if (i > 0 && seg.start < p.segments[i - 1].start) {
        out.add(['placement', 'segments', i, 'start'], "must be >= the previous segment's start");
      }
      checkGroups(s, seg.groups, ['placement', 'segments', i, 'groups'], out);
    });
  }
}

export function crossCheck(s: Scenario): ScenarioIssue[] {
  const out = new Issues();
  checkProfiles(s, out);
  checkModels(s, out);
  checkWorkload(s, s.workload, ['workload'], out);
  if (s.train && s.train !== 'test') checkWorkload(s, s.train, ['train'], out);
  checkPlacement(s, out);
  return out.list;
}
