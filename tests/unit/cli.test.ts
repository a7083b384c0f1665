/** The CLI's contract: JSON results on stdout; bad input -> exit 2 and one line on stderr. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { simulateScenario } from '../../src/core/sim/simulate';
import { PROJECT_ROOT, refPath } from './reference';

const dir = mkdtempSync(join(tmpdir(), 'planner-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('cli (in process)', () => {
  it('simulate prints the v1 results of the scenario', () => {
    const p = file('default.json', JSON.stringify(defaultScenario()));
    const r = run(['simulate', p]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(simulateScenario(defaultScenario()))));
  });
  it('simulate on a golden case reproduces its attainment', () => {
    const r = run(['simulate', refPath('sim/sim03_replica_dispatch_ties.json'), '--compact']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).attainment).toBe(0.902542372881356);
  });
  it('validate says ok and summarises', () => {
    const r = run(['validate', file('ok.json', JSON.stringify(defaultScenario()))]);
    expect(r).toEqual({ code: 0, stdout: 'ok: 4 models on 4 GPUs, given placement', stderr: '' });
  });
  it('a validation error: exit 2, one line naming the path', () => {
    const s = defaultScenario();
    s.models[3].sloScale = -2;
    const r = run(['validate', file('bad.json', JSON.stringify(s))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('invalid scenario: models[3].sloScale: must be > 0');
  });
  it('malformed JSON: exit 2, one line', () => {
    const r = run(['simulate', file('broken.json', '{"version": 1,')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^invalid scenario: not valid JSON: /);
    expect(r.stderr).not.toContain('\n');
  });
  it('a missing file: exit 2', () => {
    expect(run(['simulate', join(dir, 'nope.json')])).toEqual({ code: 2, stdout: '', stderr: `cannot read scenario "${join(dir, 'nope.json')}": no such file` });
  });
  it('a scenario with a policy: "not available yet", not a crash', () => {
    const s: Record<string, unknown> = { ...defaultScenario() };
    delete s.placement;
    s.policy = { name: 'mp-search' };
    const r = run(['simulate', file('policy.json', JSON.stringify(s))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'invalid scenario: policy: placement policies ("mp-search") are not available yet in this version; give a "placement" instead',
    );
  });
  it('usage errors: exit 2', () => {
    expect(run([]).code).toBe(2);
    expect(run(['frobnicate', 'x']).stderr).toMatch(/^unknown command "frobnicate"/);
    expect(run(['simulate', 'x', '--fast']).stderr).toMatch(/^unknown option --fast/);
  });
});

describe('cli (as a process, reading stdin)', () => {
  it('simulate - reads the scenario from stdin; errors carry no stack trace', () => {
    const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const ok = spawnSync(tsx, ['src/cli/main.ts', 'simulate', '-'], { cwd: PROJECT_ROOT, input: JSON.stringify(defaultScenario()), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).attainment).toBe(simulateScenario(defaultScenario()).attainment);
    const bad = spawnSync(tsx, ['src/cli/main.ts', 'simulate', '-'], { cwd: PROJECT_ROOT, input: '{"version": 3}', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('invalid scenario: version: version 3 is newer than this planner understands (1)\n');
  });
});
