/**
 * Trace replay (reference doc section 5): windowing, mappings, idle functions,
 * the seed counter, the 5x cap, the fewer-than-3 rule, MAF1 cv semantics,
 * vanilla replay. Expected arrivals are built with generateGammaArrivals and
 * the seeds the reference's loop gives (one counter, model-major, advanced
 * only by windows with a process).
 */
import { describe, expect, it } from 'vitest';
import { generateGammaArrivals } from '../../src/core/workload/gammaProcess';
import { mergeStreams } from '../../src/core/workload/merge';
import {
  TraceReplayError,
  fitGamma,
  formatDayHourMinute,
  mapFunctionsToModels,
  parseDayHourMinute,
  parseMaf1,
  parseMaf2,
  replayTrace,
} from '../../src/core/workload/trace';

const MAF1_HEADER = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => String(i + 1))];
function maf1Text(rows: [string, number[]][]): string {
  const lines = [MAF1_HEADER.join(',')];
  for (const [fn, counts] of rows) lines.push(['o', 'a', fn, 'timer', ...Array.from({ length: 1440 }, (_, i) => counts[i] ?? 0)].join(','));
  return lines.join('\n');
}
/** MAF2 rows [func, arrival] with duration 0 (so the arrival is exactly the given double). */
function maf2Text(rows: [string, number][]): string {
  return ['app,func,end_timestamp,duration', ...rows.map(([f, t]) => `a,${f},${t},0`)].join('\n');
}
const concat = (...parts: Float64Array[]) => Float64Array.from(parts.flatMap((p) => Array.from(p)));

describe('time strings and mappings', () => {
  it('day.hour.minute', () => {
    expect(parseDayHourMinute('0.0.0')).toBe(0);
    expect(parseDayHourMinute('1.2.3')).toBe(86400 + 7200 + 180);
    expect(parseDayHourMinute('13.23.60')).toBe(14 * 86400);
    expect(() => parseDayHourMinute('0.24.0')).toThrow(TraceReplayError);
    expect(() => parseDayHourMinute('0.0.61')).toThrow(/minute/);
    expect(() => parseDayHourMinute('1.2')).toThrow(/day.hour.minute/);
    expect(formatDayHourMinute(86400 + 7200 + 180)).toBe('1.2.3');
  });
  it('stripe = i mod M; round_robin = floor(M i / F)', () => {
    expect(Array.from(mapFunctionsToModels(7, 3, 'stripe'))).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(Array.from(mapFunctionsToModels(7, 3, 'round_robin'))).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });
});

