/**
 * The synthetic sample traces: the committed files in public/samples/ are
 * exactly what scripts/sampleTraces.ts generates (so they cannot drift from
 * the generator the README points to), the page's catalogue names them by
 * their real hashes, they parse without a malformed row, and each replays
 * with its catalogue settings on the default scenario to the traffic the
 * catalogue promises (about 6 requests/s over four models).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TRACE_FILES } from '../../scripts/sampleTraces';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { simulateScenario } from '../../src/core/sim/simulate';
import { parseTraceText, replayTrace, traceInfo } from '../../src/core/workload/trace';
import { registerTrace, unregisterTrace } from '../../src/core/workload/trace/loaded';
import { SAMPLE_TRACES, sampleWorkload } from '../../src/state/sampleTraces';
import type { StoredTraceMeta } from '../../src/state/traceStore';

const committed = (file: string): string => readFileSync(resolve('public', 'samples', file), 'utf8');

describe('synthetic sample traces', () => {
  it('the committed files are the generator output, and the catalogue names them by hash', () => {
    // every sample of the page's catalogue has its generator (SAMPLE_TRACE_FILES throws otherwise)
    expect(SAMPLE_TRACE_FILES.map((f) => f.id)).toEqual(SAMPLE_TRACES.map((s) => s.id));
    for (const f of SAMPLE_TRACE_FILES) {
      const text = f.text();
      expect(committed(f.file) === text, `${f.file} differs from the generator: run npm run make-samples`).toBe(true);
      expect(text.startsWith(f.format === 'maf1' ? 'HashOwner,HashApp,HashFunction,Trigger,1,' : 'app,func,end_timestamp,duration\n')).toBe(true);
      expect(createHash('sha256').update(text).digest('hex')).toBe(f.sha256);
    }
  });

  it('they are in the real formats (no malformed rows) and replay to the promised traffic', () => {
    for (const sample of SAMPLE_TRACES) {
      const trace = parseTraceText(committed(sample.file), sample.file);
      if (trace.format === 'requests') throw new Error('a sample is not a request log');
      expect(trace.format).toBe(sample.format);
      expect(trace.malformed.count).toBe(0);
      const info = traceInfo(trace);
      const meta: StoredTraceMeta = { sha256: sample.sha256, name: sample.file, format: sample.format, info, files: [], malformed: trace.malformed, added: '', synthetic: true };
      const w = sampleWorkload(meta, sample);
      expect(w).toMatchObject({ kind: 'trace', format: sample.format, fit: 'gamma', source: { name: sample.file, sha256: sample.sha256 }, ...sample.settings });
      const s = { ...defaultScenario(), workload: w };
      const replay = replayTrace(trace, { models: s.models.length, ...w });
      const seconds = replay.end - replay.start;
      const rate = replay.streams.reduce((n, x) => n + x.length, 0) / seconds;
      expect(rate, sample.id).toBeGreaterThan(3);
      expect(rate, sample.id).toBeLessThan(10);
      expect(replay.warnings).toEqual([]);
      // the default scenario runs on it
      registerTrace(sample.file, sample.sha256, trace);
      try {
        const r = simulateScenario(s);
        expect(r.attainment).toBe(simulateScenario(s, replay.arrivals).attainment);
        expect(r.attainment, sample.id).toBeGreaterThan(0.5);
      } finally {
        unregisterTrace({ name: sample.file, sha256: sample.sha256 });
      }
    }
  });
});
