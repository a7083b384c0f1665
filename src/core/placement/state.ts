/**
 * A placement under search and its simulated statistics on the training
 * workload, kept up to date incrementally (exactly).
 *
 * Groups only interact through models they share: a request of model m is
 * dispatched among m's groups, and a group's clocks only move for requests of
 * its own models. So the groups split into connected components (groups
 * linked by a shared model, transitively), and each component's requests can
 * be simulated on their own with the same results as a simulation of the
 * whole placement, provided the relative order of the component's groups is
 * kept (dispatch ties go to the lower group index). Adding a replica of model
 * m to group g changes only the component that then contains g, so a step
 * re-simulates that component and keeps every other counter.
 *
 * Counters kept: per model the good requests, per group the requests it
 * received (rejected included), and per training request its latency (finish -
 * arrival, 0 when rejected), from which the score's mean latency is summed in
 * request order exactly as numpy does.
 */
import { newKernelState } from '../sim/kernel';
import { runCountingKernel } from './countingKernel';
import type { CompiledPlacement } from '../sim/compile';
import { sumNumpy } from './numpy';
import { configInfo, type ConfigInfo, type GroupConfig, type SearchProblem } from './problem';

/** A connected component: its models (local ids, ascending) and their requests (problem indices, ascending). */
export interface Component {
  models: Int32Array;
  reqs: Int32Array;
}

export interface SearchGroup {
  cfg: ConfigInfo;
  /** local model ids, ascending */
  models: number[];
  /** sum of the models' weights in this configuration, summed in model order (GB) */
  mem: number;
  /** requests dispatched to the group in the last simulation */
  requests: number;
}

export interface PlacementState {
  groups: SearchGroup[];
  /** component of each local model (null: no replica) */
  compOf: (Component | null)[];
  modelGood: Float64Array;
  /** latency of every training request (length nAll) */
  latency: Float64Array;
  replicas: number;
}

const EMPTY = new Int32Array(0);
/** Requests simulated between two progress ticks (about 10 ms of work). */
const CHUNK = 1 << 18;

/** Sum of the group's weights in ascending model order, as the reference's Python sum. */
export function groupMemory(cfg: ConfigInfo, models: readonly number[]): number {
  let s = 0;
  for (const m of models) s += cfg.weight[m];
  return s;
}

/** Empty groups with the given configurations: nothing placed, every request rejected. */
export function emptyState(p: SearchProblem, configs: readonly GroupConfig[]): PlacementState {
  return {
    groups: configs.map((c) => ({ cfg: configInfo(p, c), models: [], mem: 0, requests: 0 })),
    compOf: new Array<Component | null>(p.numModels).fill(null),
    modelGood: new Float64Array(p.numModels),
    latency: new Float64Array(p.nAll),
    replicas: 0,
  };
}

