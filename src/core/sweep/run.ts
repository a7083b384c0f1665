/**
 * Running a sweep: the plan (every (value, policy, seed) point, in a fixed
 * order), one run per point through whatever runs scenarios (in this thread,
 * or a worker pool), and the points as CSV.
 */
import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/types';
import type { Results } from '../sim/results';
import type { SweepPoint } from './crossing';
import { SWEEP_VARIABLES, sweepPointScenario, type SweepVariable } from './variables';

export interface SweepSpec {
  variable: SweepVariable;
  values: number[];
  policies: string[];
  /** extra workload seeds for bands (the scenario's own seed is always run first) */
  seeds?: number[];
}

export interface PlannedPoint {
  policy: string;
  value: number;
  seed?: number;
  scenario: Scenario;
}

export function sweepPlan(base: Scenario, spec: SweepSpec): PlannedPoint[] {
  if (!SWEEP_VARIABLES.includes(spec.variable)) {
    throw new ScenarioError([{ path: 'sweep.var', message: `unknown variable "${spec.variable}"; known: ${SWEEP_VARIABLES.join(', ')}` }]);
  }
  if (spec.values.length === 0) throw new ScenarioError([{ path: 'sweep.values', message: 'give at least one value' }]);
  if (spec.policies.length === 0) throw new ScenarioError([{ path: 'sweep.policies', message: 'give at least one policy' }]);
  const out: PlannedPoint[] = [];
  const seeds = spec.seeds ?? [];
  for (const value of spec.values) {
    for (const policy of spec.policies) {
      const s = sweepPointScenario(base, spec.variable, value, policy);
      out.push({ policy, value, scenario: s });
      for (const seed of seeds) {
        const w = s.workload;
        if (w.kind !== 'gamma' && w.kind !== 'poisson') {
          throw new ScenarioError([{ path: 'sweep.seeds', message: `seeds need a gamma or poisson workload (this one is ${w.kind})` }]);
        }
        out.push({ policy, value, seed, scenario: { ...s, workload: { ...w, seed } } });
      }
    }
  }
  return out;
}

/**
 * Run every point (in plan order) with `run`, reporting each as it finishes.
 * `run` may be concurrent (a pool): points keep their plan order in the result.
 */
export async function runSweep(
  base: Scenario,
  spec: SweepSpec,
  run: (s: Scenario) => Promise<Results> | Results,
  onPoint?: (p: SweepPoint, done: number, total: number) => void,
): Promise<SweepPoint[]> {
  const plan = sweepPlan(base, spec);
  let done = 0;
  return Promise.all(
    plan.map(async (pt) => {
      const r = await run(pt.scenario);
      const point: SweepPoint = { policy: pt.policy, var: spec.variable, value: pt.value, attainment: r.attainment };
      if (pt.seed !== undefined) point.seed = pt.seed;
      onPoint?.(point, ++done, plan.length);
      return point;
    }),
  );
}

export function pointsToCsv(points: readonly SweepPoint[]): string {
  const seeds = points.some((p) => p.seed !== undefined);
  const head = seeds ? 'policy,var,value,seed,attainment' : 'policy,var,value,attainment';
  const rows = points.map((p) => (seeds ? `${p.policy},${p.var},${p.value},${p.seed ?? ''},${p.attainment}` : `${p.policy},${p.var},${p.value},${p.attainment}`));
  return [head, ...rows].join('\n');
}
