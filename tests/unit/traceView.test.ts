/** The trace viewer's data (src/core/workload/trace/view.ts): bins that add up, windows before and after scaling. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { ScenarioError } from '../../src/core/scenario/errors';
import { parseMaf1, parseMaf2, replayTrace } from '../../src/core/workload/trace';
import { registerTrace, replayScenarioTrace, unregisterTrace } from '../../src/core/workload/trace/loaded';
import { scenarioTraceView, traceView, traceViewBinWidth } from '../../src/core/workload/trace/view';

const names = ['a', 'b', 'c'];
const maf2 = parseMaf2(readFileSync('public/samples/synthetic.AzureFunctionsInvocationTrace.1h.txt', 'utf8'));
const maf1 = parseMaf1({ text: readFileSync('public/samples/synthetic.invocations_per_function_md.anon.d01.csv', 'utf8'), day: 0 });
const sum = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0);

describe('trace view', () => {
  it('bin widths: nice, at most 120 bins, whole minutes for MAF1', () => {
    expect(traceViewBinWidth(3600, 'maf2')).toBe(30);
    expect(traceViewBinWidth(3600, 'maf1')).toBe(60);
    expect(traceViewBinWidth(7200, 'maf1')).toBe(60);
    expect(traceViewBinWidth(86400, 'maf2')).toBe(900);
    expect(traceViewBinWidth(100, 'maf2')).toBe(1);
  });

  it('MAF2: the bins add up to the trace and the replay in the window; windows scale by rateScale and cvScale', () => {
    const options = { models: 3, start: 300, end: 3300, interval: 600, rateScale: 2.5, cvScale: 1.5, seed: 7 };
    const replay = replayTrace(maf2, options);
    const v = traceView(maf2, replay, names, 'gamma');
    expect(v).toMatchObject({ format: 'maf2', start: 300, end: 3300, binWidth: 30, bins: 100, interval: 600 });
    v.models.forEach((m, k) => {
      // the trace's invocations of the functions mapped to model k, in the window
      let want = 0;
      replay.functions.forEach((f, i) => {
        if (replay.modelOfFunction[i] === k) want += maf2.arrivals[f].filter((t) => t >= 300 && t < 3300).length;
      });
      expect(Math.round(sum(m.before) * v.binWidth)).toBe(want);
      expect(m.traceRequests).toBe(want);
      expect(Math.round(sum(m.after) * v.binWidth)).toBe(replay.streams[k].length);
      expect(m.replayedRequests).toBe(replay.streams[k].length);
      expect(m.windows.length).toBe(5);
      for (const w of m.windows) {
        expect(w.end - w.start).toBe(600);
        if (!w.fitted) expect(w.replayed).toBeNull();
        else {
          expect(w.replayed!.rate).toBeCloseTo(w.fitted.rate * 2.5, 12);
          expect(w.replayed!.cv).toBeCloseTo(w.fitted.cv! * 1.5, 12);
        }
      }
      expect(m.windows.some((w) => w.fitted !== null)).toBe(true);
    });
    // replayed ~2.5x the trace overall
    const ratio = sum(v.models.map((m) => m.replayedRequests)) / sum(v.models.map((m) => m.traceRequests));
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(3.2);
  });

  it('MAF1: minute counts binned; the cv is set (absolute), not fitted', () => {
    const replay = replayTrace(maf1, { models: 3, start: '0.9.0', end: '0.11.0', cvScale: 4 });
    const v = traceView(maf1, replay, names, 'gamma');
    expect(v).toMatchObject({ format: 'maf1', binWidth: 60, bins: 120, interval: 60 });
    const inWindow = (f: number): number => {
      let n = 0;
      for (const d of maf1.days) for (let r = 0; r < d.functionIds.length; r++) {
        if (d.functionIds[r] !== f) continue;
        for (let k = d.rowStart[r]; k < d.rowStart[r + 1]; k++) if (d.minutes[k] >= 540 && d.minutes[k] < 660) n += d.counts[k];
      }
      return n;
    };
    const traceTotal = sum(Array.from(replay.functions, inWindow));
    expect(sum(v.models.map((m) => m.traceRequests))).toBe(traceTotal);
    for (const m of v.models) {
      expect(m.windows.length).toBe(120);
      for (const w of m.windows) if (w.fitted) {
        expect(w.fitted.cv).toBeNull();
        expect(w.replayed).toEqual({ rate: w.fitted.rate, cv: 4 });
        expect(w.fitted.rate).toBe(w.count / 60);
      }
    }
  });

  it('from a scenario: needs a trace workload and the trace loaded', () => {
    const s = defaultScenario();
    expect(() => scenarioTraceView(s)).toThrow(ScenarioError);
    const traced = { ...s, workload: { kind: 'trace' as const, format: 'maf2' as const, source: { name: 'sample', sha256: 'f'.repeat(64) }, start: 0, end: 1200, interval: 600 } };
    expect(() => scenarioTraceView(traced)).toThrow(/not loaded here/);
    registerTrace('sample', 'f'.repeat(64), maf2);
    try {
      const v = scenarioTraceView(traced);
      expect(v.models.map((m) => m.name)).toEqual(s.models.map((m) => m.name));
      expect(v.bins).toBe(120);
    } finally {
      unregisterTrace({ name: 'sample', sha256: 'f'.repeat(64) });
    }
  });

  it('the simulation and the viewer share one replay of the same settings (re-registering the trace drops it)', () => {
    const w = { kind: 'trace' as const, format: 'maf2' as const, source: { name: 'memo', sha256: 'e'.repeat(64) }, start: 0, end: 1200, interval: 600 };
    registerTrace('memo', 'e'.repeat(64), maf2);
    try {
      const a = replayScenarioTrace(w, 3);
      expect(replayScenarioTrace({ ...w }, 3)).toBe(a);
      const other = replayScenarioTrace({ ...w, seed: 1 }, 3);
      expect(other).not.toBe(a);
      expect(replayScenarioTrace(w, 4)).not.toBe(a);
      registerTrace('memo', 'e'.repeat(64), maf2);
      const again = replayScenarioTrace(w, 3);
      expect(again).not.toBe(a);
      expect(again.streams).toEqual(a.streams);
    } finally {
      unregisterTrace({ name: 'memo', sha256: 'e'.repeat(64) });
    }
  });
});
