/** The CLI with traces: trace-info, and a scenario whose workload replays a trace file (docs/traces.md). */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';
import { simulateScenario } from '../../src/core/sim/simulate';
import { parseMaf2, replayTrace } from '../../src/core/workload/trace';
import { registerTrace } from '../../src/core/workload/trace/loaded';
import { mergeStreams } from '../../src/core/workload/merge';

const dir = mkdtempSync(join(tmpdir(), 'planner-trace-'));

/** A small MAF2 trace: 6 functions with bursty, deterministic-looking invocations over two hours. */
function maf2Text(): string {
  const rows = ['app,func,end_timestamp,duration'];
  let x = 12345;
  const rand = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let f = 0; f < 6; f++) {
    let t = 0;
    while (t < 7200) {
      t += rand() < 0.2 ? rand() * 0.5 : rand() * (4 + f);
      rows.push(`app${f % 2},func${f},${(t + 0.25).toFixed(4)},0.25`);
    }
  }
  return rows.join('\n') + '\n';
}

const text = maf2Text();
const file = join(dir, 'maf2.csv');
writeFileSync(file, text);
const sha = createHash('sha256').update(text).digest('hex');

function traceScenario(extra: Record<string, unknown> = {}): Scenario {
  return parseScenarioOrThrow({
    version: 1,
    cluster: { devices: 4, memoryGB: 13 },
    models: ['a', 'b', 'c'].map((name) => ({ name, profile: 'bert-1.3b', rate: 1, cv: 1, sloScale: 5 })),
    workload: { kind: 'trace', format: 'maf2', source: { name: 'tiny', sha256: sha, paths: ['maf2.csv'] }, start: 0, end: 7200, interval: 1800, rateScale: 2, ...extra },
    placement: { groups: [{ dp: 1, op: 1, pp: 2, models: ['a', 'b', 'c'] }, { dp: 1, op: 1, pp: 2, models: ['a', 'b', 'c'] }] },
  });
}

describe('cli with traces', () => {
  it('trace-info summarises a MAF2 file (with its content hash)', async () => {
    const r = await run(['trace-info', file, '--compact']);
    expect(r.stderr).toBe('');
    const info = JSON.parse(r.stdout);
    const trace = parseMaf2(text);
    expect(info).toEqual({ format: 'maf2', functions: 6, invocations: trace.invocations, start: trace.start, end: trace.end, sha256: sha });
  });

  it('simulate replays the trace named in the scenario: the same numbers as replayTrace + simulateScenario', async () => {
    const s = traceScenario();
    const p = join(dir, 's.json');
    writeFileSync(p, JSON.stringify(s));
    const r = await run(['simulate', p, '--compact']);
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    // expected: the replay done here by hand, then simulated with those arrivals
    const replay = replayTrace(parseMaf2(text), { models: 3, start: 0, end: 7200, interval: 1800, rateScale: 2 });
    const want = simulateScenario({ ...s }, mergeStreams(replay.streams));
    expect(got.attainment).toBe(want.attainment);
    expect(got.untrimmed.perModel).toEqual(want.untrimmed.perModel);
    expect(Object.values(got.untrimmed.perModel as Record<string, { requests: number }>).reduce((a, m) => a + m.requests, 0)).toBeGreaterThan(1000);
  });

  it('a policy on a trace workload trains on the replay and places every model', async () => {
    const s: Record<string, unknown> = { ...traceScenario() };
    delete s.placement;
    s.policy = { name: 'sr-greedy' };
    const p = join(dir, 'policy.json');
    writeFileSync(p, JSON.stringify(s));
    const r = await run(['place', p, '--compact']);
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got.search.policy).toBe('sr-greedy');
    expect(got.search.unplaced).toEqual([]);
  });

  it('a trace file that does not match its hash, a missing file, a trace not loaded: exit 2 naming the field', async () => {
    const bad = { ...traceScenario() } as Scenario & { workload: { source: { sha256: string } } };
    bad.workload.source.sha256 = '0'.repeat(64);
    const p = join(dir, 'bad.json');
    writeFileSync(p, JSON.stringify(bad));
    const r = await run(['simulate', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`invalid scenario: workload.source.sha256: the file(s) do not match: their SHA-256 is ${sha}`);
    const missing = traceScenario({ source: { name: 'x', paths: ['nope.csv'] } });
    writeFileSync(p, JSON.stringify(missing));
    expect((await run(['simulate', p])).stderr).toBe(`invalid scenario: workload.source.paths[0]: cannot read "${join(dir, 'nope.csv')}": no such file`);
    expect((await run(['trace-info', join(dir, 'nope.csv')])).stderr).toBe(`invalid trace: cannot read "${join(dir, 'nope.csv')}": no such file`);
  });

  it('the core refuses a trace workload whose trace is not loaded, and replays one that is', () => {
    const s = traceScenario({ source: { name: 'elsewhere' } });
    expect(() => simulateScenario(s)).toThrow('the trace "elsewhere" is not loaded here: load or upload it first');
    registerTrace('elsewhere', null, parseMaf2(text));
    expect(simulateScenario(s).attainment).toBeGreaterThan(0);
  });

  it('validation of trace workloads: window, fit and scale rules', () => {
    const base = traceScenario();
    const w = base.workload as unknown as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>): string[] => {
      const r = JSON.parse(JSON.stringify(base));
      Object.assign(r.workload, patch);
      try {
        parseScenarioOrThrow(r);
        return [];
      } catch (e) {
        return (e as { issues: { path: string; message: string }[] }).issues.map((i) => `${i.path}: ${i.message}`);
      }
    };
    expect(w.kind).toBe('trace');
    expect(bad({ end: 0 })).toEqual(['workload.end: must be after "start" (the window is empty)']);
    expect(bad({ format: 'maf1', fit: 'vanilla' })).toEqual(['workload.fit: "vanilla" replays timestamps: MAF1 has per-minute counts only']);
    expect(bad({ timeScale: 2 })).toEqual(['workload.timeScale: only applies to "vanilla" MAF2 replays']);
    expect(bad({ start: '1.2' })).toEqual(['workload.start: must be seconds or "day.hour.minute"']);
    expect(bad({ source: { name: 'x', sha256: 'abc' } })).toEqual(['workload.source.sha256: must be a SHA-256 in hex (64 characters)']);
  });
});
