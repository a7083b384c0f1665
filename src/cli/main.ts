/**
 * Headless door to the planner core: JSON in, JSON out.
 *
 *   npm run -s cli -- simulate <scenario.json | ->   print the v1 results JSON
 *                                                    (a policy is searched first)
 *   npm run -s cli -- place <scenario.json | ->      run the scenario's policy: the chosen
 *                                                    placement, its results and "search"
 *   npm run -s cli -- validate <scenario.json | ->   check a scenario
 *   npm run -s cli -- trace-info <file> [file...]    summarise a trace (MAF1 day files, MAF2, request log)
 *   npm run -s cli -- sweep <scenario> --var devices --values 8,16,24 [--policies a,b] [--format csv|json]
 *
 * Options: --compact (one-line JSON), --workers N (search on N worker threads;
 * default: in this thread), --progress (progress lines on stderr).
 * Bad input: exit code 2 and one line on stderr naming the problem.
 */
import { readFileSync } from 'node:fs';
import { SearchCancelled, type PolicyProgress } from '../core/placement';
import { planScenario } from '../core/plan';
import { ScenarioError, formatIssue } from '../core/scenario/errors';
import { parseScenario } from '../core/scenario/parse';
import type { Scenario } from '../core/scenario/types';
import type { Results } from '../core/sim/results';
import { WorkerCrashed, type PoolProgress } from '../pool/enginePool';
import { createNodePool } from '../pool/node';
import { loadScenarioTraces, traceInfoOfFiles } from './traces';
import { parseSweepOptions, sweep, SweepUsageError } from './sweep';
import { crossingSentences, pointsToCsv } from '../core/sweep';

const USAGE =
  'usage: cli <simulate|place|validate> <scenario.json | -> [--compact] [--workers N] [--progress] | cli trace-info <file...> | ' +
  'cli sweep <scenario.json | -> --var <variable> --values v1,v2,... [--policies p1,p2] [--seeds s1,s2] [--format csv|json] [--target 0.99] [--workers N] [--progress]';

class UsageError extends Error {}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Options {
  command: string | undefined;
  file: string | undefined;
  /** trace-info: every file named */
  files: string[];
  compact: boolean;
  progress: boolean;
  workers: number | null;
  /** sweep options, by name (--var, --values, --policies, --seeds, --format, --target) */
  sweep: Record<string, string>;
}

const SWEEP_OPTIONS = ['--var', '--values', '--policies', '--seeds', '--format', '--target'];

function parseArgs(argv: string[]): Options {
  const o: Options = { command: undefined, file: undefined, files: [], compact: false, progress: false, workers: null, sweep: {} };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--compact') o.compact = true;
    else if (a === '--progress') o.progress = true;
    else if (a === '--workers' || a.startsWith('--workers=')) {
      const v = a === '--workers' ? argv[++i] : a.slice('--workers='.length);
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 1 || n > 64) {
        throw new UsageError(`--workers needs a whole number of worker threads from 1 to 64, got ${v === undefined ? 'nothing' : `"${v}"`}`);
      }
      o.workers = n;
    } else if (SWEEP_OPTIONS.includes(a.split('=')[0])) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, argv[++i]];
      if (inline === undefined) throw new UsageError(`${name} needs a value. ${USAGE}`);
      o.sweep[name.slice(2)] = inline;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}. ${USAGE}`);
    else positional.push(a);
  }
  [o.command, o.file] = positional;
  o.files = positional.slice(1);
  if (positional.length > 2 && o.command !== 'trace-info') throw new UsageError(`unexpected argument "${positional[2]}". ${USAGE}`);
  return o;
}

function readInput(path: string | undefined): string {
  if (!path) throw new UsageError(`missing scenario file. ${USAGE}`);
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new UsageError(`cannot read scenario "${path}": ${why}`);
  }
}

function oneLine(issues: { path: string; message: string }[]): string {
  const first = formatIssue(issues[0]);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1).map(formatIssue).join('; ')})` : '';
  return `invalid scenario: ${first}${more}`.replace(/\n/g, ' ');
}

function progressLine(p: PolicyProgress | PoolProgress, seconds: number): string {
  const best = p.bestScore === null ? '-' : p.bestScore.toFixed(6);
  const phase = 'phase' in p && p.phase !== 'solve' ? ` (${p.phase === 'open' ? 'generating the training workload' : 'combining'})` : '';
  return `search: ${p.done}/${p.total} candidates, best score ${best}, ${seconds.toFixed(1)} s${phase}`;
}

