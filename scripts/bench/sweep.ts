/**
 * The S3-like sweep over the number of GPUs (7 points x 3 policies: sr-greedy,
 * clockwork++, alpaserve) on the worker pool with 1 and 2 workers (wall time,
 * one run each: the sweep is long). Target: <= 60 s with 2 workers.
 */
import { crossingSentences, runSweep, type SweepSpec } from '../../src/core/sweep/index';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { createNodePool } from '../../src/pool/node';
import { readReference, row } from './util';

export async function benchSweep(): Promise<void> {
  const base = parseScenarioOrThrow(readReference('bench/s3like-mp-search-sep.json'));
  const spec: SweepSpec = { variable: 'devices', values: [16, 20, 24, 28, 32, 36, 40], policies: ['sr-greedy', 'clockwork++', 'alpaserve'] };
  console.log(`\n# sweep: S3-like, GPUs ${spec.values.join(', ')} x ${spec.policies.join(', ')} (worker_threads)`);
  let sentences: string[] = [];
  for (const size of [1, 2]) {
    const pool = createNodePool(size);
    await pool.ready();
    const t0 = performance.now();
    const points = await runSweep(base, spec, (s) => pool.plan(s));
    const t = (performance.now() - t0) / 1000;
    pool.close();
    sentences = crossingSentences(points, 'devices');
    row(`S3-like sweep, ${size} worker${size === 1 ? '' : 's'}`, `${t.toFixed(1)} s`, size === 2 ? 'target <= 60 s' : '', `${points.length} points`);
  }
  for (const s of sentences) console.log(`  ${s}`);
}
