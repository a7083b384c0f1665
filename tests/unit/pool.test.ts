/**
 * The engine pool on Node worker_threads: the same answers for any pool size,
 * progress while it works, cancellation, crashed workers, bad scenarios.
 * (Wall-time figures, including the cancel latency, are printed by `npm run bench`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchCancelled, solvePolicy } from '../../src/core/placement';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { ScenarioError } from '../../src/core/scenario/errors';
import type { Scenario } from '../../src/core/scenario/types';
import { EnginePool, WorkerCrashed, type EngineWorker, type PoolProgress } from '../../src/pool/enginePool';
import { createNodePool } from '../../src/pool/node';
import { readRefJson } from './reference';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { simulateScenario } from '../../src/core/sim/simulate';

const scenario = (name: string): Scenario => parseScenarioOrThrow(readRefJson(name));
/** a search that takes seconds: long enough to cancel or crash in the middle */
const LONG = 'bench/s3like-mp-search-sep.json';

let pools: EnginePool[] = [];
beforeAll(async () => {
  pools = [createNodePool(1), createNodePool(2), createNodePool(3)];
  await Promise.all(pools.map((p) => p.ready()));
}, 30_000);
afterAll(() => pools.forEach((p) => p.close()));

describe('engine pool (worker_threads)', () => {
  it('gives the in-thread answer for every pool size', async () => {
    for (const name of ['policy/pol03_mp_search.json', 'policy/pol04_mp_search_sep.json', 'policy/pol05_sr_replace_30.json']) {
      const want = solvePolicy(scenario(name));
      for (const pool of pools) {
        // twice: the second search hands the candidates out longest-first (candidateCosts.ts), same answer
        for (const round of [1, 2]) {
          const got = await pool.search(scenario(name));
          expect(got.placement, `${name} on ${pool.size} workers, search ${round}`).toEqual(want.placement);
          expect(got.trainScore).toBe(want.trainScore);
          expect(got.candidates).toBe(want.candidates);
          expect(got.chosen).toBe(want.chosen);
        }
      }
    }
  }, 60_000);

  it('plan: a policy scenario searched on the pool equals planScenario in this thread', async () => {
    const s = scenario('policy/pol03_mp_search.json');
    const r = await pools[1].plan(s);
    const exp = readRefJson('policy/pol03_mp_search.expected.json') as { attainment: number; placement: unknown };
    expect(r.placement).toEqual(exp.placement);
    expect(r.attainment).toBe(exp.attainment);
    expect(r.search?.workers).toBe(2);
  });

  it('reports progress while it runs and stops when cancelled, leaving nothing running', async () => {
    const pool = pools[1];
    const seen: { t: number; p: PoolProgress }[] = [];
    const abort = new AbortController();
    const t0 = performance.now();
    const search = pool.search(scenario(LONG), {
      signal: abort.signal,
      onProgress: (p) => {
        seen.push({ t: performance.now(), p });
        if (p.done >= 40 && !abort.signal.aborted) abort.abort();
      },
    });
    let abortedAt = 0;
    abort.signal.addEventListener('abort', () => (abortedAt = performance.now()));
    await expect(search).rejects.toBeInstanceOf(SearchCancelled);
    const stoppedAfter = performance.now() - abortedAt;
    expect(abortedAt).toBeGreaterThan(t0);
    // cancelled well before the end (all candidates) and promptly (the issue asks for 100 ms;
    // this bound only guards against "ran to the end": the bench prints the measured figure)
    expect(seen.at(-1)!.p.done).toBeLessThan(seen.at(-1)!.p.total);
    expect(stoppedAfter).toBeLessThan(1000);
    // progress: at the start, then increasing, with the best score once a candidate is done
    expect(seen[0].p).toMatchObject({ done: 0, phase: 'open' });
    for (let i = 1; i < seen.length; i++) expect(seen[i].p.done).toBeGreaterThanOrEqual(seen[i - 1].p.done);
    expect(seen.find((x) => x.p.done > 0)!.p.bestScore).toEqual(expect.any(Number));
    // the pool works on after a cancel
    const again = await pool.search(scenario('policy/pol03_mp_search.json'));
    expect(again.placement).toEqual(solvePolicy(scenario('policy/pol03_mp_search.json')).placement);
  }, 60_000);

  it('reports progress at least every 200 ms within one long candidate, and a cancel stops it mid-candidate', async () => {
    // sr-search (beam 3) on the S3-like case: one candidate of about 20 s
    const s = scenario('bench/s3like-sr-greedy.json');
    s.policy = { name: 'sr-search' };
    const pool = pools[0];
    const seen: { t: number; p: PoolProgress }[] = [];
    const abort = new AbortController();
    let abortedAt = 0;
    const search = pool.search(s, {
      signal: abort.signal,
      onProgress: (p) => {
        seen.push({ t: performance.now(), p });
        if (seen.length === 12) {
          abortedAt = performance.now();
          abort.abort();
        }
      },
    });
    await expect(search).rejects.toBeInstanceOf(SearchCancelled);
    const stoppedAfter = performance.now() - abortedAt;
    expect(seen).toHaveLength(12);
    expect(seen.at(-1)!.p).toMatchObject({ done: 0, total: 1, running: 1, phase: 'solve' });
    // the timer's interval is 100 ms; 200 ms is the promise, with room for a busy CI machine
    const gaps = seen.slice(1).map((x, i) => x.t - seen[i].t);
    expect(Math.max(...gaps)).toBeLessThan(400);
    expect(stoppedAfter).toBeLessThan(1000);
  }, 60_000);

  for (const how of ['throw', 'exit'] as const) {
    it(`a worker that crashes (${how}) is replaced and the search reports it`, async () => {
      const pool = pools[1];
      const search = pool.search(scenario(LONG));
      await new Promise((r) => setTimeout(r, 300));
      pool.crashWorkerForTesting(1, how);
      const err = await search.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkerCrashed);
      expect((err as Error).message).toMatch(how === 'throw' ? /deliberate crash/ : /exited with code 3/);
      expect((err as Error).message).toMatch(/it was replaced and the search stopped$/);
      // replaced: the pool still has its two workers and answers
      const r = await pool.search(scenario('policy/pol03_mp_search.json'));
      expect(r.placement).toEqual(solvePolicy(scenario('policy/pol03_mp_search.json')).placement);
    }, 60_000);
  }

  it('a scenario no placement can serve is a ScenarioError naming the model', async () => {
    const s = scenario('policy/pol03_mp_search.json');
    s.cluster.memoryGB = 0.5;
    const err = await pools[1].search(s).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).issues[0].message).toMatch(/^model "m1" cannot be placed anywhere: the budget is 0.5 GB per GPU/);
  });

  it('workers that die before they start: the search fails, the pool stops respawning them', async () => {
    let spawned = 0;
    const failing = (): EngineWorker => {
      spawned++;
      let fail: (reason: string) => void = () => undefined;
      setTimeout(() => fail('cannot load the worker script'), 5);
      const never = () => new Promise<never>(() => undefined);
      return {
        api: new Proxy({}, { get: () => never }) as EngineWorker['api'],
        onFailure: (cb) => {
          fail = cb;
        },
        terminate: () => undefined,
      };
    };
    const pool = new EnginePool(failing, 2);
    const err = await pool.search(scenario('policy/pol03_mp_search.json')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkerCrashed);
    expect((err as Error).message).toMatch(/cannot load the worker script/);
    await new Promise((r) => setTimeout(r, 100));
    expect(spawned).toBeLessThanOrEqual(5);
    await expect(pool.search(scenario('policy/pol03_mp_search.json'))).rejects.toThrow('the engine workers cannot start: cannot load the worker script');
    pool.close();
  });

  it('a dedicated simulator answers while every search worker is busy', async () => {
    const pool = createNodePool(1, { dedicatedSimulator: true });
    try {
      await pool.ready();
      const s = scenario('bench/s3like-sr-greedy.json');
      s.policy = { name: 'sr-search' }; // one candidate of about 20 s
      const abort = new AbortController();
      let settled = false;
      const search = pool.search(s, { signal: abort.signal }).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 500));
      const view = await pool.analyse(defaultScenario(), { window: { from: 100, to: 110 } });
      expect(settled).toBe(false);
      expect(view.results.attainment).toBe(simulateScenario(defaultScenario()).attainment);
      expect(view.window!.events.length).toBeGreaterThan(0);
      abort.abort();
      await expect(search).rejects.toBeInstanceOf(SearchCancelled);
    } finally {
      pool.close();
    }
  }, 60_000);

  it('a search waiting for its turn is cancelled at once', async () => {
    const pool = pools[0];
    const first = new AbortController();
    const long = scenario('bench/s3like-sr-greedy.json');
    long.policy = { name: 'sr-search' };
    const running = pool.search(long, { signal: first.signal });
    const waiting = new AbortController();
    const queued = pool.search(scenario('policy/pol03_mp_search.json'), { signal: waiting.signal });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    waiting.abort();
    await expect(queued).rejects.toBeInstanceOf(SearchCancelled);
    expect(performance.now() - t0).toBeLessThan(1000); // not after the 20 s search ahead of it
    first.abort();
    await expect(running).rejects.toBeInstanceOf(SearchCancelled);
  }, 60_000);
});
