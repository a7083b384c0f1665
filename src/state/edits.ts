/**
 * Scenario edits the page offers, as pure functions (scenario in, scenario
 * out): they keep names consistent between the model list and the placement,
 * and never mutate their input. Validation stays with parseScenario.
 */
import { isSegmented, type GroupSpec, type ModelSpec, type PlacementSpec, type Scenario } from '../core/scenario/types';
import { powerLawRates, uniformRates } from '../core/workload/rates';

const clone = <T>(x: T): T => structuredClone(x);

function mapGroups(p: PlacementSpec | undefined, f: (g: GroupSpec) => GroupSpec | null): PlacementSpec | undefined {
  if (!p) return p;
  const apply = (gs: GroupSpec[]): GroupSpec[] => gs.map(f).filter((g): g is GroupSpec => g !== null);
  return isSegmented(p) ? { segments: p.segments.map((s) => ({ ...s, groups: apply(s.groups) })) } : { groups: apply(p.groups) };
}

/** A name not used by any model: base, base-2, base-3, ... */
export function freshName(s: Scenario, base: string): string {
  const used = new Set(s.models.map((m) => m.name));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function updateModel(s: Scenario, index: number, patch: Partial<ModelSpec>): Scenario {
  const out = clone(s);
  const old = out.models[index];
  const next: ModelSpec = { ...old, ...patch };
  if ('slo' in patch && patch.slo !== undefined) delete next.sloScale;
  if ('sloScale' in patch && patch.sloScale !== undefined) delete next.slo;
  out.models[index] = next;
  if (patch.name !== undefined && patch.name !== old.name) {
    out.placement = mapGroups(out.placement, (g) => ({ ...g, models: g.models.map((m) => (m === old.name ? patch.name! : m)) }));
    if (out.workload.kind === 'explicit') {
      out.workload = { ...out.workload, requests: out.workload.requests.map(([t, m]) => [t, m === old.name ? patch.name! : m]) };
    }
  }
  return out;
}

/** Remove a model (and its replicas from the placement; groups left empty stay, as GPUs). */
export function removeModel(s: Scenario, index: number): Scenario {
  const out = clone(s);
  const [gone] = out.models.splice(index, 1);
  out.placement = mapGroups(out.placement, (g) => ({ ...g, models: g.models.filter((m) => m !== gone.name) }));
  return out;
}

export function duplicateModel(s: Scenario, index: number): Scenario {
  const out = clone(s);
  const copy = { ...out.models[index], name: freshName(out, out.models[index].name) };
  out.models.splice(index + 1, 0, copy);
  return out;
}

export function addModel(s: Scenario, profile: string): Scenario {
  const out = clone(s);
  out.models.push({ name: freshName(out, 'm'), profile, rate: 1, cv: 1, sloScale: 5 });
  return out;
}

/** Add `count` models of one profile whose rates sum to `total` (uniform, or power law with exponent 0.5). */
export function addCopies(
  s: Scenario,
  profile: string,
  count: number,
  total: number,
  distribution: 'uniform' | 'power-law',
  cv: number,
  sloScale: number,
): Scenario {
  const out = clone(s);
  const rates = distribution === 'uniform' ? uniformRates(total, count) : powerLawRates(total, count);
  const base = profile.replace(/^.*\//, '');
  for (const rate of rates) out.models.push({ name: freshName(out, base), profile, rate, cv, sloScale });
  return out;
}

/** Scale every model's rate by `factor` (the page's rate slider). */
export function scaleRates(s: Scenario, factor: number): Scenario {
  const out = clone(s);
  for (const m of out.models) m.rate *= factor;
  return out;
}

/** Switch between a manual placement and a policy. A manual placement starts as one model per GPU. */
export function usePolicy(s: Scenario, name: string): Scenario {
  const out = clone(s);
  delete out.placement;
  out.policy = { name };
  return out;
}

export function useManualPlacement(s: Scenario, placement?: PlacementSpec): Scenario {
  const out = clone(s);
  delete out.policy;
  delete out.train;
  out.placement = placement ?? {
    groups: out.models.slice(0, out.cluster.devices).map((m) => ({ dp: 1, op: 1, pp: 1, models: [m.name] })),
  };
  return out;
}

export function setGroups(s: Scenario, groups: GroupSpec[]): Scenario {
  const out = clone(s);
  out.placement = { groups: clone(groups) };
  return out;
}
