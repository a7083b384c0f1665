/** The upload worker's trace parsing (src/workers/traceUpload.ts) on Blobs built here: MAF1 days, MAF2, wrong kinds, cancel, hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseMaf1, parseMaf2, traceInfo } from '../../src/core/workload/trace';
import { compactTrace, expandTrace, shareTrace, traceBuffers, traceBytes } from '../../src/core/workload/trace/compact';
import { Sha256, sha256Hex, traceSha256 } from '../../src/workers/sha256';
import type { TraceUploadProgress, TraceUploadReply } from '../../src/workers/traceUpload';
import { createUploadApi } from '../../src/workers/uploadApi';

const MAF1_HEADER = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => String(i + 1))].join(',');

/** A MAF1 day file: each function with counts for the minutes given (the rest 0). */
function maf1Text(rows: [string, Record<number, number | string>][]): string {
  const lines = [MAF1_HEADER];
  for (const [fn, counts] of rows) lines.push(['owner', 'app', fn, 'http', ...Array.from({ length: 1440 }, (_, i) => counts[i] ?? 0)].join(','));
  return lines.join('\n') + '\n';
}

/** A MAF2 trace of about n rows: 5 functions, bursty gaps, in end_timestamp order per function. */
function maf2Text(n: number): string {
  const rows = ['app,func,end_timestamp,duration'];
  let x = 4242;
  const rand = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const t = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const f = i % 5;
    t[f] += rand() < 0.3 ? rand() * 0.2 : rand() * (2 + f);
    rows.push(`app${f % 2},func-${f},${(t[f] + 0.125).toFixed(4)},0.125`);
  }
  return rows.join('\n') + '\n';
}

const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');
const file = (text: string, name: string): File => new File([text], name, { type: 'text/csv' });
const ok = (r: TraceUploadReply) => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r;
};
const fail = (r: TraceUploadReply): string => {
  expect(r.ok).toBe(false);
  return (r as { message: string }).message;
};

describe('sha256', () => {
  it('matches node:crypto for any length, fed in any pieces', async () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 65537]) {
      const bytes = randomBytes(n);
      const h = await Sha256.create();
      for (let i = 0; i < n; ) {
        const k = Math.min(n - i, 1 + ((i * 7919) % 97));
        h.update(bytes.subarray(i, i + k));
        i += k;
      }
      expect(h.hex()).toBe(sha(bytes));
    }
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await traceSha256(['a'.repeat(64)])).toBe('a'.repeat(64));
    expect(await traceSha256(['a'.repeat(64), 'b'.repeat(64)])).toBe(sha('a'.repeat(64) + 'b'.repeat(64)));
  });
});

