/**
 * Placement policies of the reference (reference doc section 4) as a pure
 * core module: no DOM, no Node APIs. See docs/placement.md.
 */
export { solvePolicy, placeScenario, openSearch, withPlacement } from './solve';
export type { PolicyResult, SolveOptions, SearchSession } from './solve';
export { listCandidates, solveCandidate, candidateSolver, pickBest } from './candidates';
export type { Candidate, CandidateResult } from './candidates';
export { SearchCancelled } from './progress';
export type { PolicyProgress } from './progress';
export { resolvePolicy, POLICY_NAMES, ALIASES } from './policies';
export type { ResolvedPolicy } from './policies';
export { trainingWorkloadSpec } from './context';
export type { GroupConfig } from './problem';
export { mpSearchPartitions, mixedPartitions, deviceSplits, filteredSplits, latencyBuckets } from './partitions';
export { argsortNumpy, argsortDescendingNumpy, sumNumpy } from './numpy';
