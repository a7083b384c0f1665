/** The worked example of reference doc section 3, request by request. */
import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { prepareRun } from '../../src/core/sim/simulate';
import { Simulation } from '../../src/core/sim/simulation';

describe('reference doc section 3 worked example', () => {
  const s = parseScenarioOrThrow({
    version: 1,
    cluster: { devices: 2, memoryGB: 13 },
    models: [
      { name: 'a', profile: 'test-2GB-100ms', rate: 1, cv: 1, slo: 1 },
      { name: 'b', profile: 'test-2GB-100ms', rate: 1, cv: 1, slo: 0.12 },
    ],
    workload: {
      kind: 'explicit',
      requests: [
        [0.0, 'a'],
        [0.01, 'a'],
        [0.02, 'b'],
        [0.5, 'b'],
        [0.5001, 'a'],
        [1.0, 'b'],
      ],
    },
    placement: { groups: [{ dp: 1, op: 1, pp: 2, models: ['a', 'b'] }] },
    simulation: { warmup: 0 },
  });
  const run = prepareRun(s);
  const sim = new Simulation(run.input);
  sim.runToEnd();

  it('rounds the penalised stage latency to float32', () => {
    expect(run.input.placements[0].latency[0]).toBe(0.05191799998283386);
    expect(run.input.placements[0].latency[0]).toBe(Math.fround(0.051 * 1.018));
  });

  it('finishes the requests at the documented times', () => {
    const expected = [0.114836, 0.166754, null, 0.614836, 0.666754, 1.114836];
    expected.forEach((f, i) => {
      if (f === null) {
        expect(sim.good[i]).toBe(0);
        expect(sim.finish[i]).toBe(run.arrivals.time[i]); // rejected: finish = arrival
      } else {
        expect(sim.good[i]).toBe(1);
        expect(sim.finish[i]).toBeCloseTo(f, 6);
      }
    });
  });

  it('a rejected request leaves the clocks untouched (b@0.5 is served as if b@0.02 never came)', () => {
    // b@0.5 finishes exactly 0.114836 after its arrival, like a@0 on an idle group
    expect(sim.finish[3] - 0.5).toBeCloseTo(sim.finish[0], 12);
  });
});
