/**
 * The placement searches on the engine pool (Node worker_threads): wall time
 * with 1 and 2 workers (medians of 15 runs on S1-like, 3 on S3-like, the pools
 * taking turns, after warm-up searches, workers started before timing), the
 * speed-up (candidates handed out longest first, and by the static guess as a fresh
 * pool's first search), and how long a cancel takes.
 */
import { SearchCancelled } from '../../src/core/placement/index';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { LPT_MAX_CANDIDATES_PER_WORKER } from '../../src/pool/enginePool';
import { createNodePool, spawnNodeEngine } from '../../src/pool/node';
import type { Scenario } from '../../src/core/scenario/types';
import { median, readReference, row } from './util';

const CASES = ['bench/s1like-mp-search.json', 'bench/s3like-mp-search-sep.json'];
const SIZES = [1, 2, 'estimate'] as const;

/**
 * What two workers can do on this machine at the moment: the same candidate (S1-like's longest, two
 * groups of pp 8) solved by one worker alone and by two workers at once, taking turns; the ratio of
 * throughputs (2 x alone / both) bounds any 2-worker speed-up of this kind of work. It read 1.82-1.92x
 * in five runs on 2026-11-29 and 1.53x in a sixth; the same afternoon a plain loop over a 128 KB array, pinned with
 * taskset, ran 690-730 ms alone on either vCPU and 1000-1170 ms on vCPU 1 while vCPU 0 ran the same loop
 * (loops on registers only were not slowed): how much two busy vCPUs slow each other depends on the work.
 */
async function twoWorkerCapacity(scenario: Scenario): Promise<void> {
  const engines = [spawnNodeEngine(), spawnNodeEngine()];
  try {
    const apis = engines.map((e) => e.api);
    const opened = await Promise.all(apis.map((api) => api.openSearch(1, scenario)));
    const first = opened[0];
    if (!first.ok) throw new Error('the S1-like search did not open');
    const longest = first.value.find((c) => c.label === '2x(1,1,8)');
    if (!longest) throw new Error('the S1-like search has no 2x(1,1,8) candidate');
    const solve = async (api: (typeof apis)[number]): Promise<void> => {
      const r = await api.solveCandidate(1, longest);
      if (!r.ok) throw new Error('the candidate failed');
    };
    for (let w = 0; w < 6; w++) await Promise.all(apis.map(solve)); // both JITs warm
    const alone: number[] = [];
    const both: number[] = [];
    for (let r = 0; r < 11; r++) {
      let t0 = performance.now();
      await solve(apis[r % 2]);
      alone.push(performance.now() - t0);
      t0 = performance.now();
      await Promise.all(apis.map(solve));
      both.push(performance.now() - t0);
    }
    const [a, b] = [median(alone), median(both)];
    row(
      'two workers at once, same candidate',
      `${(a / 1000).toFixed(3)} s`,
      '',
      `alone; ${(b / 1000).toFixed(3)} s for both at once: ${((2 * a) / b).toFixed(2)}x the throughput of one (the most two workers can gain on this work now)`,
    );
  } finally {
    for (const e of engines) e.terminate();
  }
}

export async function benchPool(): Promise<void> {
  console.log('\n# placement on the worker pool (worker_threads; median of interleaved runs; 2 workers: target >= 1.6x of 1)');
  await twoWorkerCapacity(parseScenarioOrThrow(readReference('bench/s1like-mp-search.json')));
  for (const file of CASES) {
    const text = readReference(file);
    const s1 = file.includes('s1like');
    let candidates = 0;
    // 'estimate': 2 workers handing the candidates out by the static guess only (as a fresh pool's first search does)
    const pools = SIZES.map((size) => (size === 'estimate' ? createNodePool(2, { candidateOrder: 'estimate' }) : createNodePool(size)));
    await Promise.all(pools.map((p) => p.ready()));
    const scenario = parseScenarioOrThrow(text); // parsed once: validation is not the pool's work
    const search = async (i: number): Promise<number> => {
      const t0 = performance.now();
      candidates = (await pools[i].search(scenario)).candidates;
      return (performance.now() - t0) / 1000;
    };
    // steady state: each worker of a 2-pool sees about half the candidates per search, so its JIT
    // needs about twice the searches to warm up; every pool gets 4 warm-up searches on S1-like (after 1
    // warm-up its 2-worker figure is 1.0-1.3x, after 4 about 1.7x)
    for (let i = 0; i < pools.length; i++) for (let w = 0; w < (s1 ? 4 : 1); w++) await search(i);
    // the pools take turns, run after run: this VM's speed drifts by up to 40 % within minutes, and
    // timing one pool's runs after the other's compared a fast spell with a slow one
    const times: number[][] = pools.map(() => []);
    for (let r = 0; r < (s1 ? 15 : 3); r++) for (let i = 0; i < pools.length; i++) times[i].push(await search(i));
    for (const p of pools) p.close();
    const [t1, t2, tFresh] = times.map(median);
    const name = file.replace('bench/', '').replace('.json', '');
    row(`${name}, 1 worker`, `${t1.toFixed(3)} s`, '', `${candidates} candidates`);
    const speedup = t1 / t2;
    row(`${name}, 2 workers`, `${t2.toFixed(3)} s`, 'target >= 1.6x', `${speedup.toFixed(2)}x ${speedup >= 1.6 ? 'ok' : 'UNDER'} (longest first, from the previous search's times)`);
    const how = candidates <= 2 * LPT_MAX_CANDIDATES_PER_WORKER ? 'the static guess: fewest groups first, empty candidates last' : `list order: over ${LPT_MAX_CANDIDATES_PER_WORKER} candidates per worker`;
    row(`${name}, 2 workers, fresh`, `${tFresh.toFixed(3)} s`, '', `${(t1 / tFresh).toFixed(2)}x (a fresh pool's first search: ${how})`);
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
