/** Sweeps: one variable of a scenario over a list of values, for several policies (docs/sweeps.md). */
export { SWEEP_VARIABLES, SWEEP_VARIABLE_INFO, applySweepValue, sweepPointScenario, withPipelineOverhead, type SweepVariable } from './variables';
export { bestReaching, crossings, crossingSentences, type CrossingSummary, type SweepPoint } from './crossing';
export { runSweep, sweepPlan, pointsToCsv, type SweepSpec } from './run';
