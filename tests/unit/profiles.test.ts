import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../src/core/profiles/builtins';
import { ProfileImportError } from '../../src/core/profiles/importErrors';
import { importProfileJson } from '../../src/core/profiles/importJson';
import { importProfilingPickle } from '../../src/core/profiles/importPickle';
import { importProfilingTsv } from '../../src/core/profiles/importTsv';
import { OVERHEAD_MODEL, PAPER_MODELS, PAPER_PROFILES } from '../../src/core/profiles/paperModels';
import { REFERENCE_TABLES } from '../../src/core/profiles/referenceTables';
import { configMemoryGB, findConfig, singleDeviceLatency, type Profile } from '../../src/core/profiles/types';
import { readRefJson, refPath } from './reference';

const cfg = (p: Profile, op: number, pp: number) => findConfig(p, { dp: 1, op, pp })!;

describe('the reference four literal tables (reference doc section 1)', () => {
  it('lists exactly the four ids', () => {
    expect(Object.keys(REFERENCE_TABLES)).toEqual(['test-2GB-100ms', 'test-4GB-150ms', 'alpa/bert-1.3b', 'alpa/bert-2.6b']);
  });
  it('test-2GB-100ms', () => {
    const p = REFERENCE_TABLES['test-2GB-100ms'];
    expect(p.configs.map((c) => [c.pp, c.latency['1'], c.weightGB])).toEqual([
      [1, [0.1], [2]],
      [2, [0.051, 0.051], [1, 1]],
      [4, [0.026, 0.026, 0.026, 0.026], [0.5, 0.5, 0.5, 0.5]],
    ]);
  });
  it('test-4GB-150ms', () => {
    const p = REFERENCE_TABLES['test-4GB-150ms'];
    expect(p.configs.map((c) => [c.pp, c.latency['1'], c.weightGB])).toEqual([
      [1, [0.15], [4]],
      [2, [0.076, 0.076], [2, 2]],
      [4, [0.039, 0.039, 0.039, 0.039], [1, 1, 1, 1]],
    ]);
  });
  it('alpa/bert-1.3b', () => {
    const p = REFERENCE_TABLES['alpa/bert-1.3b'];
    expect(p.configs.map((c) => [c.pp, c.latency['1'], c.weightGB])).toEqual([
      [1, [0.099], [2.6]],
      [2, [0.051, 0.052], [1.3, 1.3]],
      [4, [0.028, 0.027, 0.027, 0.029], [0.65, 0.65, 0.65, 0.65]],
      [8, [0.015, 0.014, 0.014, 0.014, 0.014, 0.014, 0.014, 0.016], Array(8).fill(0.325)],
    ]);
  });
  it('alpa/bert-2.6b', () => {
    const p = REFERENCE_TABLES['alpa/bert-2.6b'];
    expect(p.configs.map((c) => [c.pp, c.latency['1'], c.weightGB])).toEqual([
      [1, [0.148], [5.2]],
      [2, [0.075, 0.076], [2.6, 2.6]],
    ]);
  });
  it('every configuration is (dp 1, op 1) and says where it comes from', () => {
    for (const p of Object.values(REFERENCE_TABLES)) {
      expect(p.provenance?.source).toBe('reference table');
      for (const c of p.configs) expect([c.dp, c.op]).toEqual([1, 1]);
    }
  });
});

