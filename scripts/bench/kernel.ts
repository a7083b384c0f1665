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
  arrivals = generateWorkload(scenario.workload, scenario.models); // warm-up
  const usage0 = process.resourceUsage();
  const genTimes = timeRuns(() => {
    arrivals = generateWorkload(scenario.workload, scenario.models);
  }, 5, 0);
  const usage1 = process.resourceUsage();
  row('arrival generation (median of 5)', fmtRate(n / median(genTimes)), 'target >= 10 M/s', `${n} arrivals in ${median(genTimes).toFixed(3)} s`);
  // first-touch page faults cost 5-10 us each on this VM and vary with the allocator's state from run to run
  const per = (x: number) => x / 5;
  row(
    '  per run: CPU time, page faults',
    `${(per(usage1.userCPUTime - usage0.userCPUTime + usage1.systemCPUTime - usage0.systemCPUTime) / 1e6).toFixed(3)} s`,
    '',
    `user ${(per(usage1.userCPUTime - usage0.userCPUTime) / 1e6).toFixed(3)} s, system ${(per(usage1.systemCPUTime - usage0.systemCPUTime) / 1e6).toFixed(3)} s, ${Math.round(per(usage1.minorPageFault - usage0.minorPageFault))} page faults`,
  );

  const run = prepareRun(scenario, arrivals);
  let sim = new Simulation(run.input);
  const faults0 = process.resourceUsage().minorPageFault;
  const simTimes = timeRuns(() => {
    sim = new Simulation(run.input);
    sim.runToEnd();
  }, 5);
  const simFaults = (process.resourceUsage().minorPageFault - faults0) / 6;
  let good = 0;
  for (let i = 0; i < n; i++) good += sim.good[i];
  row('simulator kernel (median of 5)', fmtRate(n / median(simTimes)), 'target >= 25 M/s', `${median(simTimes).toFixed(3)} s, attainment ${(good / n).toFixed(4)}, ${Math.round(simFaults)} page faults per run`);
  // the same runs on result arrays already touched: the kernel's own speed, without the first-touch page
  // faults of a fresh simulation's 36 MB of results (9,000 faults, 5-12 us each on this VM)
  const warmTimes: number[] = [];
  let warmFaults = 0;
  for (let r = 0; r < 6; r++) {
    const s = new Simulation(run.input);
    s.finish.fill(0);
    s.good.fill(0);
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = performance.now();
    s.runToEnd();
    if (r > 0) {
      warmTimes.push((performance.now() - t0) / 1000);
      warmFaults += process.resourceUsage().minorPageFault - f0;
    }
  }
  row('  the same, result arrays already touched', fmtRate(n / median(warmTimes)), '', `${median(warmTimes).toFixed(3)} s, ${Math.round(warmFaults / 5)} page faults per run (median of 5; the reference's numba kernel: 30-34 M/s)`);

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