async function plan(s: Scenario, o: Options, log: (line: string) => void, signal?: AbortSignal): Promise<Results> {
  const t0 = performance.now();
  let last = -Infinity;
  const onProgress = o.progress
    ? (p: PolicyProgress | PoolProgress): void => {
        const t = performance.now();
        if (t - last < 200 && p.done < p.total) return; // a line at most every 200 ms, and the last one
        last = t;
        log(progressLine(p, (t - t0) / 1000));
      }
    : undefined;
  if (o.workers === null || !s.policy) return planScenario(s, { onProgress });
  const pool = createNodePool(o.workers);
  try {
    return await pool.plan(s, { onProgress, signal });
  } finally {
    pool.close();
  }
}

/** The CLI as a function (tests call it in process); `log` receives progress lines. */
export async function run(argv: string[], log: (line: string) => void = () => undefined, signal?: AbortSignal): Promise<CliResult> {
  try {
    const o = parseArgs(argv);
    if (o.command === 'trace-info') {
      if (o.files.length === 0) throw new UsageError(`trace-info needs a trace file. ${USAGE}`);
      try {
        return { code: 0, stdout: JSON.stringify(traceInfoOfFiles(o.files), null, o.compact ? undefined : 2), stderr: '' };
      } catch (e) {
        const why = e instanceof ScenarioError ? e.issues[0].message : (e as Error).message;
        return { code: 2, stdout: '', stderr: `invalid trace: ${why}`.replace(/\n/g, ' ') };
      }
    }
    if (Object.keys(o.sweep).length > 0 && o.command !== 'sweep') throw new UsageError(`--${Object.keys(o.sweep)[0]} is a sweep option. ${USAGE}`);
    if (o.command !== 'simulate' && o.command !== 'validate' && o.command !== 'place' && o.command !== 'sweep') {
      throw new UsageError(o.command ? `unknown command "${o.command}". ${USAGE}` : USAGE);
    }
    const parsed = parseScenario(readInput(o.file));
    if (!parsed.ok) return { code: 2, stdout: '', stderr: oneLine(parsed.issues) };
    const s = parsed.scenario;
    if (o.command === 'validate') {
      const what = s.policy ? `policy ${s.policy.name}` : 'given placement';
      return { code: 0, stdout: `ok: ${s.models.length} models on ${s.cluster.devices} GPUs, ${what}`, stderr: '' };
    }
    const replaysTrace = s.workload.kind === 'trace' || (s.train !== undefined && s.train !== 'test' && s.train.kind === 'trace');
    if (o.workers !== null && replaysTrace) {
      throw new UsageError('--workers cannot replay traces yet (the workers do not load trace files); run without --workers');
    }
    if (o.command === 'sweep') {
      loadScenarioTraces(s, o.file === '-' ? null : o.file!);
      const spec = parseSweepOptions(o.sweep);
      const points = await sweep(s, spec, { workers: o.workers, log: o.progress ? log : undefined, signal });
      if (o.progress || spec.summary) for (const line of crossingSentences(points, spec.variable, spec.target)) log(line);
      const out = spec.format === 'json' ? JSON.stringify(points, null, o.compact ? undefined : 2) : pointsToCsv(points);
      return { code: 0, stdout: out, stderr: '' };
    }
    if (o.command === 'place' && !s.policy) {
      return { code: 2, stdout: '', stderr: 'invalid scenario: policy: "place" needs a scenario with a "policy" (this one gives a "placement"; use simulate)' };
    }
    loadScenarioTraces(s, o.file === '-' ? null : o.file!);
    const results = await plan(s, o, log, signal);
    return { code: 0, stdout: JSON.stringify(results, null, o.compact ? undefined : 2), stderr: '' };
  } catch (e) {
    if (e instanceof ScenarioError) return { code: 2, stdout: '', stderr: oneLine(e.issues) };
    if (e instanceof UsageError || e instanceof SweepUsageError) return { code: 2, stdout: '', stderr: e.message };
    if (e instanceof SearchCancelled) return { code: 130, stdout: '', stderr: 'cancelled' };
    if (e instanceof WorkerCrashed) return { code: 1, stdout: '', stderr: e.message };
    return { code: 1, stdout: '', stderr: `internal error: ${(e as Error).message}` };
  }
}

const isMain = process.argv[1] && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  void run(process.argv.slice(2), (line) => process.stderr.write(line + '\n'), abort.signal).then((r) => {
    if (r.stdout) process.stdout.write(r.stdout + '\n');
    if (r.stderr) process.stderr.write(r.stderr + '\n');
    process.exitCode = r.code;
  });
}