describe("the paper's seven models (Table 1 + one overhead model)", () => {
  it('has the seven ids with Table 1 latency and weight in GiB', () => {
    expect(PAPER_MODELS.map((m) => [m.id, m.latency, m.weightGB])).toEqual([
      ['bert-1.3b', 0.151, 2.42],
      ['bert-2.6b', 0.238, 5.03],
      ['bert-6.7b', 0.395, 12.48],
      ['bert-104b', 4.6, 193.7],
      ['moe-1.3b', 0.15, 2.42],
      ['moe-2.4b', 0.171, 4.47],
      ['moe-5.3b', 0.234, 9.87],
    ]);
    for (const m of PAPER_MODELS) {
      const p = PAPER_PROFILES[m.id];
      expect(singleDeviceLatency(p)).toBe(m.latency);
      expect(cfg(p, 1, 1).weightGB).toEqual([m.weightGB]);
      expect(p.provenance?.source).toBe('paper Table 1 + modelled configs');
    }
  });
  it('GiB sizes are parameters x 2 bytes / 2^30 (6.7B -> 12.48)', () => {
    for (const m of PAPER_MODELS) expect(Math.abs((m.params * 2) / 2 ** 30 - m.weightGB)).toBeLessThan(0.03);
  });
  it('offers pp 1..16 x op 1..8 with at most 64 GPUs per group', () => {
    const p = PAPER_PROFILES['bert-1.3b'];
    const shapes = p.configs.map((c) => `${c.op}x${c.pp}`);
    expect(shapes).toContain('1x1');
    expect(shapes).toContain('4x8');
    expect(shapes).toContain('8x8');
    expect(shapes).not.toContain('8x16');
    expect(p.configs).toHaveLength(5 * 4 - 1);
    for (const c of p.configs) {
      expect(c.latency['1']).toHaveLength(c.pp);
      expect(c.weightGB).toHaveLength(c.pp);
      expect(Object.keys(c.latency)).toEqual(['1', '2', '4', '8', '16']);
    }
  });
  it('intra-op 2 cuts latency about 1.47x and costs throughput per GPU', () => {
    for (const m of PAPER_MODELS) {
      const p = PAPER_PROFILES[m.id];
      const op2 = cfg(p, 2, 1).latency['1'][0];
      expect(m.latency / op2).toBeGreaterThan(1.45);
      expect(m.latency / op2).toBeLessThan(1.49);
      expect(1 / (2 * op2)).toBeLessThan(1 / m.latency); // requests per second per GPU
    }
  });
  it('pipeline stages are uneven by a few percent, and the slowest sets throughput', () => {
    const p = PAPER_PROFILES['bert-2.6b'];
    for (const pp of [2, 4, 8, 16]) {
      const st = cfg(p, 1, pp).latency['1'];
      const spread = (Math.max(...st) - Math.min(...st)) / (st.reduce((a, b) => a + b, 0) / pp);
      expect(spread).toBeGreaterThan(0.02);
      expect(spread).toBeLessThan(0.06);
      expect(st.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.238); // pipelining never makes one request faster
    }
  });
  it('memory facts of the reference: 2 x BERT-2.6B per 13 GB GPU, 4 x BERT-6.7B on an op-4 group, BERT-104B needs 16 GPUs', () => {
    const b26 = configMemoryGB(cfg(PAPER_PROFILES['bert-2.6b'], 1, 1));
    expect(2 * b26).toBeLessThanOrEqual(13);
    expect(3 * b26).toBeGreaterThan(13);
    expect(4 * configMemoryGB(cfg(PAPER_PROFILES['bert-6.7b'], 4, 1))).toBeLessThanOrEqual(13);
    const big = PAPER_PROFILES['bert-104b'];
    expect(configMemoryGB(cfg(big, 2, 4))).toBeGreaterThan(13);
    expect(configMemoryGB(cfg(big, 4, 4))).toBeLessThanOrEqual(13);
  });
  it('batch latencies follow 0.4 + 0.6 b', () => {
    const c = cfg(PAPER_PROFILES['moe-2.4b'], 1, 2);
    c.latency['8'].forEach((v, k) => expect(v).toBeCloseTo(c.latency['1'][k] * (OVERHEAD_MODEL.BATCH_FIXED + 8 * OVERHEAD_MODEL.BATCH_PER_ITEM), 5));
  });
  it('built-ins are the union of both families', () => {
    expect(Object.keys(BUILTIN_PROFILES)).toHaveLength(11);
  });
});

