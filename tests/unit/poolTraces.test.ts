/** Traces in the engine pool (worker_threads): loaded into every worker, kept for replacements, unloaded. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';
import { simulateScenario } from '../../src/core/sim/simulate';
import { parseMaf2 } from '../../src/core/workload/trace';
import { compactTrace } from '../../src/core/workload/trace/compact';
import { registerTrace, unregisterTrace } from '../../src/core/workload/trace/loaded';
import type { EnginePool } from '../../src/pool/enginePool';
import { createNodePool } from '../../src/pool/node';

/** Four functions over an hour, bursty. */
function maf2Text(): string {
  const rows = ['app,func,end_timestamp,duration'];
  let x = 777;
  const rand = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let f = 0; f < 4; f++) {
    for (let t = 0; t < 3600; ) {
      t += rand() < 0.25 ? rand() * 0.3 : rand() * (3 + f);
      rows.push(`app,func${f},${(t + 0.5).toFixed(4)},0.5`);
    }
  }
  return rows.join('\n') + '\n';
}

const text = maf2Text();
const sha = createHash('sha256').update(text).digest('hex');

function scenario(policy: boolean): Scenario {
  return parseScenarioOrThrow({
    version: 1,
    cluster: { devices: 4, memoryGB: 13 },
    models: ['a', 'b'].map((name) => ({ name, profile: 'bert-1.3b', rate: 1, cv: 1, sloScale: 5 })),
    workload: { kind: 'trace', format: 'maf2', source: { name: 'tiny', sha256: sha }, start: 0, end: 3600, interval: 900, rateScale: 3 },
    ...(policy ? { policy: { name: 'sr-greedy' } } : { placement: { groups: [{ dp: 1, op: 1, pp: 2, models: ['a', 'b'] }] } }),
  });
}

let pool: EnginePool;
beforeAll(async () => {
  pool = createNodePool(2, { dedicatedSimulator: true });
  await pool.ready();
}, 30_000);
afterAll(() => pool.close());

describe('traces in the engine pool', () => {
  it('a trace scenario fails until the trace is loaded, then every worker replays it (a replacement too)', async () => {
    const before = await pool.simulate(scenario(false));
    expect(before.ok).toBe(false);
    expect(!before.ok && before.issues[0].message).toMatch(/the trace "tiny" \(sha256 [0-9a-f]{12}…\) is not loaded here/);
    expect(pool.hasTrace({ name: 'tiny', sha256: sha })).toBe(false);

    await pool.loadTrace('tiny', sha, compactTrace(parseMaf2(text)));
    expect(pool.hasTrace({ name: 'tiny', sha256: sha })).toBe(true);
    expect(pool.hasTrace({ name: 'tiny' })).toBe(true);
    expect(pool.hasTrace({ name: 'other', sha256: '0'.repeat(64) })).toBe(false);

    registerTrace('tiny', sha, parseMaf2(text));
    const want = simulateScenario(scenario(false));
    unregisterTrace({ name: 'tiny', sha256: sha });
    const got = await pool.simulate(scenario(false));
    expect(got.ok && got.results.attainment).toBe(want.attainment);
    expect(want.window.requests).toBeGreaterThan(1000);

    // a search opens on every search worker: each has the trace
    const placed = await pool.search(scenario(true));
    expect(JSON.stringify(placed.placement)).toContain('"models"');

    // a worker that dies is replaced, and the replacement is given the trace before any work
    const crashes = pool.crashes.length;
    pool.crashWorkerForTesting(1, 'exit');
    await expect.poll(() => pool.crashes.length, { timeout: 10_000 }).toBeGreaterThan(crashes);
    const again = await pool.search(scenario(true));
    expect(again.placement).toEqual(placed.placement);

    pool.unloadTrace('tiny', sha);
    expect(pool.hasTrace({ name: 'tiny', sha256: sha })).toBe(false);
    const after = await pool.simulate(scenario(false));
    expect(after.ok).toBe(false);
  }, 60_000);
});