describe('MAF1 replay', () => {
  // A, B, C, E have invocations in minutes 0..2; D has none there (only at minute 10): it is dropped
  // before mapping, so E is the 4th active function. Stripe: A, C -> model 0; B, E -> model 1.
  const trace = parseMaf1(
    maf1Text([
      ['A', [2, 0, 3]],
      ['B', [0, 4, 0]],
      ['C', [0, 0, 1]],
      ['D', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]],
      ['E', [0, 0, 5]],
    ]),
  );

  it('seed counter: model-major, advanced only by windows with a process; cv = cvScale (absolute)', () => {
    const r = replayTrace(trace, { models: 2, start: '0.0.0', end: '0.0.3', rateScale: 3, cvScale: 4, seed: 7 });
    expect(Array.from(r.functions)).toEqual([0, 1, 2, 4]); // D (id 3) dropped
    expect(Array.from(r.modelOfFunction)).toEqual([0, 1, 0, 1]);
    // model 0 = A + C per minute: [2, 0, 4]; model 1 = B + E: [0, 4, 5]
    expect(r.windows.map((ws) => ws.map((w) => w.count))).toEqual([[2, 0, 4], [0, 4, 5]]);
    expect(r.windows.map((ws) => ws.map((w) => w.process?.seed ?? null))).toEqual([[7, null, 8], [null, 9, 10]]);
    // a window-major counter would give model 1's window 1 seed 8: the order matters
    const g = (count: number, i: number, seed: number) => generateGammaArrivals((count / 60) * 3, 4, i * 60, 60, seed);
    expect(r.streams[0]).toEqual(concat(g(2, 0, 7), g(4, 2, 8)));
    expect(r.streams[1]).toEqual(concat(g(4, 1, 9), g(5, 2, 10)));
    expect(r.streams[1]).not.toEqual(concat(g(4, 1, 8), g(5, 2, 10)));
    for (const ws of r.windows) for (const w of ws) if (w.process) expect(w.process.cv).toBe(4);
    expect(r.windows[0][2].fit).toEqual({ rate: 4 / 60, cv: null, capped: false });
    expect(r.windows[0][2].process!.rate).toBe((4 / 60) * 3);
    expect(r.processes).toBe(4);
    expect(r.arrivals).toEqual(mergeStreams(r.streams));
    expect(r.warnings).toEqual([]);
  });

  it('round_robin mapping, longer intervals (a short last window keeps the nominal rate and length)', () => {
    const r = replayTrace(trace, { models: 2, start: 0, end: 180, mapping: 'round_robin', interval: 120, fit: 'exponential' });
    expect(Array.from(r.modelOfFunction)).toEqual([0, 0, 1, 1]); // A, B -> 0; C, E -> 1
    // model 0 = A + B: [2, 4, 3] -> windows [0,120): 6, [120,180): 3; model 1 = C + E: [0, 0, 6] -> 0, 6
    expect(r.windows.map((ws) => ws.map((w) => w.count))).toEqual([[6, 3], [0, 6]]);
    expect(r.streams[0]).toEqual(concat(generateGammaArrivals(6 / 120, 1, 0, 120, 0), generateGammaArrivals(3 / 120, 1, 120, 120, 1)));
    expect(r.streams[1]).toEqual(generateGammaArrivals(6 / 120, 1, 120, 120, 2));
  });

  it('idle functions are dropped per window; a window past the loaded days is cut (numpy slicing)', () => {
    const r = replayTrace(trace, { models: 1, start: '0.0.5', end: '0.0.15' });
    expect(Array.from(r.functions)).toEqual([3]); // only D
    expect(r.windows[0].map((w) => w.count)).toEqual([0, 0, 0, 0, 0, 9, 0, 0, 0, 0]);
    expect(r.streams[0]).toEqual(generateGammaArrivals(9 / 60, 1, 600, 60, 0));
    const cut = replayTrace(trace, { models: 1, start: 1440 * 60 - 120, end: 1440 * 60 + 600 });
    expect(cut.windows[0].length).toBe(2);
    expect(cut.warnings[0]).toMatch(/ends after the loaded days/);
  });

  it('fewer active functions than models: the others get nothing, with a warning', () => {
    const r = replayTrace(trace, { models: 3, start: 600, end: 660 });
    expect(r.functionsPerModel).toEqual([1, 0, 0]);
    expect(r.streams[1].length + r.streams[2].length).toBe(0);
    expect(r.warnings[0]).toMatch(/only 1 functions have invocations in the window, fewer than the 3 models/);
  });

  it('options the reference refuses', () => {
    const base = { models: 2, start: 0, end: 180 };
    expect(() => replayTrace(trace, { ...base, fit: 'vanilla' })).toThrow(/MAF1 has only per-minute counts/);
    expect(() => replayTrace(trace, { ...base, interval: 90 })).toThrow(/multiple of 60/);
    expect(() => replayTrace(trace, { ...base, start: 30 })).toThrow(/whole minutes/);
    expect(() => replayTrace(trace, { ...base, fit: 'exponential', cvScale: 2 })).toThrow(/cvScale applies to gamma/);
    expect(() => replayTrace(trace, { ...base, timeScale: 2 })).toThrow(/timeScale applies to vanilla MAF2/);
    expect(() => replayTrace(trace, { ...base, end: 0 })).toThrow(/window is empty/);
    expect(() => replayTrace(trace, { ...base, start: -60 })).toThrow(/start must be >= 0/);
    expect(() => replayTrace(trace, { ...base, models: 0 })).toThrow(/models/);
    expect(() => replayTrace(trace, { ...base, seed: -1 })).toThrow(/seed/);
    expect(() => replayTrace(trace, { ...base, seed: 0xffffffff })).toThrow(/seed counter passed/);
  });
});

