/** Sweeps: the scenario each point runs, equality with single runs (in-thread and on a pool), the 99 % crossing. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { planScenario } from '../../src/core/plan';
import { findConfig } from '../../src/core/profiles/types';
import { resolveProfile } from '../../src/core/scenario/crossChecks';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { applySweepValue, bestReaching, crossingSentences, pointsToCsv, sweepPointScenario, type SweepPoint } from '../../src/core/sweep';
import { readRefJson } from './reference';

const dir = mkdtempSync(join(tmpdir(), 'planner-sweep-'));
const base = parseScenarioOrThrow(readRefJson('policy/pol03_mp_search.json'));

describe('sweep variables', () => {
  it('each variable changes what it names, and nothing else', () => {
    const s = defaultScenario();
    expect(applySweepValue(s, 'devices', 8).cluster.devices).toBe(8);
    expect(applySweepValue(s, 'memoryGB', 16).cluster.memoryGB).toBe(16);
    expect(applySweepValue(s, 'rateScale', 2).models.map((m) => m.rate)).toEqual([3, 3, 3, 3]);
    expect(applySweepValue(s, 'cvScale', 0.5).models.map((m) => m.cv)).toEqual([1.5, 1.5, 1.5, 1.5]);
    const slo = { ...s, models: s.models.map((m, i) => (i === 0 ? { name: m.name, profile: m.profile, rate: m.rate, cv: m.cv, slo: 2 } : m)) };
    expect(applySweepValue(slo, 'sloScale', 3).models.map((m) => [m.sloScale, m.slo])).toEqual([[3, undefined], [3, undefined], [3, undefined], [3, undefined]]);
    expect(s.models[0].rate).toBe(1.5); // the base is untouched
    expect(() => applySweepValue(s, 'devices', 2.5)).toThrow('2.5 GPUs is not a whole number');
    // a trace replay: its own scales (the models' rate and cv do not drive it)
    const trace = { ...s, workload: { kind: 'trace' as const, format: 'maf2' as const, source: { name: 't' }, start: 0, end: 60, rateScale: 4, cvScale: 2 } };
    const scaled = applySweepValue(applySweepValue(trace, 'rateScale', 2), 'cvScale', 1.5);
    expect(scaled.workload).toMatchObject({ rateScale: 8, cvScale: 3 });
    expect(scaled.models.map((m) => [m.rate, m.cv])).toEqual(s.models.map((m) => [m.rate, m.cv]));
  });

  it('alpha: every pipelined configuration takes alpha x the single-GPU latency, in its own proportions', () => {
    const s = applySweepValue(defaultScenario(), 'alpha', 1.3);
    const p = resolveProfile(s, 'bert-6.7b')!;
    const before = resolveProfile(defaultScenario(), 'bert-6.7b')!;
    const D = findConfig(p, { dp: 1, op: 1, pp: 1 })!.latency['1'].reduce((a, b) => a + b, 0);
    for (const c of p.configs) {
      const old = findConfig(before, c)!;
      const sum = c.latency['1'].reduce((a, b) => a + b, 0);
      if (c.pp > 1) {
        expect(sum).toBeCloseTo(1.3 * D, 12);
        const oldSum = old.latency['1'].reduce((a, b) => a + b, 0);
        c.latency['1'].forEach((x, k) => expect(x / sum).toBeCloseTo(old.latency['1'][k] / oldSum, 12));
      } else expect(c.latency).toEqual(old.latency);
    }
    expect(p.provenance?.alpha).toBe(1.3);
  });
});

describe('cli sweep', () => {
  const file = join(dir, 'base.json');
  writeFileSync(file, JSON.stringify(base));

  it('json: one point per (value, policy), each equal to simulate of that scenario', async () => {
    const r = await run(['sweep', file, '--var', 'rateScale', '--values', '0.5,1,2', '--policies', 'sr-greedy,mp-search', '--format', 'json', '--compact']);
    expect(r.stderr).toBe('');
    const points = JSON.parse(r.stdout) as SweepPoint[];
    expect(points.map((p) => [p.policy, p.value])).toEqual([
      ['sr-greedy', 0.5],
      ['mp-search', 0.5],
      ['sr-greedy', 1],
      ['mp-search', 1],
      ['sr-greedy', 2],
      ['mp-search', 2],
    ]);
    for (const p of points) {
      expect(Object.keys(p).sort()).toEqual(['attainment', 'policy', 'value', 'var']);
      expect(p.attainment).toBe(planScenario(sweepPointScenario(base, 'rateScale', p.value, p.policy)).attainment);
    }
    // the same sweep on two worker threads gives the same numbers
    const pooled = await run(['sweep', file, '--var', 'rateScale', '--values', '0.5,1,2', '--policies', 'sr-greedy,mp-search', '--format', 'json', '--workers', '2']);
    expect(JSON.parse(pooled.stdout)).toEqual(points);
  }, 60_000);

  it('csv by default, with seeds for bands; bad options are named', async () => {
    const r = await run(['sweep', file, '--var', 'devices', '--values', '4,8', '--policies', 'sr-greedy', '--seeds', '1,2']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('policy,var,value,seed,attainment');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['sr-greedy,devices,4,', 'sr-greedy,devices,4,1', 'sr-greedy,devices,4,2', 'sr-greedy,devices,8,', 'sr-greedy,devices,8,1', 'sr-greedy,devices,8,2']);
    expect((await run(['sweep', file, '--var', 'speed', '--values', '1'])).stderr).toBe('--var: unknown variable "speed"; known: devices, rateScale, cvScale, sloScale, memoryGB, alpha');
    expect((await run(['sweep', file, '--var', 'devices', '--values', '4,x'])).stderr).toBe('--values: "x" is not a number (give a comma-separated list)');
    expect((await run(['sweep', file, '--var', 'devices'])).stderr).toBe('sweep needs --values (a comma-separated list)');
    expect((await run(['simulate', file, '--var', 'devices'])).stderr).toMatch(/^--var is a sweep option/);
  }, 60_000);
});

describe('the 99 % crossing', () => {
  const series = (policy: string, xs: number[], as: number[]): SweepPoint[] => xs.map((value, i) => ({ policy, var: 'devices', value, attainment: as[i] }));
  it('the fewest GPUs (smallest reaching x) and the highest rate (largest reaching x), with means over seeds', () => {
    const pts = series('a', [8, 16, 24, 32], [0.9, 0.985, 0.99, 0.999]);
    expect(bestReaching(pts, 0.99, 'smallest')).toBe(24);
    expect(bestReaching(series('r', [1, 2, 3, 4], [1, 0.995, 0.99, 0.95]), 0.99, 'largest')).toBe(3);
    expect(bestReaching(series('n', [1, 2], [0.5, 0.6]), 0.99, 'smallest')).toBeNull();
    // two seeds at x = 16: 0.995 and 0.98 average 0.9875 < 0.99
    expect(bestReaching([...pts, { policy: 'a', var: 'devices', value: 16, attainment: 0.99, seed: 1 }, { policy: 'a', var: 'devices', value: 16, attainment: 0.995, seed: 2 }], 0.99, 'smallest')).toBe(16);
  });
  it('says it in the paper\'s words', () => {
    const pts = [...series('alpaserve', [8, 16, 24, 32], [0.95, 0.995, 1, 1]), ...series('sr-greedy', [8, 16, 24, 32], [0.6, 0.8, 0.95, 0.99])];
    expect(crossingSentences(pts, 'devices')).toEqual([
      'alpaserve: fewest GPUs for 99 %: 16 GPUs',
      'sr-greedy: fewest GPUs for 99 %: 32 GPUs',
      'alpaserve needs 2x fewer GPUs than sr-greedy',
    ]);
    const rate = [...series('alpaserve', [1, 2, 3], [1, 0.99, 0.9]), ...series('sr', [1, 2, 3], [0.99, 0.9, 0.8]), ...series('none', [1, 2, 3], [0.5, 0.4, 0.3])].map((p) => ({ ...p, var: 'rateScale' as const }));
    expect(crossingSentences(rate, 'rateScale')).toEqual([
      'alpaserve: highest rate for 99 %: 2 x',
      'sr: highest rate for 99 %: 1 x',
      'none does not reach 99 % in this sweep',
      'alpaserve sustains 2x higher rate than sr',
    ]);
    expect(pointsToCsv(pts.slice(0, 1))).toBe('policy,var,value,attainment\nalpaserve,devices,8,0.95');
  });
});
