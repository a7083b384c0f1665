/**
 * Synthetic sample traces in the real Azure Functions formats, so the trace
 * features work without downloading Microsoft's files (hundreds of MB). They
 * are NOT real traffic: every number comes from a seeded generator here (the
 * planner's own numpy-compatible RNG and Gamma process), and the page labels
 * them "synthetic". `npm run make-samples` writes them to public/samples/; a
 * unit test checks that the committed files are exactly this output.
 *
 * MAF1 (2019): one day file (file names in src/state/sampleTraces.ts)
 *   (HashOwner, HashApp, HashFunction, Trigger, then per-minute counts
 *   "1".."1440"): 64 functions with power-law daily rates summing to 6 req/s, a
 *   diurnal swing (x0.4 at night to x1.6 in the afternoon), bursty Gamma
 *   arrivals (cv 1 to 8 by function) counted per minute, and a few timer
 *   functions firing on a schedule.
 * MAF2 (2021): one hour of `app,func,end_timestamp,duration` rows, sorted by
 *   end_timestamp: 40 functions with power-law rates summing to 2 req/s,
 *   each 10-minute segment at a rate that wanders (x0.3 to x3), Gamma
 *   arrivals (cv 1 to 6), durations log-normal around 0.2 s.
 * Names are SHA-256 hex digests of "synthetic-...", like the real files'
 * anonymised hashes.
 */
import { createHash } from 'node:crypto';
import { LegacyRandom } from '../src/core/rng/legacy';
import { generateGammaArrivals } from '../src/core/workload/gammaProcess';
import { powerLawRates } from '../src/core/workload/rates';
import { SAMPLE_TRACES, type SampleTrace } from '../src/state/sampleTraces';

const hash = (s: string): string => createHash('sha256').update(`synthetic-${s}`).digest('hex');

const MINUTES = 1440;
const MAF1_FUNCTIONS = 64;
const MAF1_TOTAL_RATE = 6;
const MAF1_CVS = [1, 2, 3, 4, 6, 8];
const TRIGGERS = ['http', 'queue', 'event', 'storage', 'orchestration'];

/** The diurnal swing of the MAF1 sample at second t of the day: 0.4 at 3 am to 1.6 at 3 pm. */
function diurnal(t: number): number {
  return 1 - 0.6 * Math.cos((2 * Math.PI * (t - 3 * 3600)) / 86400);
}

export function sampleMaf1Day(): string {
  const rates = powerLawRates(MAF1_TOTAL_RATE, MAF1_FUNCTIONS);
  const header = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: MINUTES }, (_, i) => String(i + 1))].join(',');
  const lines = [header];
  for (let f = 0; f < MAF1_FUNCTIONS; f++) {
    const owner = hash(`owner-${f % 16}`);
    const app = hash(`app-${f % 24}`);
    const counts = new Int32Array(MINUTES);
    let trigger = TRIGGERS[f % TRIGGERS.length];
    if (f % 9 === 8) {
      // a timer: a fixed number of invocations every few minutes
      trigger = 'timer';
      const every = 1 + (f % 5);
      for (let m = 0; m < MINUTES; m += every) counts[m] = 1 + (f % 3);
    } else {
      for (let h = 0; h < 24; h++) {
        const rate = rates[f] * diurnal(h * 3600 + 1800);
        const arrivals = generateGammaArrivals(rate, MAF1_CVS[f % MAF1_CVS.length], h * 3600, 3600, 1000 * f + h);
        for (const t of arrivals) counts[Math.min(MINUTES - 1, Math.floor(t / 60))]++;
      }
    }
    lines.push([owner, app, hash(`function-${f}`), trigger, ...counts].join(','));
  }
  return lines.join('\n') + '\n';
}

const MAF2_FUNCTIONS = 40;
const MAF2_TOTAL_RATE = 2;
const MAF2_SECONDS = 3600;
const MAF2_SEGMENT = 600;
const MAF2_CVS = [1, 2, 3, 4, 6];

export function sampleMaf2Hour(): string {
  const rates = powerLawRates(MAF2_TOTAL_RATE, MAF2_FUNCTIONS);
  const rng = new LegacyRandom(2021);
  const rows: { end: number; text: string }[] = [];
  for (let f = 0; f < MAF2_FUNCTIONS; f++) {
    const app = hash(`maf2-app-${f % 15}`);
    const func = hash(`maf2-function-${f}`);
    let level = 1;
    for (let s = 0; s * MAF2_SEGMENT < MAF2_SECONDS; s++) {
      level = Math.min(3, Math.max(0.3, level * Math.exp(0.5 * rng.standardNormal())));
      const arrivals = generateGammaArrivals(rates[f] * level, MAF2_CVS[f % MAF2_CVS.length], s * MAF2_SEGMENT, MAF2_SEGMENT, 5000 + 100 * f + s);
      for (const t of arrivals) {
        const duration = Number(Math.min(60, 0.2 * Math.exp(0.8 * rng.standardNormal())).toFixed(3));
        const end = t + duration;
        rows.push({ end, text: `${app},${func},${end.toFixed(6)},${duration.toFixed(3)}` });
      }
    }
  }
  rows.sort((a, b) => a.end - b.end);
  return ['app,func,end_timestamp,duration', ...rows.map((r) => r.text)].join('\n') + '\n';
}

const GENERATORS: Record<string, () => string> = { 'maf1-sample': sampleMaf1Day, 'maf2-sample': sampleMaf2Hour };

/** The page's samples (src/state/sampleTraces.ts names the files) with the generator of each. */
export const SAMPLE_TRACE_FILES: readonly (SampleTrace & { text: () => string })[] = SAMPLE_TRACES.map((s) => {
  const text = GENERATORS[s.id];
  if (!text) throw new Error(`no generator for the sample "${s.id}"`);
  return { ...s, text };
});
