/**
 * Engine-core benchmarks on ../shared/reference/bench/kernel.json (32 models,
 * 8 groups of pp 4, every model on 2 groups, Gamma cv 4, about 4 million
 * requests): arrival generation, the simulator kernel, memory per request.
 */
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { prepareRun } from '../../src/core/sim/simulate';
import { Simulation } from '../../src/core/sim/simulation';
import { generateWorkload } from '../../src/core/workload/generate';
import { fmtRate, median, readReference, row, timeRuns } from './util';

export function benchKernel(): void {
  const scenario = parseScenarioOrThrow(readReference('bench/kernel.json'));
  console.log(`\n# engine core: ${scenario.name}`);

  let arrivals = generateWorkload(scenario.workload, scenario.models);
  const n = arrivals.time.length;
  const genTimes = timeRuns(() => {
    arrivals = generateWorkload(scenario.workload, scenario.models);
  }, 5);
  row('arrival generation (median of 5)', fmtRate(n / median(genTimes)), 'target >= 10 M/s', `${n} arrivals in ${median(genTimes).toFixed(3)} s`);

  const run = prepareRun(scenario, arrivals);
  let sim = new Simulation(run.input);
  const simTimes = timeRuns(() => {
    sim = new Simulation(run.input);
    sim.runToEnd();
  }, 5);
  let good = 0;
  for (let i = 0; i < n; i++) good += sim.good[i];
  row('simulator kernel (median of 5)', fmtRate(n / median(simTimes)), 'target >= 25 M/s', `${median(simTimes).toFixed(3)} s, attainment ${(good / n).toFixed(4)}`);

  // memory: bytes held per simulated request (arrival, model id, finish, good flag)
  const perRequest =
    (arrivals.time.byteLength + arrivals.model.byteLength + sim.finish.byteLength + sim.good.byteLength) / n;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().arrayBuffers;
  const fresh = new Simulation(run.input);
  fresh.runToEnd();
  gc?.();
  const after = process.memoryUsage().arrayBuffers;
  const measured = gc ? `measured: a run adds ${((after - before) / n).toFixed(1)} B/request to its ${((arrivals.time.byteLength + arrivals.model.byteLength) / n).toFixed(0)} B/request input` : 'run with --expose-gc to measure';
  row('memory per simulated request', `${perRequest.toFixed(1)} B`, 'target <= 32 B', measured);
  if (fresh.total !== n) throw new Error('unreachable');
}
