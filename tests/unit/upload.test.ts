import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requestLogToWorkload } from '../../src/core/workload/requestLog';
import { createUploadApi, type RequestLogReply, type UploadProgress } from '../../src/workers/uploadApi';
import { readRefJson, refPath } from './reference';

const csv = (text: string) => new Blob([text], { type: 'text/csv' });
const ok = (r: RequestLogReply) => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r;
};
const fail = (r: { ok: boolean; message?: string }): string => {
  expect(r.ok).toBe(false);
  return (r as { message: string }).message;
};

/** A generated log of about `bytes` bytes: n rows, times in file order with a few swaps, three models. */
function bigLog(bytes: number): { blob: Blob; rows: number; counts: number[] } {
  const parts: string[] = ['timestamp,model,extra\n'];
  let size = parts[0].length;
  let rows = 0;
  const counts = [0, 0, 0];
  while (size < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 1000; k++, rows++) {
      const m = (rows * 7) % 3;
      counts[m]++;
      lines.push(`${(1_700_000_000 + rows * 0.001 + (rows % 10 === 0 ? 0.0005 : 0)).toFixed(4)},model-${m},x\n`);
    }
    const chunk = lines.join('');
    parts.push(chunk);
    size += chunk.length;
  }
  return { blob: csv(parts.join('')), rows, counts };
}

