/**
 * Headless door to the planner core: JSON in, JSON out.
 *
 *   npm run -s cli -- simulate <scenario.json | ->   print the v1 results JSON
 *   npm run -s cli -- validate <scenario.json | ->   check a scenario
 *
 * Bad input: exit code 2 and one line on stderr naming the problem.
 */
import { readFileSync } from 'node:fs';
import { ScenarioError, formatIssue } from '../core/scenario/errors';
import { parseScenario } from '../core/scenario/parse';
import { simulateScenario } from '../core/sim/simulate';

const USAGE = 'usage: cli <simulate|validate> <scenario.json | -> [--compact]';

class UsageError extends Error {}

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

export function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const [command, file] = args;
  try {
    for (const f of flags) if (f !== '--compact') throw new UsageError(`unknown option ${f}. ${USAGE}`);
    if (command !== 'simulate' && command !== 'validate') {
      throw new UsageError(command ? `unknown command "${command}". ${USAGE}` : USAGE);
    }
    const parsed = parseScenario(readInput(file));
    if (!parsed.ok) return { code: 2, stdout: '', stderr: oneLine(parsed.issues) };
    if (command === 'validate') {
      const s = parsed.scenario;
      const what = s.policy ? `policy ${s.policy.name}` : 'given placement';
      return { code: 0, stdout: `ok: ${s.models.length} models on ${s.cluster.devices} GPUs, ${what}`, stderr: '' };
    }
    const results = simulateScenario(parsed.scenario);
    return { code: 0, stdout: JSON.stringify(results, null, flags.has('--compact') ? undefined : 2), stderr: '' };
  } catch (e) {
    if (e instanceof ScenarioError) return { code: 2, stdout: '', stderr: oneLine(e.issues) };
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: e.message };
    return { code: 1, stdout: '', stderr: `internal error: ${(e as Error).message}` };
  }
}

const isMain = process.argv[1] && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  const r = run(process.argv.slice(2));
  if (r.stdout) process.stdout.write(r.stdout + '\n');
  if (r.stderr) process.stderr.write(r.stderr + '\n');
  process.exitCode = r.code;
}
