/** Timing statistics: median and IQR (linear interpolation, numpy's default), warm-up discarded, cancellation. */
import { describe, expect, it } from 'vitest';
import { checkTimingOptions, MeasurementCancelled, quantileSorted, summarise, timeRuns } from '../../src/gpu/timing';

describe('median and interquartile range', () => {
  it('match numpy.percentile (linear) on small samples', () => {
    // numpy: np.percentile([1,2,3,4], [25,50,75]) -> [1.75, 2.5, 3.25]
    expect(summarise([4, 1, 3, 2])).toMatchObject({ median: 2.5, q1: 1.75, q3: 3.25, iqr: 1.5, min: 1, max: 4, runs: 4 });
    // np.percentile([5, 1, 9], [25, 50, 75]) -> [3, 5, 7]
    expect(summarise([5, 1, 9])).toMatchObject({ median: 5, q1: 3, q3: 7, iqr: 4 });
    expect(summarise([0.3])).toMatchObject({ median: 0.3, iqr: 0 });
  });

  it('is robust to an outlier run (what the mean is not)', () => {
    const runs = [...Array.from({ length: 20 }, (_, i) => 0.010 + i * 0.0001), 5];
    const s = summarise(runs);
    expect(s.median).toBeCloseTo(0.011, 10);
    expect(s.iqr).toBeCloseTo(0.001, 10);
    expect(s.max).toBe(5);
  });

  it('refuses empty samples and bad values', () => {
    expect(() => summarise([])).toThrow(/no timed runs/);
    expect(() => summarise([1, NaN])).toThrow(/finite/);
    expect(() => quantileSorted([1], 1.5)).toThrow(/\[0, 1\]/);
  });
});

describe('timeRuns', () => {
  it('discards the warm-up runs and times the rest with the given clock', async () => {
    let t = 0;
    let call = 0;
    const durations = [500, 400, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]; // ms; two slow warm-ups
    const seen: number[] = [];
    const seconds = await timeRuns(
      async () => {
        t += durations[call++];
      },
      { warmup: 2, runs: 20, now: () => t, onRun: (done) => seen.push(done) },
    );
    expect(call).toBe(22);
    expect(seconds).toHaveLength(20);
    expect(seconds[0]).toBeCloseTo(0.01, 12);
    expect(Math.max(...seconds)).toBeCloseTo(0.029, 12);
    expect(seen).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('stops between runs when cancelled', async () => {
    let n = 0;
    await expect(timeRuns(async () => void n++, { warmup: 1, runs: 20, cancelled: () => n >= 3 })).rejects.toBeInstanceOf(MeasurementCancelled);
    expect(n).toBe(3);
  });

  it('needs at least one warm-up and 20 timed runs', () => {
    expect(() => checkTimingOptions({ warmup: 0, runs: 20 })).toThrow('warm-up runs must be a whole number >= 1, got 0');
    expect(() => checkTimingOptions({ warmup: 1, runs: 19 })).toThrow('timed runs must be a whole number >= 20, got 19');
    expect(() => checkTimingOptions({ warmup: 3, runs: 20 })).not.toThrow();
  });
});