describe('MAF2 replay', () => {
  const gaps = (a: number[]) => Float64Array.from(a.slice(1).map((t, i) => t - a[i] + 1e-6));

  it('gamma fit per window, 5x cap, fewer than 3 arrivals, short last window, seeds', () => {
    // f0 -> model 0: window 0 [0, 5400): 4 arrivals 1 ms apart -> fitted rate ~1000/s > 5 x 4/5400: capped;
    //                window 1 [5400, 10800): 2 arrivals -> no process; window 2 [10800, 12000): 5 spread arrivals
    // f1 -> model 1: window 0: 6 spread arrivals (not capped); window 2: 3 arrivals
    const w0 = [100, 100.001, 100.002, 100.0035];
    const w2 = [10900, 11000.5, 11013.25, 11500, 11900];
    const v0 = [10, 700, 1300.5, 2000, 4100, 5300];
    const v2 = [10801, 11111, 11999.5];
    const rows: [string, number][] = [
      ...w0.map((t): [string, number] => ['f0', t]),
      ['f0', 6000],
      ['f0', 7000],
      ...w2.map((t): [string, number] => ['f0', t]),
      ...v0.map((t): [string, number] => ['f1', t]),
      ...v2.map((t): [string, number] => ['f1', t]),
      ['f0', 12000], // outside [start, end)
    ];
    const trace = parseMaf2(maf2Text(rows));
    const r = replayTrace(trace, { models: 2, start: 0, end: 12000, rateScale: 2, cvScale: 1.5, seed: 3 });
    expect(r.interval).toBe(5400);
    expect(r.windows.map((ws) => ws.map((w) => w.start))).toEqual([[0, 5400, 10800], [0, 5400, 10800]]);
    expect(r.windows.map((ws) => ws.map((w) => w.count))).toEqual([[4, 2, 5], [6, 0, 3]]);
    const fw0 = fitGamma(gaps(w0))!;
    expect(fw0.rate).toBeGreaterThan((5 * 4) / 5400);
    expect(r.windows[0][0].fit).toEqual({ rate: 4 / 5400, cv: fw0.cv, capped: true });
    expect(r.windows[0][1].fit).toBeNull();
    const fw2 = fitGamma(gaps(w2))!;
    const fv0 = fitGamma(gaps(v0))!;
    const fv2 = fitGamma(gaps(v2))!;
    expect(r.windows[0][2].fit).toEqual({ rate: fw2.rate, cv: fw2.cv, capped: false });
    expect(r.windows[1][0].fit).toEqual({ rate: fv0.rate, cv: fv0.cv, capped: false });
    // seeds: model 0 windows 0, 2 -> 3, 4; model 1 windows 0, 2 -> 5, 6; every window sampled over 5400 s
    expect(r.windows.map((ws) => ws.map((w) => w.process?.seed ?? null))).toEqual([[3, null, 4], [5, null, 6]]);
    expect(r.streams[0]).toEqual(
      concat(generateGammaArrivals((4 / 5400) * 2, fw0.cv * 1.5, 0, 5400, 3), generateGammaArrivals(fw2.rate * 2, fw2.cv * 1.5, 10800, 5400, 4)),
    );
    expect(r.streams[1]).toEqual(
      concat(generateGammaArrivals(fv0.rate * 2, fv0.cv * 1.5, 0, 5400, 5), generateGammaArrivals(fv2.rate * 2, fv2.cv * 1.5, 10800, 5400, 6)),
    );
  });

  it('several functions of one model are merged before fitting; exponential needs 2 arrivals', () => {
    // stripe with 2 models: f0, f2 -> model 0; f1 -> model 1 (f3 idle in the window: dropped)
    const trace = parseMaf2(maf2Text([['f0', 10], ['f1', 20], ['f2', 15], ['f3', 9000], ['f0', 30], ['f1', 25]]));
    const r = replayTrace(trace, { models: 2, start: 0, end: 100, interval: 100, fit: 'exponential' });
    expect(Array.from(r.functions)).toEqual([0, 1, 2]);
    const merged = [10, 15, 30]; // f0 and f2 together
    const rate0 = 1 / ((15 - 10 + 1e-6 + (30 - 15 + 1e-6)) / 2);
    expect(r.windows[0][0].fit).toEqual({ rate: rate0, cv: 1, capped: false });
    expect(rate0).toBeLessThan((5 * merged.length) / 100);
    // 2 arrivals suffice for the exponential fit; 1 / 5.000001 > 5 x 2/100: capped to 2/100
    expect(r.windows[1][0].fit).toEqual({ rate: 2 / 100, cv: 1, capped: true });
    expect(r.streams[0]).toEqual(generateGammaArrivals(rate0, 1, 0, 100, 0));
    expect(r.streams[1]).toEqual(generateGammaArrivals(2 / 100, 1, 0, 100, 1));
    // gamma: model 1 has 2 arrivals -> no process
    const g = replayTrace(trace, { models: 2, start: 0, end: 100, interval: 100 });
    expect(g.windows[1][0].fit).toBeNull();
    expect(g.streams[1].length).toBe(0);
  });

  it('vanilla replays the timestamps, optionally time-scaled around the window start', () => {
    const trace = parseMaf2(maf2Text([['f0', 100], ['f1', 150], ['f0', 130], ['f2', 400], ['f1', 90]]));
    const r = replayTrace(trace, { models: 2, start: 100, end: 300, fit: 'vanilla' });
    // active in [100, 300): f0 (100, 130), f1 (150) -> stripe: f0 -> 0, f1 -> 1
    expect(r.streams.map((s) => Array.from(s))).toEqual([[100, 130], [150]]);
    expect(r.windows).toEqual([[], []]);
    const fast = replayTrace(trace, { models: 2, start: 100, end: 300, fit: 'vanilla', timeScale: 2 });
    expect(fast.streams.map((s) => Array.from(s))).toEqual([[100, 115], [125]]);
    expect(Array.from(fast.arrivals.model)).toEqual([0, 0, 1]);
    expect(() => replayTrace(trace, { models: 2, start: 100, end: 300, fit: 'vanilla', rateScale: 2 })).toThrow(/use timeScale/);
  });

  it('all-equal gaps (simultaneous arrivals) fail the fit: no process', () => {
    const trace = parseMaf2(maf2Text([['f', 50], ['f', 50], ['f', 50]]));
    const r = replayTrace(trace, { models: 1, start: 0, end: 5400 });
    expect(r.windows[0][0].fit).toBeNull();
    expect(r.processes).toBe(0);
  });
});
