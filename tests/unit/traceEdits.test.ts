/** The page's trace workload edits (src/state/traceEdits.ts), the runner's search key for replays, and the inline rules. */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { parseScenario } from '../../src/core/scenario/parse';
import type { Scenario, TraceWorkload } from '../../src/core/scenario/types';
import { searchKey } from '../../src/state/runner';
import { applyPreset, missingTraceMessage, parseBound, TRACE_PRESETS, traceRefs, traceWorkloadFor } from '../../src/state/traceEdits';
import type { StoredTraceMeta } from '../../src/state/traceStore';

const SHA = 'ab'.repeat(32);

function meta(format: 'maf1' | 'maf2', start: number, end: number): StoredTraceMeta {
  return { sha256: SHA, name: 'trace x', format, info: { format, functions: 10, invocations: 1000, start, end }, files: [], malformed: { count: 0, examples: [] }, added: '2026-01-01T00:00:00Z' };
}

const withTrace = (w: TraceWorkload): Scenario => ({ ...defaultScenario(), workload: w });
const issues = (s: Scenario): string[] => {
  const r = parseScenario(s);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('trace workload edits', () => {
  it('picking a stored trace: MAF2 spans its invocations (whole minutes, one window when short); MAF1 the paper settings', () => {
    const short = traceWorkloadFor(meta('maf2', 12.5, 1490));
    expect(short).toEqual({ kind: 'trace', format: 'maf2', source: { name: 'trace x', sha256: SHA }, start: '0.0.0', end: '0.0.25', mapping: 'stripe', fit: 'gamma', rateScale: 1, cvScale: 1, interval: 1500 });
    expect(issues(withTrace(short))).toEqual([]);
    const day = traceWorkloadFor(meta('maf2', 13 * 86400 + 3, 14 * 86400 - 1));
    expect([day.start, day.end, day.interval]).toEqual(['13.0.0', '13.23.60', undefined]);
    const long = traceWorkloadFor(meta('maf2', 0, 20 * 86400));
    expect([long.start, long.end]).toEqual(['0.0.0', '0.23.60']);
    const m1 = traceWorkloadFor(meta('maf1', 2 * 86400, 3 * 86400));
    expect(m1).toMatchObject({ format: 'maf1', start: '2.0.0', end: '2.1.0', rateScale: 2e-3, cvScale: 4 });
    expect(issues(withTrace(m1))).toEqual([]);
    // another trace of the same format keeps the settings; only the source changes
    const kept = traceWorkloadFor({ ...meta('maf2', 0, 99), sha256: 'cd'.repeat(32), name: 'y' }, { ...short, rateScale: 5 });
    expect(kept).toEqual({ ...short, rateScale: 5, source: { name: 'y', sha256: 'cd'.repeat(32) } });
  });

  it('the paper presets, bounds as typed, the references and the missing-trace message', () => {
    const w = traceWorkloadFor(meta('maf2', 0, 600));
    const paper = applyPreset({ ...w, fit: 'vanilla', timeScale: 2 }, TRACE_PRESETS.find((p) => p.id === 'maf2-paper')!);
    expect(paper).toMatchObject({ start: '13.0.0', end: '13.23.60', rateScale: 16, cvScale: 1, interval: 5400, fit: 'gamma' });
    expect('timeScale' in paper).toBe(false);
    expect(applyPreset(traceWorkloadFor(meta('maf1', 0, 60)), TRACE_PRESETS[0])).toMatchObject({ start: '0.0.0', end: '0.1.0', rateScale: 2e-3, cvScale: 4, interval: 60 });
    expect([parseBound(' 3600 '), parseBound('1.5'), parseBound('0.1.0'), parseBound('abc')]).toEqual([3600, 1.5, '0.1.0', 'abc']);
    const s = { ...withTrace(w), policy: { name: 'sr-greedy' }, train: { ...w, rateScale: 2 } };
    expect(traceRefs(s)).toEqual([w, { ...w, rateScale: 2 }]);
    expect(traceRefs(defaultScenario())).toEqual([]);
    expect(missingTraceMessage(w)).toBe(`This scenario replays the trace “trace x” (sha256 ${SHA.slice(0, 12)}…), which this browser does not have: upload it`);
  });

  it('a policy on a trace replay trains on it: any replay setting changes the search key', () => {
    const base = { ...withTrace(traceWorkloadFor(meta('maf2', 0, 600))), placement: undefined, policy: { name: 'sr-greedy' } };
    const w = base.workload as TraceWorkload;
    const key = searchKey(base);
    expect(searchKey({ ...base, workload: { ...w, rateScale: 2 } })).not.toBe(key);
    expect(searchKey({ ...base, workload: { ...w, source: { ...w.source, sha256: 'cd'.repeat(32) } } })).not.toBe(key);
    // with an explicit training workload, the test replay's settings do not matter
    const trained = { ...base, train: { kind: 'gamma' as const, duration: 100, seed: 0 } };
    expect(searchKey({ ...trained, workload: { ...w, seed: 7 } })).toBe(searchKey(trained));
  });

  it('inline rules: rateScale with vanilla, whole minutes for MAF1', () => {
    const w = traceWorkloadFor(meta('maf2', 0, 600));
    expect(issues(withTrace({ ...w, fit: 'vanilla', cvScale: 1, rateScale: 3 }))).toEqual(['workload.rateScale: does not apply to "vanilla" replays, which replay the timestamps (use timeScale)']);
    const m1 = traceWorkloadFor(meta('maf1', 0, 86400));
    expect(issues(withTrace({ ...m1, interval: 90, start: 30 }))).toEqual([
      'workload.interval: MAF1 windows are whole minutes: must be a multiple of 60',
      'workload.start: MAF1 windows are whole minutes: must be a multiple of 60 s',
    ]);
  });
});
