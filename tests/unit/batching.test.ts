/** The reference's batching variant of the simulator (reference doc section 3), an option. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';
import { prepareRun, simulateScenario } from '../../src/core/sim/simulate';
import { Simulation } from '../../src/core/sim/simulation';

const BATCH = { '1': [0.1], '2': [0.15], '4': [0.25], '8': [0.45], '16': [0.85] };

function scenario(requests: [number, string][], slo = 2): Scenario {
  return parseScenarioOrThrow({
    version: 1,
    cluster: { devices: 1, memoryGB: 13 },
    profiles: { bx: { configs: [{ dp: 1, op: 1, pp: 1, latency: BATCH, weightGB: [1] }] } },
    models: [
      { name: 'a', profile: 'bx', rate: 1, cv: 1, slo },
      { name: 'b', profile: 'bx', rate: 1, cv: 1, slo },
    ],
    workload: { kind: 'explicit', requests },
    placement: { groups: [{ dp: 1, op: 1, pp: 1, models: ['a', 'b'] }] },
    simulation: { warmup: 0, batching: true },
  });
}

function run(s: Scenario) {
  const r = prepareRun(s);
  const sim = new Simulation(r.input);
  sim.runToEnd();
  return { r, sim };
}

const lat = (b: keyof typeof BATCH) => Math.fround(BATCH[b][0] * 1.009);

describe('batching simulator', () => {
  it('serves the first request alone, then batches the four that queued behind it', () => {
    const { sim } = run(scenario([[0, 'a'], [0.01, 'a'], [0.02, 'a'], [0.03, 'a'], [0.04, 'a']]));
    const first = 0 + 0.011 + lat('1'); // the execution adds the 0.011 s before stage 0
    expect(sim.finish[0]).toBe(first);
    const batch = first + 0.011 + lat('4');
    expect(Array.from(sim.finish.subarray(1))).toEqual([batch, batch, batch, batch]);
    expect(Array.from(sim.good)).toEqual([1, 1, 1, 1, 1]);
    expect(sim.states[0].groupRequests[0]).toBe(5);
  });

  it('drops queue heads that cannot finish in time even alone, then serves the rest', () => {
    // slo 0.2: a@0 runs until 0.1119; a@0.01 and a@0.02 would finish at 0.2238 > deadlines 0.21, 0.22: dropped;
    // a@0.05 (deadline 0.25) is served alone at 0.1119
    const { sim } = run(scenario([[0, 'a'], [0.01, 'a'], [0.02, 'a'], [0.05, 'a']], 0.2));
    expect(Array.from(sim.good)).toEqual([1, 0, 0, 1]);
    expect(sim.finish[1]).toBe(0.01);
    expect(sim.finish[3]).toBe(0.011 + lat('1') + 0.011 + lat('1'));
    expect(sim.states[0].groupRequests[0]).toBe(4); // dropped requests count on the group
  });

  it('a freed group serves the model whose queue head arrived first', () => {
    const { sim } = run(scenario([[0, 'a'], [0.01, 'b'], [0.02, 'a'], [0.03, 'b']]));
    // after a@0, b's head (0.01) is older than a's (0.02): b@0.01 and b@0.03 go together as a batch of 2
    const first = 0.011 + lat('1');
    expect(sim.finish[1]).toBe(first + 0.011 + lat('2'));
    expect(sim.finish[3]).toBe(sim.finish[1]);
    expect(sim.finish[2]).toBe(sim.finish[1] + 0.011 + lat('1'));
  });

  it('needs batch latencies for 1, 2, 4, 8 and 16', () => {
    const s = scenario([[0, 'a']]);
    s.models[0].profile = 'test-2GB-100ms';
    s.models[1].profile = 'test-2GB-100ms';
    expect(() => simulateScenario(s)).toThrow(/batching: model "a" has no batch-2 latency/);
  });

  it('every request is either good, within its deadline, or rejected at its arrival (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.constantFrom('a', 'b')), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.12, max: 2, noNaN: true }),
        (reqs, slo) => {
          const s = scenario(reqs, slo);
          const { r, sim } = run(s);
          const { time } = r.arrivals;
          let goodCount = 0;
          for (let i = 0; i < time.length; i++) {
            if (sim.good[i]) {
              goodCount++;
              expect(sim.finish[i]).toBeLessThanOrEqual(time[i] + r.input.slo[r.arrivals.model[i]]);
            } else {
              expect(sim.finish[i]).toBe(time[i]);
            }
          }
          expect(sim.states[0].groupGood[0]).toBe(goodCount);
          expect(sim.states[0].groupRequests[0]).toBe(time.length); // nothing is left in a queue
        },
      ),
      { numRuns: 200 },
    );
  });
});
