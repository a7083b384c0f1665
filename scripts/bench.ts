/**
 * npm run bench: prints speed and memory figures (not pass/fail tests).
 *   npm run bench                 every suite
 *   npm run bench -- kernel       one suite (kernel, placement, pool, sweep, traces)
 */
import { benchKernel } from './bench/kernel';
import { benchPlacement } from './bench/placement';
import { benchPool } from './bench/pool';
import { benchSweep } from './bench/sweep';
import { benchTraces } from './bench/traces';

const SUITES: Record<string, () => void | Promise<void>> = { kernel: benchKernel, placement: benchPlacement, pool: benchPool, sweep: benchSweep, traces: benchTraces };

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in SUITES));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
console.log(`node ${process.version}, ${new Date().toISOString()}`);
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) await SUITES[name]();
