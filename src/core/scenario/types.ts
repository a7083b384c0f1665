/** Scenario file, version 1 (docs/scenario-format.md): the contract between the CLI, the page, files and links. */
import type { Profile } from '../profiles/types';

export interface ClusterSpec {
  devices: number;
  memoryGB: number;
  devicesPerNode?: number;
}

export interface ModelSpec {
  name: string;
  profile: string;
  rate: number;
  cv: number;
  sloScale?: number;
  slo?: number;
}

export interface GammaWorkload {
  kind: 'gamma' | 'poisson';
  duration: number;
  seed: number;
  start?: number;
}

export interface DeterministicWorkload {
  kind: 'deterministic';
  duration: number;
  start?: number;
}

export interface ExplicitWorkload {
  kind: 'explicit';
  requests: [number, string][];
}

/** A replay of an Azure Functions trace (docs/traces.md); the trace itself is referenced, never embedded. */
export interface TraceWorkload {
  kind: 'trace';
  format: 'maf1' | 'maf2';
  source: { name: string; sha256?: string; paths?: string[] };
  start: number | string;
  end: number | string;
  mapping?: 'stripe' | 'round_robin';
  fit?: 'gamma' | 'exponential' | 'vanilla';
  interval?: number;
  rateScale?: number;
  cvScale?: number;
  timeScale?: number;
  seed?: number;
}

export type WorkloadSpec = GammaWorkload | DeterministicWorkload | ExplicitWorkload | TraceWorkload;

export interface GroupSpec {
  dp: number;
  op: number;
  pp: number;
  models: string[];
}

export interface SinglePlacement {
  groups: GroupSpec[];
}

export interface SegmentSpec {
  start: number;
  groups: GroupSpec[];
}

export interface SegmentedPlacement {
  segments: SegmentSpec[];
}

export type PlacementSpec = SinglePlacement | SegmentedPlacement;

export interface PolicySpec {
  name: string;
  [option: string]: unknown;
}

export interface SimulationSpec {
  warmup?: number;
  batching?: boolean;
}

export interface Scenario {
  version: 1;
  name?: string;
  meta?: Record<string, unknown>;
  ui?: Record<string, unknown>;
  cluster: ClusterSpec;
  profiles?: Record<string, Profile>;
  models: ModelSpec[];
  workload: WorkloadSpec;
  placement?: PlacementSpec;
  policy?: PolicySpec;
  train?: 'test' | WorkloadSpec;
  simulation?: SimulationSpec;
}

export function isSegmented(p: PlacementSpec): p is SegmentedPlacement {
  return 'segments' in p;
}

export const DEFAULT_WARMUP = 10;
export const DEFAULT_DEVICES_PER_NODE = 8;