describe('parseRequestLog', () => {
  it('parses a small log: header variants, extra columns, CRLF, BOM, quotes, empty lines, malformed rows', async () => {
    const api = createUploadApi();
    const text = '\uFEFFid,Time,"Function"\r\n1,3.5,"a"\r\n\r\n2,1.5,b\r\n3,oops,a\r\n4,2.5,"with, comma"\r\n5,-2,b\r\n';
    const r = ok(await api.parseRequestLog(csv(text), () => {}));
    expect(r.log.requests).toBe(3);
    expect(r.log.duration).toBe(2);
    expect(r.log.start).toBe(1.5);
    expect(r.log.end).toBe(3.5);
    expect(r.log.models).toEqual([
      { name: 'a', requests: 1, rate: 0.5 },
      { name: 'b', requests: 1, rate: 0.5 },
      { name: 'with, comma', requests: 1, rate: 0.5 },
    ]);
    // line 3 is empty; 5 and 7 are malformed
    expect(r.log.malformed.count).toBe(2);
    expect(r.log.malformed.examples.map((e) => e.line)).toEqual([5, 7]);
    expect(requestLogToWorkload(r.requestLog).requests).toEqual([
      [0, 'b'],
      [1, 'with, comma'],
      [2, 'a'],
    ]);
  });

  it('ignores a byte order mark before the header', async () => {
    const r = ok(await createUploadApi().parseRequestLog(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), 'timestamp,model\n2,a\n']), () => {}));
    expect(r.log.requests).toBe(1);
    expect(r.log.start).toBe(2);
  });

  it('reads tab-separated logs too', async () => {
    const r = ok(await createUploadApi().parseRequestLog(csv('t\tmodel\n0.5\tx\n1\ty\n1.5\tx\n'), () => {}));
    expect(r.log.models.map((m) => m.name)).toEqual(['x', 'y']);
    expect(r.log.duration).toBe(1);
  });

  it('keeps multi-byte characters split across slices, and lines split across slices', async () => {
    const names = ['модель-α', '模型-β', 'émoji-🚀'];
    let text = 'timestamp,model\n';
    for (let i = 0; i < 3000; i++) text += `${i},${names[i % 3]}\n`;
    const r = ok(await createUploadApi().parseRequestLog(csv(text), () => {}, { chunkSize: 1024 }));
    expect(r.log.models.map((m) => m.name)).toEqual(names);
    expect(r.log.requests).toBe(3000);
    expect(r.log.malformed.count).toBe(0);
    expect(Array.from(r.requestLog.time.subarray(0, 4))).toEqual([0, 1, 2, 3]);
  });

  it('streams a ~5 MB log with throttled progress', async () => {
    const { blob, rows, counts } = bigLog(5 << 20);
    expect(blob.size).toBeGreaterThan(5 << 20);
    const seen: (UploadProgress & { at: number })[] = [];
    const t0 = performance.now();
    const r = ok(
      await createUploadApi().parseRequestLog(blob, (p) => seen.push({ ...p, at: performance.now() }), { chunkSize: 256 << 10 }),
    );
    const elapsed = performance.now() - t0;
    expect(r.log.requests).toBe(rows);
    expect(r.log.malformed.count).toBe(0);
    expect(r.log.models.map((m) => m.requests)).toEqual(counts);
    expect(r.log.start).toBeCloseTo(1_700_000_000, 3);
    expect(r.requestLog.time[0]).toBe(0);
    for (let i = 1; i < 2000; i++) expect(r.requestLog.time[i] >= r.requestLog.time[i - 1]).toBe(true);
    // the first report comes after the first slice, then at most one per 100 ms
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.length).toBeLessThanOrEqual(1 + Math.floor(elapsed / 100));
    if (elapsed > 250) expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].at - seen[i - 1].at).toBeGreaterThanOrEqual(99);
      expect(seen[i].bytes).toBeGreaterThan(seen[i - 1].bytes);
      expect(seen[i].rows).toBeGreaterThan(seen[i - 1].rows);
    }
    for (const p of seen) {
      expect(p.total).toBe(blob.size);
      expect(p.bytes).toBeLessThanOrEqual(blob.size);
      expect(p.rows).toBeLessThanOrEqual(rows);
    }
  });

  it('with the default 1 MB slices reports progress on a 5 MB log more than once', async () => {
    const { blob, rows } = bigLog(5 << 20);
    const seen: UploadProgress[] = [];
    const r = ok(await createUploadApi().parseRequestLog(blob, (p) => seen.push(p), { progressIntervalMs: 0 }));
    expect(r.log.requests).toBe(rows);
    expect(seen.length).toBe(Math.ceil(blob.size / (1 << 20)));
    expect(seen.at(-1)!.bytes).toBe(blob.size);
  });

  it('cancel() mid-way resolves with cancelled', async () => {
    const api = createUploadApi();
    const { blob } = bigLog(5 << 20);
    let calls = 0;
    const reply = await api.parseRequestLog(
      blob,
      () => {
        calls++;
        api.cancel();
      },
      { chunkSize: 256 << 10, progressIntervalMs: 0 },
    );
    expect(reply).toEqual({ ok: false, cancelled: true, message: 'cancelled' });
    expect(calls).toBe(1);
    // the api is usable afterwards, and cancel() with nothing running is harmless
    api.cancel();
    expect(ok(await api.parseRequestLog(csv('t,model\n1,a\n'), () => {})).log.requests).toBe(1);
  });

  it('cancel() from outside while reading', async () => {
    const api = createUploadApi();
    const { blob } = bigLog(5 << 20);
    const pending = api.parseRequestLog(blob, () => {}, { chunkSize: 64 << 10 });
    await new Promise((r) => setTimeout(r, 5));
    api.cancel();
    const reply = await pending;
    expect(reply.ok).toBe(false);
    expect(reply.ok === false && reply.cancelled).toBe(true);
  });

  describe('files of the wrong kind', () => {
    const api = createUploadApi();
    const parse = (b: Blob) => api.parseRequestLog(b, () => {});

    it('an Azure Functions 2019 per-minute trace', async () => {
      const header = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => i + 1)].join(',');
      const row = ['o1', 'a1', 'f1', 'http', ...Array.from({ length: 1440 }, () => '0')].join(',');
      const message = fail(await parse(csv(`${header}\n${row}\n`)));
      expect(message).toMatch(/^expected a request log CSV with columns timestamp and model/);
      expect(message).toContain('found columns HashOwner, HashApp, HashFunction, Trigger, 1, 2');
      expect(message).toContain('(this looks like an Azure Functions 2019 per-minute trace: upload it under “Replay an Azure Functions trace” instead)');
    });

    it('a scenario JSON', async () => {
      const message = fail(await parse(new Blob([JSON.stringify({ version: 1, models: [] }, null, 2)])));
      expect(message).toMatch(/^expected a request log CSV with columns timestamp and model; this is a JSON document/);
    });

    it('a pickle', async () => {
      const message = fail(await parse(new Blob([readFileSync(refPath('fixtures/profiling_result_sample.pkl'))])));
      expect(message).toMatch(/^expected a request log CSV .*; this is a Python pickle/);
    });

    it('a gzip file', async () => {
      expect(fail(await parse(new Blob([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])])))).toMatch(/gzip/);
    });

    it('a profiling TSV', async () => {
      const tsv = 'ModelName\tBS\t#Microbatch\tDP\tOP\tPP\n' + 'm\t1\t1\t1\t1\t2\n';
      expect(fail(await parse(csv(tsv)))).toMatch(/found columns ModelName, BS, .* \(this looks like a profiling TSV: import it as profiles instead\)$/);
    });

    it('an unterminated quote is refused once the pending record grows too long, not held to the end', async () => {
      let text = 'timestamp,model\n1,a\n2,"b\n';
      for (let i = 0; i < 20000; i++) text += `${i + 3},c\n`;
      const message = fail(await api.parseRequestLog(csv(text), () => {}, { chunkSize: 4096, maxPendingChars: 50_000 }));
      expect(message).toMatch(/^line 3: a record runs on for more than 50,000 characters \(an unterminated quote/);
      // the same file parses (as one malformed row) when the limit allows it
      const r = ok(await api.parseRequestLog(csv(text), () => {}, { chunkSize: 4096 }));
      expect(r.log.requests).toBe(1);
      expect(r.log.malformed).toEqual({ count: 1, examples: [{ line: 3, reason: 'bad quoting: Quoted field unterminated' }] });
    });

    it('a CSV without the columns', async () => {
      expect(fail(await parse(csv('when,who\n1,a\n')))).toMatch(/found columns when, who$/);
    });

    it('an empty file, a header alone, only malformed rows', async () => {
      expect(fail(await parse(csv('')))).toMatch(/the file is empty/);
      expect(fail(await parse(csv('\n\n')))).toMatch(/the file is empty/);
      expect(fail(await parse(csv('timestamp,model\n')))).toMatch(/header but no rows/);
      expect(fail(await parse(csv('timestamp,model\nx,a\n-1,b\n')))).toBe(
        'no valid requests: all 2 rows are malformed (line 2: timestamp "x" is not a number)',
      );
    });
  });
});

