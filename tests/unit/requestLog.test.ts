import { describe, expect, it } from 'vitest';
import {
  MALFORMED_EXAMPLES,
  RequestLogBuilder,
  RequestLogError,
  requestLogToWorkload,
  summariseRequestLog,
  type RequestLog,
} from '../../src/core/workload/requestLog';

/** Rows as a CSV parser without header mode gives them; line numbers 1-based with the header on line 1. */
function build(rows: string[][], options?: { maxRequests?: number }): RequestLog {
  const b = new RequestLogBuilder(options);
  rows.forEach((r, i) => b.addRow(r, i + 1));
  return b.finish();
}

describe('RequestLogBuilder: header', () => {
  it.each([
    [['timestamp', 'model']],
    [['Time', 'Function']],
    [[' ARRIVAL ', 'func']],
    [['t', 'name']],
    [['id', 'name', 'extra', 'T', 'more']],
  ])('accepts %j', (header) => {
    const lower = header.map((h) => h.trim().toLowerCase());
    const ti = lower.findIndex((h) => ['timestamp', 'time', 'arrival', 't'].includes(h));
    const mi = lower.findIndex((h) => ['model', 'function', 'func', 'name'].includes(h));
    const row = (t: string, m: string) => header.map((_, i) => (i === ti ? t : i === mi ? m : 'x'));
    const log = build([header, row('1.5', 'a'), row('2', 'b'), row('3', 'a')]);
    expect(log.models).toEqual(['a', 'b']);
    expect(Array.from(log.time)).toEqual([0, 0.5, 1.5]);
    expect(Array.from(log.model)).toEqual([0, 1, 0]);
    expect(log.rows).toBe(3);
    expect(log.malformed).toEqual({ count: 0, examples: [] });
  });

  it('prefers timestamp over time, model over name', () => {
    const log = build([
      ['time', 'timestamp', 'name', 'model'],
      ['100', '1', 'x', 'a'],
      ['200', '2', 'y', 'b'],
    ]);
    expect(log.start).toBe(1);
    expect(log.models).toEqual(['a', 'b']);
  });

  it('takes object rows (header: true) with the header from the first row keys; that row is a request', () => {
    const b = new RequestLogBuilder();
    b.addRow({ Timestamp: '5', Model: 'm1', other: 'z' }, 2);
    b.addRow({ Timestamp: '7', Model: 'm2', other: 'z' }, 3);
    b.addRow({ Model: 'm2' } as Record<string, string>, 4);
    const log = b.finish();
    expect(log.rows).toBe(2);
    expect(log.models).toEqual(['m1', 'm2']);
    expect(Array.from(log.time)).toEqual([0, 2]);
    expect(log.malformed.count).toBe(1);
    expect(log.malformed.examples[0].line).toBe(4);
  });

  it('says which columns were expected and which were found', () => {
    const b = new RequestLogBuilder();
    expect(() => b.addRow(['when', 'model'], 1)).toThrow(RequestLogError);
    expect(() => new RequestLogBuilder().addRow(['when', 'model'], 1)).toThrow(
      /expected a request log CSV with columns timestamp and model .*found columns when, model$/,
    );
  });

  it('recognises an Azure Functions 2019 per-minute trace', () => {
    const header = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => String(i + 1))];
    let message = '';
    try {
      new RequestLogBuilder().addRow(header, 1);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^expected a request log CSV with columns timestamp and model/);
    expect(message).toContain('found columns HashOwner, HashApp, HashFunction, Trigger, 1, 2, 3, 4, ... (1444 columns)');
    expect(message).toContain('(this looks like an Azure Functions 2019 per-minute trace: upload it under “Replay an Azure Functions trace” instead)');
  });

  it('recognises an Azure Functions 2021 invocation trace', () => {
    expect(() => new RequestLogBuilder().addRow(['app', 'func', 'end_timestamp', 'duration'], 1)).toThrow(/Azure Functions 2021/);
  });
});