describe('profile importers', () => {
  it('the reference pickle fixture imports to exactly its expected JSON', () => {
    const got = importProfilingPickle(new Uint8Array(readFileSync(refPath('fixtures/profiling_result_sample.pkl'))));
    expect({ profiles: got }).toEqual(readRefJson('fixtures/profiling_result_sample.expected.json'));
  });
  it('keeps the configuration order of the pickle (dict insertion order)', () => {
    const got = importProfilingPickle(new Uint8Array(readFileSync(refPath('fixtures/profiling_result_sample.pkl'))));
    expect(got['sample-moe-2.4b'].configs.map((c) => [c.op, c.pp])).toEqual([
      [1, 1],
      [1, 2],
      [1, 4],
      [1, 8],
      [2, 1],
      [4, 1],
    ]);
  });
  it('a file that is not a pickle gets a clear error naming the file', () => {
    expect(() => importProfilingPickle(new TextEncoder().encode('hello'), 'x.pkl')).toThrow(ProfileImportError);
    expect(() => importProfilingPickle(new TextEncoder().encode('hello'), 'x.pkl')).toThrow(/^x\.pkl: not a readable Python pickle/);
  });
  it('a truncated pickle is reported, not crashed on', () => {
    const bytes = new Uint8Array(readFileSync(refPath('fixtures/profiling_result_sample.pkl')));
    expect(() => importProfilingPickle(bytes.subarray(0, 300), 'cut.pkl')).toThrow(/^cut\.pkl: /);
  });

  const header = 'ModelName\tBS\t#Microbatch\tDP\tOP\tPP\t#GPU\tMeanTime(s)\tStdTime(s)\tTFLOPs\tStageWeights(B)\tStagePeakMem(B)\tStageLatencies(s)';
  const rows = [
    'm1\t1\t1\t1\t1\t2\t2\t0.105\t0.001\t1.00\t[1395864371, 1395864371]\t[2147483648, 2147483648]\t[0.051, 0.054]',
    'm1\t2\t1\t1\t1\t2\t2\t0.170\t0.001\t1.00\t[1395864371, 1395864371]\t[2147483648, 2147483648]\t[0.083, 0.087]',
    'm1\t1\t1\t1\t1\t1\t1\t0.1\t0.001\t1.00\t[2791728742]\t[3221225472]\t[0.1]',
  ];
  it('the reference TSV format, with a header', () => {
    const p = importProfilingTsv([header, ...rows].join('\n'), 'prof.tsv');
    expect(Object.keys(p)).toEqual(['m1']);
    expect(p.m1.configs).toEqual([
      { dp: 1, op: 1, pp: 2, latency: { '1': [0.051, 0.054], '2': [0.083, 0.087] }, weightGB: [1395864371 / 2 ** 30, 1395864371 / 2 ** 30] },
      { dp: 1, op: 1, pp: 1, latency: { '1': [0.1] }, weightGB: [2791728742 / 2 ** 30] },
    ]);
  });
  it('the reference TSV format without a header row (the reference supplies the columns)', () => {
    expect(importProfilingTsv(rows.join('\n'))).toEqual(importProfilingTsv([header, ...rows].join('\n')));
  });
  it('a TSV row with a stage count that does not match PP names the line', () => {
    const bad = rows[0].replace('[0.051, 0.054]', '[0.051]');
    expect(() => importProfilingTsv([header, bad].join('\n'), 'p.tsv')).toThrow(/p\.tsv: .*batch 1 has 1 stage latencies, expected pp = 2/);
  });
  it('a TSV row with a non-numeric list names the line and column', () => {
    const bad = rows[0].replace('[0.051, 0.054]', '[0.051, x]');
    expect(() => importProfilingTsv([header, bad].join('\n'), 'p.tsv')).toThrow('p.tsv: line 2: StageLatencies(s) is not a list of numbers');
  });
  it('a TSV missing a required column says which', () => {
    expect(() => importProfilingTsv(header.replace('\tPP', '\tXX') + '\n' + rows[0], 'p.tsv')).toThrow('p.tsv: missing column "PP"');
  });
  it('profile JSON, wrapped or bare, and its errors', () => {
    const profiles = readRefJson<{ profiles: Record<string, Profile> }>('fixtures/profiling_result_sample.expected.json');
    const text = JSON.stringify(profiles);
    expect(importProfileJson(text)).toEqual(profiles.profiles);
    expect(importProfileJson(JSON.stringify(profiles.profiles))).toEqual(profiles.profiles);
    expect(() => importProfileJson('{', 'a.json')).toThrow(/^a\.json: not valid JSON/);
    expect(() => importProfileJson('{"profiles": {"x": {"configs": []}}}', 'a.json')).toThrow(
      'a.json: profiles.x.configs: must list at least one configuration',
    );
  });
});
