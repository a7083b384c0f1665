/**
 * The placement searches on the engine pool (Node worker_threads): wall time
 * with 1 and 2 workers (median of 3 after warm-up searches, workers started before
 * timing), the speed-up (candidates handed out longest first, and in list
 * order as a fresh pool's first search), and how long a cancel takes.
 */
import { SearchCancelled } from '../../src/core/placement/index';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { createNodePool } from '../../src/pool/node';
import { median, readReference, row, timeRunsAsync } from './util';

const CASES = ['bench/s1like-mp-search.json', 'bench/s3like-mp-search-sep.json'];

export async function benchPool(): Promise<void> {
  console.log('\n# placement on the worker pool (worker_threads; median of 3; 2 workers: target >= 1.6x of 1)');
  for (const file of CASES) {
    const text = readReference(file);
    const t: Record<string, number> = {};
    let candidates = 0;
    for (const size of [1, 2, 'list'] as const) {
      // 'list': 2 workers handing the candidates out in list order (as a fresh pool's first search does)
      const pool = size === 'list' ? createNodePool(2, { candidateOrder: 'list' }) : createNodePool(size);
      await pool.ready();
      // steady state: each worker of a 2-pool sees about half the candidates per search, so its JIT
      // needs about twice the searches to warm up; every pool gets 4 warm-up searches (S1-like: the
      // 2-worker figure after 1 warm-up is 1.0-1.3x, after 4 about 1.7x)
      const times = await timeRunsAsync(async () => {
        candidates = (await pool.search(parseScenarioOrThrow(text))).candidates;
      }, 3, file.includes('s1like') ? 4 : 1);
      pool.close();
      t[size] = median(times);
    }
    const name = file.replace('bench/', '').replace('.json', '');
    row(`${name}, 1 worker`, `${t[1].toFixed(3)} s`, '', `${candidates} candidates`);
    const speedup = t[1] / t[2];
    row(`${name}, 2 workers`, `${t[2].toFixed(3)} s`, 'target >= 1.6x', `${speedup.toFixed(2)}x ${speedup >= 1.6 ? 'ok' : 'UNDER'} (longest first, from the previous search's times)`);
    row(`${name}, 2 workers, list order`, `${t.list.toFixed(3)} s`, '', `${(t[1] / t.list).toFixed(2)}x (a fresh pool's first search)`);
  }

  // cancel latency: abort in the middle of a long candidate (sr-search on the S3-like case)
  const s = parseScenarioOrThrow(readReference('bench/s3like-sr-greedy.json'));
  s.policy = { name: 'sr-search' };
  const pool = createNodePool(2);
  await pool.ready();
  const latencies: number[] = [];
  for (let i = 0; i < 3; i++) {
    const abort = new AbortController();
    const search = pool.search(s, { signal: abort.signal });
    await new Promise((r) => setTimeout(r, 700));
    const t0 = performance.now();
    abort.abort();
    try {
      await search;
    } catch (e) {
      if (!(e instanceof SearchCancelled)) throw e;
    }
    latencies.push(performance.now() - t0);
  }
  pool.close();
  const m = median(latencies);
  row('cancel: abort to every worker idle', `${m.toFixed(1)} ms`, 'target <= 100 ms', `runs: ${latencies.map((x) => x.toFixed(1)).join(', ')} ms`);
}
