/** The CLI's contract: JSON results on stdout; bad input -> exit 2 and one line on stderr. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  it('simulate prints the v1 results of the scenario', async () => {
    const p = file('default.json', JSON.stringify(defaultScenario()));
    const r = await run(['simulate', p]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(simulateScenario(defaultScenario()))));
  });
  it('simulate on a golden case reproduces its attainment', async () => {
    const r = await run(['simulate', refPath('sim/sim03_replica_dispatch_ties.json'), '--compact']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).attainment).toBe(0.902542372881356);
  });
  it('validate says ok and summarises', async () => {
    const r = await run(['validate', file('ok.json', JSON.stringify(defaultScenario()))]);
    expect(r).toEqual({ code: 0, stdout: 'ok: 4 models on 4 GPUs, given placement', stderr: '' });
  });
  it('a validation error: exit 2, one line naming the path', async () => {
    const s = defaultScenario();
    s.models[3].sloScale = -2;
    const r = await run(['validate', file('bad.json', JSON.stringify(s))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('invalid scenario: models[3].sloScale: must be > 0');
  });
  it('malformed JSON: exit 2, one line', async () => {
    const r = await run(['simulate', file('broken.json', '{"version": 1,')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^invalid scenario: not valid JSON: /);
    expect(r.stderr).not.toContain('\n');
  });
  it('a missing file: exit 2', async () => {
    expect(await run(['simulate', join(dir, 'nope.json')])).toEqual({ code: 2, stdout: '', stderr: `cannot read scenario "${join(dir, 'nope.json')}": no such file` });
  });
  it('a scenario with a policy: simulate searches, then simulates, and says how it placed', async () => {
    const r = await run(['simulate', refPath('policy/pol03_mp_search.json'), '--compact']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const exp = JSON.parse(readFileSync(refPath('policy/pol03_mp_search.expected.json'), 'utf8'));
    expect(out.placement).toEqual(exp.placement);
    expect(out.attainment).toBe(exp.attainment);
    expect(out.search).toMatchObject({ policy: 'mp-search', workers: 'in-thread' });
    expect(out.search.candidates).toBeGreaterThan(1);
  });
  it('place: the same on 2 worker threads, with progress lines on stderr', async () => {
    const lines: string[] = [];
    const r = await run(['place', refPath('policy/pol04_mp_search_sep.json'), '--workers', '2', '--progress'], (l) => lines.push(l));
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const exp = JSON.parse(readFileSync(refPath('policy/pol04_mp_search_sep.expected.json'), 'utf8'));
    expect(out.placement).toEqual(exp.placement);
    expect(out.attainment).toBe(exp.attainment);
    expect(out.search).toMatchObject({ policy: 'mp-search-sep', workers: 2 });
    expect(Object.keys(out.search).sort()).toEqual(['candidates', 'chosen', 'policy', 'seconds', 'trainAttainment', 'trainScore', 'unplaced', 'workers']);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(new RegExp(`^search: ${out.search.candidates}/${out.search.candidates} candidates, best score \\d\\.\\d{6}, `));
  });
  it('place on a scenario without a policy, and bad --workers: exit 2 with a reason', async () => {
    const p = file('placed.json', JSON.stringify(defaultScenario()));
    expect((await run(['place', p])).stderr).toBe('invalid scenario: policy: "place" needs a scenario with a "policy" (this one gives a "placement"; use simulate)');
    expect((await run(['place', p, '--workers', 'two'])).stderr).toBe('--workers needs a whole number of worker threads from 1 to 64, got "two"');
    expect((await run(['place', p, '--workers'])).stderr).toBe('--workers needs a whole number of worker threads from 1 to 64, got nothing');
  });
  it('a model no group can hold: exit 2 naming the model', async () => {
    const s = JSON.parse(readFileSync(refPath('policy/pol03_mp_search.json'), 'utf8'));
    s.cluster.memoryGB = 0.5;
    const r = await run(['place', file('tiny.json', JSON.stringify(s))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^invalid scenario: models\[1\]: model "m1" cannot be placed anywhere: the budget is 0.5 GB per GPU and it needs more per GPU in every configuration \(\(1,1,1\) 4 GB, /);
  });
  it('usage errors: exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['frobnicate', 'x'])).stderr).toMatch(/^unknown command "frobnicate"/);
    expect((await run(['simulate', 'x', '--fast'])).stderr).toMatch(/^unknown option --fast/);
  });
});

describe('cli (as a process, reading stdin)', () => {
  it('simulate - reads the scenario from stdin; errors carry no stack trace', async () => {
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