/** Python tuple order of two ascending model lists: element-wise, a proper prefix first. */
export function compareModelTuples(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The reference's normal form: groups ordered by their model tuples, stable (models are kept sorted). */
export function normalizeGroups<G extends { models: readonly number[] }>(groups: G[]): void {
  groups.sort((x, y) => compareModelTuples(x.models, y.models));
}

function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Kernel form of a component's groups (in the given order); latencies point into the problem's table. */
function compileGroups(p: SearchProblem, groups: readonly SearchGroup[]): CompiledPlacement {
  const M = p.numModels;
  const G = groups.length;
  const stageStart = new Int32Array(G + 1);
  const replicaStart = new Int32Array(M + 1);
  for (let g = 0; g < G; g++) {
    stageStart[g + 1] = stageStart[g] + groups[g].cfg.pp;
    for (const m of groups[g].models) replicaStart[m + 1]++;
  }
  for (let m = 0; m < M; m++) replicaStart[m + 1] += replicaStart[m];
  const R = replicaStart[M];
  const replicaGroup = new Int32Array(R);
  const replicaLatency = new Int32Array(R);
  const fill = replicaStart.slice(0, M);
  for (let g = 0; g < G; g++) {
    const { cfg, models } = groups[g];
    for (const m of models) {
      const r = fill[m]++;
      replicaGroup[r] = g;
      const off = cfg.latOffset[m];
      if (off < 0) throw new Error(`model "${p.names[m]}" has no (dp 1, op ${cfg.op}, pp ${cfg.pp}) configuration`);
      replicaLatency[r] = off;
    }
  }
  return {
    numGroups: G,
    stageStart,
    replicaStart,
    replicaGroup,
    replicaLatency,
    replicaWork: new Float64Array(R),
    latency: p.latencyTable,
    // read by the batching variant only
    groupModels: [],
    replicas: R,
    groups: [],
  };
}

/**
 * Simulate the requests of `comp` on its groups and store the results in `st`
 * (model counters, group counters, per-request latencies). With `saveTo`, the
 * latencies overwritten are first copied there (in comp.reqs order) so that
 * `restoreLatency` can undo the change.
 */
export function simulateComponent(
  p: SearchProblem,
  st: PlacementState,
  comp: Component,
  saveTo?: Float64Array,
  tick?: () => void,
): void {
  const groups: SearchGroup[] = [];
  const positions: number[] = [];
  st.groups.forEach((g, i) => {
    if (g.models.length > 0 && st.compOf[g.models[0]] === comp) {
      groups.push(g);
      positions.push(i);
    }
  });
  const compiled = compileGroups(p, groups);
  const ks = newKernelState(compiled);
  const { modelGood, latency } = st;
  const reqs = comp.reqs;
  const allIndex = p.allIndex;
  if (saveTo) for (let k = 0; k < reqs.length; k++) saveTo[k] = latency[allIndex[reqs[k]]];
  for (const m of comp.models) modelGood[m] = 0;
  // in chunks, so that progress and cancellation are heard during long simulations
  for (let a = 0; a < reqs.length; a += CHUNK) {
    const part = a === 0 && reqs.length <= CHUNK ? reqs : reqs.subarray(a, Math.min(reqs.length, a + CHUNK));
    runCountingKernel(compiled, ks, p.slo, p.time, p.model, part, modelGood, latency, allIndex);
    if (tick && a + CHUNK < reqs.length) tick();
  }
  // new group objects: states derived from one another share the untouched ones
  for (let g = 0; g < groups.length; g++) st.groups[positions[g]] = { ...groups[g], requests: ks.groupRequests[g] };
}

/** Undo the latency writes of a `simulateComponent(..., saveTo)` call. */
export function restoreLatency(p: SearchProblem, latency: Float64Array, comp: Component, saved: Float64Array): void {
  const reqs = comp.reqs;
  const allIndex = p.allIndex;
  for (let k = 0; k < reqs.length; k++) latency[allIndex[reqs[k]]] = saved[k];
}

/**
 * Add model m to the group at position g (which must not hold it), restore the
 * normal form when `normalize` is set, and return the component to re-simulate.
 * Group objects are replaced, never mutated (here and in simulateComponent), so
 * states that share them stay intact. compOf is updated in place.
 */
export function addReplica(p: SearchProblem, st: PlacementState, g: number, m: number, normalize: boolean): Component {
  const old = st.groups[g];
  const cg = old.models.length > 0 ? st.compOf[old.models[0]] : null;
  const cm = st.compOf[m];
  const models = [...old.models];
  let at = models.length;
  while (at > 0 && models[at - 1] > m) at--;
  models.splice(at, 0, m);
  st.groups[g] = { cfg: old.cfg, models, mem: groupMemory(old.cfg, models), requests: old.requests };
  st.replicas++;
  let comp: Component;
  if (cg !== null && cg === cm) {
    comp = cg;
  } else {
    const ms = new Set<number>([m]);
    if (cg) for (const x of cg.models) ms.add(x);
    if (cm) for (const x of cm.models) ms.add(x);
    const reqsA = cg ? cg.reqs : EMPTY;
    const reqsB = cm ? cm.reqs : p.modelRequests[m];
    comp = { models: Int32Array.from([...ms].sort((a, b) => a - b)), reqs: mergeSorted(reqsA, reqsB) };
    for (const x of comp.models) st.compOf[x] = comp;
  }
  if (normalize) normalizeGroups(st.groups);
  return comp;
}

/** A copy that can be changed without touching `st` (group objects and components are shared, never mutated). */
export function cloneState(st: PlacementState, latency: Float64Array = st.latency.slice()): PlacementState {
  return {
    groups: [...st.groups],
    compOf: [...st.compOf],
    modelGood: st.modelGood.slice(),
    latency,
    replicas: st.replicas,
  };
}

/** Score of every search (reference doc section 4) from a state's counters. */
export function stateScore(p: SearchProblem, st: PlacementState): number {
  if (p.nAll === 0) return st.replicas / 1e6;
  let good = 0;
  for (let m = 0; m < p.numModels; m++) good += st.modelGood[m];
  return good / p.nAll - sumNumpy(st.latency) / p.nAll / 1e4 + st.replicas / 1e6;
}

/** good / all training requests (the untrimmed attainment). */
export function stateAttainment(p: SearchProblem, st: PlacementState): number {
  let good = 0;
  for (let m = 0; m < p.numModels; m++) good += st.modelGood[m];
  return p.nAll > 0 ? good / p.nAll : 0;
}

/**
 * Simulate a whole placement from scratch (groups in the given order, not
 * normalised): used to score assembled placements and by tests as the
 * non-incremental oracle.
 */
export function evaluateGroups(
  p: SearchProblem,
  groups: readonly { cfg: GroupConfig; models: readonly number[] }[],
  tick?: () => void,
): PlacementState {
  const st = emptyState(
    p,
    groups.map((g) => g.cfg),
  );
  st.groups.forEach((g, i) => {
    g.models = [...groups[i].models].sort((a, b) => a - b);
    g.mem = groupMemory(g.cfg, g.models);
    st.replicas += g.models.length;
  });
  // union-find over groups through shared models, then one component per root
  const parent = st.groups.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const firstGroup = new Int32Array(p.numModels).fill(-1);
  st.groups.forEach((g, i) => {
    for (const m of g.models) {
      if (firstGroup[m] < 0) firstGroup[m] = i;
      else parent[find(i)] = find(firstGroup[m]);
    }
  });
  // one pass over the problem's requests fills every component's request list
  const compIndex = new Int32Array(p.numModels).fill(-1);
  const rootIndex = new Map<number, number>();
  const compModels: number[][] = [];
  for (let m = 0; m < p.numModels; m++) {
    if (firstGroup[m] < 0) continue;
    const r = find(firstGroup[m]);
    let c = rootIndex.get(r);
    if (c === undefined) {
      c = compModels.length;
      rootIndex.set(r, c);
      compModels.push([]);
    }
    compModels[c].push(m);
    compIndex[m] = c;
  }
  const sizes = new Int32Array(compModels.length);
  for (let m = 0; m < p.numModels; m++) if (compIndex[m] >= 0) sizes[compIndex[m]] += p.modelRequests[m].length;
  const comps: Component[] = compModels.map((models, c) => ({ models: Int32Array.from(models), reqs: new Int32Array(sizes[c]) }));
  const fill = new Int32Array(comps.length);
  for (let i = 0; i < p.model.length; i++) {
    const c = compIndex[p.model[i]];
    if (c >= 0) comps[c].reqs[fill[c]++] = i;
  }
  for (const comp of comps) for (const m of comp.models) st.compOf[m] = comp;
  for (const comp of comps) simulateComponent(p, st, comp, undefined, tick);
  return st;
}
