import { describe, expect, it } from 'vitest';
import {
  Maf1Builder,
  Maf2Builder,
  TraceFormatError,
  detectTraceFormat,
  maf1DayFromFileName,
  maf1FunctionMinutes,
  maf1WindowTotals,
  parseMaf1,
  parseMaf2,
  parseTraceText,
  splitCsvLine,
  traceInfo,
} from '../../src/core/workload/trace';

const MAF1_HEADER = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => String(i + 1))];

/** A MAF1 day file: each function with counts for its first minutes (the rest 0). */
function maf1Text(rows: [string, number[]][]): string {
  const lines = [MAF1_HEADER.join(',')];
  for (const [fn, counts] of rows) lines.push(['owner', 'app', fn, 'http', ...Array.from({ length: 1440 }, (_, i) => counts[i] ?? 0)].join(','));
  return lines.join('\n') + '\n';
}

describe('MAF1 parsing', () => {
  it('one day: functions in order, sparse counts, totals', () => {
    const t = parseMaf1({ text: maf1Text([['f1', [0, 3, 0, 2]], ['f2', []], ['f3', [1]]]), source: 'invocations_per_function_md.anon.d01.csv' });
    expect(t.format).toBe('maf1');
    expect(t.functions).toEqual(['f1', 'f2', 'f3']);
    expect(t.dayCount).toBe(1);
    expect(t.days[0].day).toBe(0);
    expect(Array.from(t.totals)).toEqual([5, 0, 1]);
    expect(t.invocations).toBe(6);
    expect(Array.from(t.days[0].minutes)).toEqual([1, 3, 0]);
    expect(Array.from(t.days[0].counts)).toEqual([3, 2, 1]);
    const f1 = maf1FunctionMinutes(t, 0);
    expect(f1.length).toBe(1440);
    expect(Array.from(f1.subarray(0, 5))).toEqual([0, 3, 0, 2, 0]);
    expect(Array.from(maf1WindowTotals(t, 2, 10))).toEqual([2, 0, 0]);
    expect(t.malformed).toEqual({ count: 0, examples: [] });
    expect(traceInfo(t)).toEqual({ format: 'maf1', functions: 3, invocations: 6, start: 0, end: 240 });
  });

  it('several days: timeline by day, functions by first appearance in day order', () => {
    const d1 = maf1Text([['a', [1]], ['b', [0, 1]]]);
    const d2 = maf1Text([['c', [2]], ['a', [0, 0, 5]]]);
    const d4 = maf1Text([['b', [7]]]);
    // given out of order: d04, d02, d01; the day comes from the dNN name
    const t = parseMaf1([
      { text: d4, source: 'x.d04.csv' },
      { text: d2, source: 'x.d02.csv' },
      { text: d1, source: 'x.d01.csv' },
    ]);
    expect(t.functions).toEqual(['a', 'b', 'c']);
    expect(t.days.map((d) => d.day)).toEqual([0, 1, 3]);
    expect(t.dayCount).toBe(4);
    const a = maf1FunctionMinutes(t, 0);
    expect(a.length).toBe(4 * 1440);
    expect([a[0], a[1440 + 2]]).toEqual([1, 5]);
    expect(maf1FunctionMinutes(t, 1)[3 * 1440]).toBe(7);
    expect(Array.from(t.totals)).toEqual([6, 8, 2]);
    expect(traceInfo(t)).toEqual({ format: 'maf1', functions: 3, invocations: 16, start: 0, end: (3 * 1440 + 1) * 60 });
    // default days: consecutive from 0
    const u = parseMaf1([{ text: d1 }, { text: d2 }]);
    expect(u.days.map((d) => d.day)).toEqual([0, 1]);
    expect(() => parseMaf1([{ text: d1, day: 0 }, { text: d2, day: 0 }])).toThrow(/loaded twice/);
    expect(maf1DayFromFileName('invocations_per_function_md.anon.d14.csv')).toBe(13);
    expect(maf1DayFromFileName('other.csv')).toBeNull();
  });

  it('malformed rows are counted with line numbers (first 5), never thrown', () => {
    const good = ['o', 'a', 'ok', 'http', ...Array(1440).fill('0')];
    const lines = [
      MAF1_HEADER.join(','),
      good.join(','), // line 2
      ['o', 'a', 'short', 'http', '1', '2'].join(','), // 3: too few fields
      ['o', 'a', 'neg', 'http', '-1', ...Array(1439).fill('0')].join(','), // 4
      ['o', 'a', '', 'http', ...Array(1440).fill('0')].join(','), // 5: empty name
      ['o', 'a', 'txt', 'http', 'x', ...Array(1439).fill('0')].join(','), // 6
      '', // 7: blank, skipped
      ['o', 'a', 'ok', 'http', '9', ...Array(1439).fill('0')].join(','), // 8: duplicate in the day
      ['o', 'a', 'frac', 'http', '1.5', ...Array(1439).fill('0')].join(','), // 9
      ['o', 'a', 'fine', 'http', ' +4', ...Array(1439).fill('0')].join(','), // 10: int(" +4") = 4
    ];
    const t = parseMaf1(lines.join('\r\n'));
    expect(t.functions).toEqual(['ok', 'fine']);
    expect(t.malformed.count).toBe(6);
    expect(t.malformed.examples.map((e) => e.line)).toEqual([3, 4, 5, 6, 8]);
    expect(t.malformed.examples[0].reason).toMatch(/missing fields/);
    expect(t.malformed.examples[1].reason).toMatch(/minute 1: "-1" is not a count/);
    expect(t.malformed.examples[2].reason).toBe('empty HashFunction');
    expect(t.malformed.examples[4].reason).toMatch(/duplicate HashFunction ok \(first on line 2\)/);
    expect(t.invocations).toBe(4);
  });

  it('header-mode objects (papaparse header: true) work too', () => {
    const b = new Maf1Builder();
    b.beginDay({ day: 2, source: 'd03' });
    const obj = Object.fromEntries(MAF1_HEADER.map((h) => [h, '0']));
    b.addRow({ ...obj, HashFunction: 'h', '5': '2' }, 2);
    b.addRow({ ...obj, HashFunction: 'g', '5': 'oops' }, 3);
    const t = b.finish();
    expect(t.functions).toEqual(['h']);
    expect(maf1FunctionMinutes(t, 0)[2 * 1440 + 4]).toBe(2);
    expect(t.malformed.examples).toEqual([{ line: 3, reason: 'minute 5: "oops" is not a count (an integer >= 0)', source: 'd03' }]);
  });

  it('a wrong header says what was expected (and what the file looks like)', () => {
    expect(() => parseMaf1('app,func,end_timestamp,duration\na,f,1,0\n')).toThrow(TraceFormatError);
    expect(() => parseMaf1('app,func,end_timestamp,duration\na,f,1,0\n')).toThrow(
      /expected an Azure Functions 2019 \(MAF1\) per-minute file with columns HashOwner, HashApp, HashFunction, Trigger, 1, 2, \.\.\., 1440; found columns app, func, end_timestamp, duration \(this looks like an Azure Functions 2021/,
    );
    // minutes cut short
    expect(() => parseMaf1(MAF1_HEADER.slice(0, 100).join(',') + '\n')).toThrow(/found columns HashOwner, .*\(100 columns\)/);
    expect(() => parseMaf1('')).toThrow(/empty file/);
  });
});

describe('MAF2 parsing', () => {
  const text = [
    'app,func,end_timestamp,duration',
    'a1,f2,10.5,0.5', // arrival 10
    'a1,f1,3.25,0.25', // 3
    'a1,f2,4,1', // 3
    'a2,f3,100,0', // 100
    'a1,f1,2.5,0.5', // 2
    'a1,f2,10.5,0.5', // 10 (a tie)
  ].join('\n');

  it('arrival = end_timestamp - duration, per function sorted, first-appearance order', () => {
    const t = parseMaf2(text);
    expect(t.functions).toEqual(['f2', 'f1', 'f3']);
    expect(t.arrivals.map((a) => Array.from(a))).toEqual([[3, 10, 10], [2, 3], [100]]);
    expect(Array.from(t.offsets)).toEqual([0, 3, 5, 6]);
    expect([t.invocations, t.start, t.end]).toEqual([6, 2, 100]);
    expect(traceInfo(t)).toEqual({ format: 'maf2', functions: 3, invocations: 6, start: 2, end: 100 });
    // the subtraction is the reference's double subtraction
    const u = parseMaf2('app,func,end_timestamp,duration\na,f,100.3,0.1\n');
    expect(u.arrivals[0][0]).toBe(100.3 - 0.1);
  });

  it('malformed rows counted with line numbers; the columns are found by name', () => {
    const t = parseMaf2(
      [
        'duration,end_timestamp,func,app',
        '1,5,f,a', // 2: ok -> 4
        'x,5,f,a', // 3
        '1,inf,f,a', // 4
        '1,5,,a', // 5
        '1,1e999,f,a', // 6
        '1,5', // 7
        '0.5,5,g,a', // 8 ok
      ].join('\n'),
      { source: 'trace.txt' },
    );
    expect(t.functions).toEqual(['f', 'g']);
    expect(t.invocations).toBe(2);
    expect(t.malformed.count).toBe(5);
    expect(t.malformed.examples.map((e) => [e.line, e.source])).toEqual([[3, 'trace.txt'], [4, 'trace.txt'], [5, 'trace.txt'], [6, 'trace.txt'], [7, 'trace.txt']]);
    expect(t.malformed.examples[0].reason).toBe('duration "x" is not a finite number');
    expect(t.malformed.examples[4].reason).toBe('missing fields: no func column');
  });

  it('wrong kind and limits', () => {
    expect(() => parseMaf2(MAF1_HEADER.join(',') + '\n')).toThrow(
      /expected an Azure Functions 2021 \(MAF2\) invocation trace with columns app, func, end_timestamp, duration; found columns HashOwner, HashApp, HashFunction, Trigger, 1, 2, \.\.\. \(1444 columns\) \(this looks like an Azure Functions 2019/,
    );
    expect(() => parseMaf2('timestamp,model\n1,a\n')).toThrow(/this looks like a request log/);
    expect(() => parseMaf2('')).toThrow(/empty file/);
    const b = new Maf2Builder({ maxInvocations: 1 });
    b.addRow(['app', 'func', 'end_timestamp', 'duration'], 1);
    b.addRow(['a', 'f', '1', '0'], 2);
    expect(() => b.addRow(['a', 'f', '2', '0'], 3)).toThrow(/more than 1 invocations/);
    // header-mode objects (papaparse header: true): the first object gives the header and is data
    const o = new Maf2Builder();
    o.addRow({ app: 'a', func: 'f', end_timestamp: '7', duration: '2' }, 2);
    o.addRow({ app: 'a', func: 'g', end_timestamp: '', duration: '2' }, 3);
    const t = o.finish();
    expect(t.arrivals.map((a) => Array.from(a))).toEqual([[5]]);
    expect(t.malformed.examples).toEqual([{ line: 3, reason: 'end_timestamp "" is not a finite number' }]);
  });
});

describe('format detection', () => {
  it('detects by header and parses any kind', () => {
    expect(detectTraceFormat(MAF1_HEADER)).toBe('maf1');
    expect(detectTraceFormat(['app', 'func', 'end_timestamp', 'duration'])).toBe('maf2');
    expect(detectTraceFormat(['timestamp', 'model'])).toBe('requests');
    expect(detectTraceFormat(['a', 'b'])).toBeNull();
    const r = parseTraceText('\ufefftimestamp,model\n100.5,a\n101,b\n102.5,a\n');
    expect(r.format).toBe('requests');
    expect(traceInfo(r)).toEqual({ format: 'requests', functions: 2, invocations: 3, start: 0, end: 2 });
    expect(parseTraceText('app,func,end_timestamp,duration\na,f,1,0\n').format).toBe('maf2');
    const m = parseTraceText(maf1Text([['f', [1]]]), 'invocations_per_function_md.anon.d03.csv');
    expect(m.format === 'maf1' && m.days[0].day).toBe(2);
    expect(() => parseTraceText('x,y\n1,2\n')).toThrow(/expected an Azure Functions 2019 .* found columns x, y/);
    expect(splitCsvLine('a,"b,c",""""')).toEqual(['a', 'b,c', '"']);
  });
});
