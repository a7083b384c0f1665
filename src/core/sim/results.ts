/** The v1 results shape (docs/scenario-format.md, "Results"). */
import type { PlacementSpec } from '../scenario/types';

export interface ModelStats {
  requests: number;
  good: number;
  /** good / requests in the trimmed window; null when the model has no request there */
  attainment: number | null;
  /** over good requests only; null when there is none */
  latencyMean: number | null;
  latencyP50: number | null;
  latencyP90: number | null;
  latencyP99: number | null;
}

export interface GroupStats {
  /** requests dispatched to the group (rejected ones included) */
  requests: number;
  good: number;
  /** mean over the group's stages of the fraction of the run (first arrival .. last stage finish) spent executing accepted requests */
  busyFraction: number;
}

export interface UntrimmedStats {
  attainment: number;
  perModel: Record<string, { requests: number; good: number }>;
  /** single placements only */
  groups?: GroupStats[];
  /** placements with segments: per-segment group counters (an extra of this planner) */
  segments?: { start: number; requests: number; groups: GroupStats[] }[];
}

export interface Results {
  placement: PlacementSpec;
  attainment: number;
  perModel: Record<string, ModelStats>;
  latencyMean: number | null;
  untrimmed: UntrimmedStats;
  /** Extras of this planner (additional fields are allowed by the format). */
  window: {
    /** requests trimmed from each end (warmup) */
    skip: number;
    requests: number;
    /** the reference's own latency_mean: trimmed window, rejected requests counted as 0 */
    latencyMeanAllRequests: number | null;
  };
  /** The score every placement search maximises, on this run (reference doc section 4). */
  score: number;
  simulation: { batching: boolean; warmup: number };
  /** present when a policy chose the placement (docs/placement.md) */
  search?: SearchSummary;
}

/**
 * How the placement was found: the policy (aliases resolved), the candidates
 * it solved, the search's wall time, and its figures on the training
 * workload (compare trainAttainment with the untrimmed test attainment to see
 * over-fitting).
 */
export interface SearchSummary {
  policy: string;
  candidates: number;
  seconds: number;
  trainAttainment: number;
  trainScore: number;
  chosen: string;
  unplaced: string[];
  /** "in-thread" or the number of workers of the pool that ran it */
  workers: number | 'in-thread';
}