describe('parseTrace (upload worker)', () => {
  const day1 = maf1Text([
    ['fa', { 0: 3, 5: 1 }],
    ['fb', { 1: 2 }],
  ]);
  const day2 = maf1Text([
    ['fc', { 0: 7 }],
    ['fa', { 1439: 4 }],
  ]);

  it('MAF1: two day files (given out of order) become one trace in day order; sha256 = hash of the per-file hashes', async () => {
    const progress: TraceUploadProgress[] = [];
    const files = [file(day2, 'invocations_per_function_md.anon.d02.csv'), file(day1, 'invocations_per_function_md.anon.d01.csv')];
    const r = ok(await createUploadApi().parseTrace(files, (p) => progress.push(p), { chunkSize: 1024, progressIntervalMs: 0 }));
    const want = parseMaf1([
      { text: day1, source: 'invocations_per_function_md.anon.d01.csv' },
      { text: day2, source: 'invocations_per_function_md.anon.d02.csv' },
    ]);
    expect(r.trace).toEqual(want);
    expect(r.info).toEqual(traceInfo(want));
    expect(r.info).toMatchObject({ format: 'maf1', functions: 3, invocations: 17, start: 0, end: 2 * 86400 });
    expect(r.files.map((f) => [f.name, f.day, f.sha256])).toEqual([
      ['invocations_per_function_md.anon.d01.csv', 0, sha(day1)],
      ['invocations_per_function_md.anon.d02.csv', 1, sha(day2)],
    ]);
    expect(r.sha256).toBe(sha(sha(day1) + sha(day2)));
    expect(r.name).toBe('invocations_per_function_md.anon.d01.csv + 1 more day file');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ bytes: day1.length + day2.length, total: day1.length + day2.length, rows: 4, files: 2 });
  });

  it('MAF1: malformed rows are counted with file and line; a single day file hashes as the file', async () => {
    const text = maf1Text([
      ['fa', { 0: 1 }],
      ['fb', { 3: 'x' }],
      ['fa', { 2: 2 }],
    ]);
    const r = ok(await createUploadApi().parseTrace([file(text, 'invocations_per_function_md.anon.d05.csv')], () => {}));
    expect(r.sha256).toBe(sha(text));
    expect(r.info).toMatchObject({ functions: 1, invocations: 1, start: 4 * 86400 });
    expect(r.malformed.count).toBe(2);
    expect(r.malformed.examples.map((e) => [e.line, e.source])).toEqual([
      [3, 'invocations_per_function_md.anon.d05.csv'],
      [4, 'invocations_per_function_md.anon.d05.csv'],
    ]);
    expect(r.malformed.examples[0].reason).toMatch(/minute 4: "x" is not a count/);
  });

  it('MAF2: streamed in small slices equals the whole-text parse; sha256 equals node:crypto\'s', async () => {
    const text = maf2Text(20000);
    const r = ok(await createUploadApi().parseTrace([file(text, 'AzureFunctionsInvocationTrace.txt')], () => {}, { chunkSize: 4096 }));
    const want = parseMaf2(text, { source: 'AzureFunctionsInvocationTrace.txt' });
    expect(r.trace).toEqual(compactTrace(want));
    expect(expandTrace(r.trace)).toEqual(want);
    expect(r.sha256).toBe(sha(text));
    expect(r.info).toEqual(traceInfo(want));
    expect(r.name).toBe('AzureFunctionsInvocationTrace.txt');
    expect(r.files).toEqual([{ name: 'AzureFunctionsInvocationTrace.txt', bytes: text.length, sha256: sha(text) }]);
    // malformed rows: counted with line numbers
    const bad = ok(await createUploadApi().parseTrace([file('app,func,end_timestamp,duration\na,f,1,0\na,f,x,0\n\na,,3,0\n', 't.csv')], () => {}));
    expect(bad.malformed).toEqual({
      count: 2,
      examples: [
        { line: 3, reason: 'end_timestamp "x" is not a finite number', source: 't.csv' },
        { line: 5, reason: 'empty func', source: 't.csv' },
      ],
    });
    // the traces are split without a CSV quote parser (faster): a quoted row is malformed, CRLF lines are fine
    const quoted = ok(await createUploadApi().parseTrace([file('app,func,end_timestamp,duration\r\na,f,1,0\r\na,"f,g",2,0\r\na,f,3,0', 'q.csv')], () => {}));
    expect(quoted.info.invocations).toBe(2);
    expect(quoted.malformed.examples).toEqual([{ line: 3, reason: 'bad quoting: quoted fields are not expected in this format', source: 'q.csv' }]);
  });

  it('a file of the wrong kind says what was expected', async () => {
    const api = createUploadApi();
    const log = fail(await api.parseTrace([file('timestamp,model\n1,a\n', 'log.csv')], () => {}));
    expect(log).toMatch(/^expected Azure Functions 2019 \(MAF1\) per-minute day files .* or an Azure Functions 2021 \(MAF2\) invocation trace .*; found columns timestamp, model \(this looks like a request log/);
    // the kind the page asked for (a scenario needing a MAF2 trace)
    const maf1 = fail(await api.parseTrace([file(day1, 'd01.csv')], () => {}, { format: 'maf2' }));
    expect(maf1).toMatch(/^expected an Azure Functions 2021 \(MAF2\) invocation trace .*\(this looks like an Azure Functions 2019 \(MAF1\) per-minute file\)/);
    // several files are MAF1 days: a MAF2 file among them is named
    const mixed = fail(await api.parseTrace([file(day1, 'x.d01.csv'), file(maf2Text(10), 'x.d02.csv')], () => {}));
    expect(mixed).toMatch(/^x\.d02\.csv: expected an Azure Functions 2019 \(MAF1\) per-minute file .*\(this looks like an Azure Functions 2021/);
    expect(fail(await api.parseTrace([file('', 'empty.csv')], () => {}))).toMatch(/^the file is empty \(expected/);
    expect(fail(await api.parseTrace([new File([new Uint8Array([0x1f, 0x8b, 8, 0])], 'x.gz')], () => {}))).toMatch(/gzip-compressed/);
    expect(fail(await api.parseTrace([file('app,func,end_timestamp,duration\na,f,x,0\n', 't.csv')], () => {}))).toMatch(
      /^no invocations: all 1 rows are malformed \(line 2: end_timestamp "x"/,
    );
    expect(fail(await api.parseTrace([file(day1, 'a.d01.csv'), file(day2, 'b.d01.csv')], () => {}))).toMatch(/loaded twice/);
    expect(fail(await api.parseTrace([file(day1, 'a.d01.csv'), file(day2, 'day-two.csv')], () => {}))).toMatch(/"day-two\.csv" has no day in its name/);
    expect(fail(await api.parseTrace([], () => {}))).toBe('no file was given');
  });

  it('cancel stops the parse at the next slice', async () => {
    const api = createUploadApi();
    const text = maf2Text(200000);
    let seen = 0;
    const p = api.parseTrace([file(text, 'big.txt')], (q) => {
      seen = q.bytes;
      if (q.bytes > 100000) api.cancel();
    }, { chunkSize: 16384, progressIntervalMs: 0 });
    const r = await p;
    expect(r).toEqual({ ok: false, cancelled: true, message: 'cancelled' });
    expect(seen).toBeLessThan(text.length);
  });
});

describe('compact traces', () => {
  it('buffers to transfer, bytes, and shared copies that replay the same', () => {
    const t = parseMaf2(maf2Text(1000));
    const c = compactTrace(t);
    expect('arrivals' in c).toBe(false);
    expect(traceBuffers(c)).toHaveLength(2);
    expect(traceBytes(c)).toBe(t.times.byteLength + t.offsets.byteLength);
    const s = shareTrace(c);
    expect(s.format === 'maf2' && s.times.buffer instanceof SharedArrayBuffer).toBe(true);
    expect(traceBuffers(s)).toEqual([]);
    expect(Array.from(expandTrace(s).format === 'maf2' ? (expandTrace(s) as typeof t).arrivals[3] : [])).toEqual(Array.from(t.arrivals[3]));
    const m = parseMaf1(maf1Text([['f', { 0: 1 }]]));
    const sm = shareTrace(m);
    expect(sm).toEqual(m);
    expect(sm.format === 'maf1' && sm.days[0].counts.buffer instanceof SharedArrayBuffer).toBe(true);
  });
});
