/**
 * Placement-policy benchmarks on ../shared/reference/bench/s*like-*.json
 * (single-threaded, wall time, median of 3 after one warm-up run). Targets
 * from the issue; the reference (numba) took 0.41 s, 1.49 s, 0.57 s and 38 s.
 */
import { solvePolicy } from '../../src/core/placement/index';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { median, readReference, row, timeRuns } from './util';

const CASES: { file: string; target: number; reference: number }[] = [
  { file: 'bench/s1like-sr-greedy.json', target: 0.3, reference: 0.41 },
  { file: 'bench/s1like-mp-search.json', target: 1.0, reference: 1.49 },
  { file: 'bench/s3like-sr-greedy.json', target: 0.3, reference: 0.57 },
  { file: 'bench/s3like-mp-search-sep.json', target: 15, reference: 38 },
];

export function benchPlacement(): void {
  console.log('\n# placement policies (single thread, median of 3, training workload generated inside each run)');
  for (const c of CASES) {
    const text = readReference(c.file);
    let result = solvePolicy(parseScenarioOrThrow(text));
    // a fresh scenario object per run, so nothing is cached between runs
    const times = timeRuns(() => {
      result = solvePolicy(parseScenarioOrThrow(text));
    }, 3);
    const t = median(times);
    row(
      `${c.file.replace('bench/', '').replace('.json', '')} (${result.policy})`,
      `${t.toFixed(3)} s`,
      `target <= ${c.target} s`,
      `${t <= c.target ? 'ok' : 'OVER'}; reference ${c.reference} s; ${result.candidates} candidate${result.candidates === 1 ? '' : 's'}, train attainment ${result.trainAttainment.toFixed(4)}, chose ${result.chosen}`,
    );
  }
}
