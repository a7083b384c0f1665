/**
 * The variables a sweep can vary (issue 6, the paper's section 3.2 and 6
 * studies), each as a pure scenario transform: `applySweepValue(base, var,
 * value)` is the scenario a sweep point simulates, so a point's attainment is
 * exactly `simulate` of that scenario.
 */
import { findConfig, type Profile } from '../profiles/types';
import { resolveProfile } from '../scenario/crossChecks';
import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/types';

export const SWEEP_VARIABLES = ['devices', 'rateScale', 'cvScale', 'sloScale', 'memoryGB', 'alpha'] as const;
export type SweepVariable = (typeof SWEEP_VARIABLES)[number];

/** What a variable means, and which direction is "better" for the 99 % crossing. */
export interface SweepVariableInfo {
  label: string;
  unit: string;
  best: 'smallest' | 'largest';
  /** "fewest GPUs for 99 %: 8" */
  phrase: string;
  /** "alpaserve {verb} 2x {comparison} than sr-greedy" */
  verb: string;
  comparison: string;
}

export const SWEEP_VARIABLE_INFO: Record<SweepVariable, SweepVariableInfo> = {
  devices: { label: 'number of GPUs', unit: 'GPUs', best: 'smallest', phrase: 'fewest GPUs', verb: 'needs', comparison: 'fewer GPUs' },
  rateScale: { label: 'rate scale (x every rate)', unit: 'x', best: 'largest', phrase: 'highest rate', verb: 'sustains', comparison: 'higher rate' },
  cvScale: { label: 'CV scale (x every cv)', unit: 'x', best: 'largest', phrase: 'highest CV', verb: 'sustains', comparison: 'higher CV' },
  sloScale: { label: 'SLO scale (x single-GPU latency)', unit: 'x', best: 'smallest', phrase: 'tightest SLO', verb: 'meets', comparison: 'tighter SLO' },
  memoryGB: { label: 'memory per GPU', unit: 'GB', best: 'smallest', phrase: 'least memory per GPU', verb: 'needs', comparison: 'less memory per GPU' },
  alpha: { label: 'pipeline overhead alpha', unit: '', best: 'largest', phrase: 'largest pipeline overhead', verb: 'tolerates', comparison: 'larger pipeline overhead' },
};

/**
 * Alpha: every configuration with pp > 1 gets its stage latencies scaled,
 * keeping their proportions, so that they sum to alpha x the model's (1,1,1)
 * latency at the same batch size (the paper's section 3.2: a pipelined model
 * takes alpha D). Intra-op only configurations and (1,1,1) stay as they are.
 */
export function withPipelineOverhead(profile: Profile, alpha: number): Profile {
  const single = findConfig(profile, { dp: 1, op: 1, pp: 1 });
  if (!single) return profile;
  return {
    provenance: { ...(profile.provenance ?? {}), alpha, note: `pipeline stage latencies rescaled to alpha = ${alpha} x the single-GPU latency (sweep)` },
    configs: profile.configs.map((c) => {
      if (c.pp <= 1) return c;
      const latency: Record<string, number[]> = {};
      for (const [batch, stages] of Object.entries(c.latency)) {
        const base = single.latency[batch];
        if (!base) {
          latency[batch] = stages;
          continue;
        }
        const D = base.reduce((a, b) => a + b, 0);
        const sum = stages.reduce((a, b) => a + b, 0);
        latency[batch] = stages.map((x) => (x / sum) * alpha * D);
      }
      return { ...c, latency };
    }),
  };
}

/** The base scenario with one variable set to `value` (rate and cv scales multiply the base's figures). */
export function applySweepValue(base: Scenario, variable: SweepVariable, value: number): Scenario {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ScenarioError([{ path: 'sweep.values', message: `${value} is not a positive number (${SWEEP_VARIABLE_INFO[variable].label})` }]);
  }
  const s: Scenario = structuredClone(base);
  switch (variable) {
    case 'devices':
      if (!Number.isInteger(value)) throw new ScenarioError([{ path: 'sweep.values', message: `${value} GPUs is not a whole number` }]);
      s.cluster.devices = value;
      break;
    case 'memoryGB':
      s.cluster.memoryGB = value;
      break;
    // a trace replay ignores the models' rate and cv: its own scales are multiplied instead
    case 'rateScale':
      if (s.workload.kind === 'trace') s.workload.rateScale = (s.workload.rateScale ?? 1) * value;
      else for (const m of s.models) m.rate *= value;
      break;
    case 'cvScale':
      if (s.workload.kind === 'trace') s.workload.cvScale = (s.workload.cvScale ?? 1) * value;
      else for (const m of s.models) m.cv *= value;
      break;
    case 'sloScale':
      for (const m of s.models) {
        delete m.slo;
        m.sloScale = value;
      }
      break;
    case 'alpha': {
      const profiles = { ...(s.profiles ?? {}) };
      for (const id of new Set(s.models.map((m) => m.profile))) {
        const p = resolveProfile(base, id);
        if (p) profiles[id] = withPipelineOverhead(p, value);
      }
      s.profiles = profiles;
      break;
    }
  }
  return s;
}

/** The scenario a sweep point runs: the value applied, the policy in place of any placement. */
export function sweepPointScenario(base: Scenario, variable: SweepVariable, value: number, policy: string): Scenario {
  const s = applySweepValue(base, variable, value);
  delete s.placement;
  s.policy = { name: policy };
  return s;
}