describe('importProfiles', () => {
  const api = createUploadApi();
  const expected = readRefJson<{ profiles: unknown }>('fixtures/profiling_result_sample.expected.json');

  it('a pickle (the reference fixture)', async () => {
    const r = await api.importProfiles(new Blob([readFileSync(refPath('fixtures/profiling_result_sample.pkl'))]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('pickle');
    expect({ profiles: r.profiles }).toEqual(expected);
  });

  it('JSON, with leading whitespace', async () => {
    const r = await api.importProfiles(new Blob(['\n  ' + JSON.stringify(expected)]));
    expect(r).toEqual({ ok: true, format: 'json', profiles: expected.profiles });
  });

  it('TSV', async () => {
    const tsv =
      'ModelName\tBS\t#Microbatch\tDP\tOP\tPP\t#GPU\tMeanTime(s)\tStdTime(s)\tTFLOPs\tStageWeights(B)\tStagePeakMem(B)\tStageLatencies(s)\n' +
      'm\t1\t1\t1\t1\t2\t2\t0.1\t0\t0\t[1073741824, 1073741824]\t[0, 0]\t[0.05, 0.051]\n';
    const r = await api.importProfiles(new Blob([tsv]));
    expect(r.ok && r.format).toBe('tsv');
    if (r.ok) expect(r.profiles.m.configs[0]).toMatchObject({ pp: 2, weightGB: [1, 1], latency: { '1': [0.05, 0.051] } });
  });

  it('broken JSON gives a message (without the file name: the page adds it)', async () => {
    const message = fail(await api.importProfiles(new File(['{"profiles": {"a": '], 'prof.json')));
    expect(message).toMatch(/^not valid JSON: /);
  });

  it('JSON of the wrong shape, a cut pickle, an empty file, a request log', async () => {
    expect(fail(await api.importProfiles(new Blob(['{"profiles": {"a": {"configs": 3}}}'])))).toMatch(/profiles/);
    const pkl = readFileSync(refPath('fixtures/profiling_result_sample.pkl'));
    expect(fail(await api.importProfiles(new Blob([pkl.subarray(0, 300)])))).toMatch(/pickle/);
    expect(fail(await api.importProfiles(new Blob([])))).toBe('the file is empty');
    expect(fail(await api.importProfiles(new Blob(['timestamp,model\n1,a\n'])))).toMatch(/looks like a request log/);
  });
});