describe('RequestLogBuilder: malformed rows', () => {
  it('counts them with line numbers and reasons, keeps the first five, never throws', () => {
    const log = build([
      ['timestamp', 'model'], // 1
      ['1', 'a'], // 2
      ['abc', 'a'], // 3
      ['-1', 'a'], // 4
      ['1e999', 'a'], // 5
      ['2', ''], // 6
      ['3'], // 7
      ['', 'a'], // 8
      ['0x10', 'a'], // 9
      ['4', '  b  '], // 10
      ['Infinity', 'a'], // 11
    ]);
    expect(log.rows).toBe(2);
    expect(log.models).toEqual(['a', 'b']);
    expect(log.malformed.count).toBe(8);
    expect(log.malformed.examples).toHaveLength(MALFORMED_EXAMPLES);
    expect(log.malformed.examples.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    const reasons = log.malformed.examples.map((e) => e.reason);
    expect(reasons[0]).toMatch(/not a number/);
    expect(reasons[1]).toMatch(/negative/);
    expect(reasons[2]).toMatch(/not finite/);
    expect(reasons[3]).toMatch(/empty model/);
    expect(reasons[4]).toMatch(/missing/);
  });

  it('addMalformed counts a row the parser rejected', () => {
    const b = new RequestLogBuilder();
    b.addRow(['t', 'model'], 1);
    b.addRow(['1', 'a'], 2);
    b.addMalformed(3, 'bad quoting');
    const log = b.finish();
    expect(log.malformed).toEqual({ count: 1, examples: [{ line: 3, reason: 'bad quoting' }] });
  });
});

describe('RequestLogBuilder: order and storage', () => {
  it('sorts stably by time and shifts the first arrival to 0', () => {
    const log = build([
      ['timestamp', 'model'],
      ['12', 'c'],
      ['10.5', 'a'],
      ['12', 'b'],
      ['11', 'a'],
      ['12', 'a'],
      ['10.5', 'b'],
    ]);
    expect(log.models).toEqual(['c', 'a', 'b']); // first-seen order
    expect(log.start).toBe(10.5);
    expect(log.end).toBe(12);
    expect(Array.from(log.time)).toEqual([0, 0, 0.5, 1.5, 1.5, 1.5]);
    expect(Array.from(log.model).map((i) => log.models[i])).toEqual(['a', 'b', 'a', 'c', 'b', 'a']);
  });

  it('grows past its initial capacity and keeps typed arrays of the exact length', () => {
    const b = new RequestLogBuilder();
    b.addRow(['t', 'model'], 1);
    const n = 5000;
    for (let i = 0; i < n; i++) b.addRow([String(100 + (n - i) * 0.01), `m${i % 3}`], i + 2);
    expect(b.requests).toBe(n);
    const log = b.finish();
    expect(log.time).toBeInstanceOf(Float64Array);
    expect(log.model).toBeInstanceOf(Int32Array);
    expect(log.time.length).toBe(n);
    expect(log.model.length).toBe(n);
    expect(log.time[0]).toBe(0);
    for (let i = 1; i < n; i++) expect(log.time[i] >= log.time[i - 1]).toBe(true);
    expect(log.model[0]).toBe((n - 1) % 3);
  });

  it('refuses more than maxRequests', () => {
    const b = new RequestLogBuilder({ maxRequests: 2 });
    b.addRow(['t', 'model'], 1);
    b.addRow(['1', 'a'], 2);
    b.addRow(['2', 'a'], 3);
    expect(() => b.addRow(['3', 'a'], 4)).toThrow(/more than 2 requests/);
  });

  it('an empty log', () => {
    const log = build([['t', 'model']]);
    expect(log).toMatchObject({ rows: 0, models: [], start: 0, end: 0 });
    expect(summariseRequestLog(log)).toEqual({ requests: 0, models: [], duration: 0 });
  });
});

describe('summary and workload', () => {
  const log = build([
    ['timestamp', 'model'],
    ['1000', 'a'],
    ['1010', 'b'],
    ['1005', 'a'],
    ['1020', 'a'],
    ['1020', 'c'],
  ]);

  it('summarises requests and rates over the span', () => {
    expect(summariseRequestLog(log)).toEqual({
      requests: 5,
      duration: 20,
      models: [
        { name: 'a', requests: 3, rate: 3 / 20 },
        { name: 'b', requests: 1, rate: 1 / 20 },
        { name: 'c', requests: 1, rate: 1 / 20 },
      ],
    });
  });

  it('rate is null when all requests arrive at once', () => {
    expect(summariseRequestLog(build([['t', 'model'], ['3', 'a']])).models).toEqual([{ name: 'a', requests: 1, rate: null }]);
  });

  it('becomes an explicit workload, optionally renamed or filtered', () => {
    expect(requestLogToWorkload(log)).toEqual({
      kind: 'explicit',
      requests: [
        [0, 'a'],
        [5, 'a'],
        [10, 'b'],
        [20, 'a'],
        [20, 'c'],
      ],
    });
    expect(requestLogToWorkload(log, ['m0', null, 'm2']).requests).toEqual([
      [0, 'm0'],
      [5, 'm0'],
      [20, 'm0'],
      [20, 'm2'],
    ]);
    expect(() => requestLogToWorkload(log, ['x'])).toThrow(RangeError);
  });

  it('rounds workload times to the microsecond (the shift leaves float noise)', () => {
    const epoch = build([['timestamp', 'model'], ['1700000000.000', 'a'], ['1700000000.010', 'a'], ['1700000001.2345678', 'a']]);
    expect(epoch.time[1]).not.toBe(0.01);
    expect(requestLogToWorkload(epoch).requests).toEqual([
      [0, 'a'],
      [0.01, 'a'],
      [1.234568, 'a'],
    ]);
  });
});
