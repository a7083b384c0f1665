import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accurateSum } from '../../src/core/sim/stats';
import { atMostExpPlus, LegacyRandom } from '../../src/core/rng/legacy';
import { log } from '../../src/core/rng/libm';
import { generateGammaArrivals, type GammaStreamInfo } from '../../src/core/workload/gammaProcess';
import { generateStreams, generateWorkload } from '../../src/core/workload/generate';
import { mergeStreams } from '../../src/core/workload/merge';
import { readRefJson } from './reference';

interface ArrivalCase {
  rate: number;
  cv: number;
  start: number;
  duration: number;
  seed: number;
  shape: number;
  scale: number;
  batch_size: number;
  refills: number;
  count: number;
  first10: number[];
  last: number;
  sum_fsum: number;
  sha256_float64_le: string;
}

export function sha256Float64(a: Float64Array): string {
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
}

const cases = readRefJson<{ cases: ArrivalCase[] }>('arrivals.json').cases;

describe('GammaProcess.generate_arrivals, bit-exact against arrivals.json (reference doc section 2)', () => {
  it('has the eleven golden cases, three of them refilling the gap batch', () => {
    expect(cases).toHaveLength(11);
    expect(cases.filter((c) => c.refills > 0).length).toBe(3);
  });
  for (const c of cases) {
    it(`rate ${c.rate}, cv ${c.cv}, start ${c.start}, duration ${c.duration}, seed ${c.seed}`, () => {
      const info = {} as GammaStreamInfo;
      const a = generateGammaArrivals(c.rate, c.cv, c.start, c.duration, c.seed, info);
      expect(info.shape).toBe(c.shape);
      expect(info.scale).toBe(c.scale);
      expect(info.batchSize).toBe(c.batch_size);
      expect(info.refills).toBe(c.refills);
      expect(a.length).toBe(c.count);
      expect(Array.from(a.subarray(0, 10))).toEqual(c.first10);
      expect(a[a.length - 1]).toBe(c.last);
      expect(a[0]).toBeGreaterThan(c.start); // the first arrival is start + gap[0], not start
      expect(a[a.length - 1]).toBeLessThan(c.start + c.duration); // strictly below the end
      expect(accurateSum(a)).toBeCloseTo(c.sum_fsum, 6);
      expect(sha256Float64(a)).toBe(c.sha256_float64_le);
    });
  }
});

/** The reference's loop, literally: every gap from LegacyRandom.gamma (no inlined sampler). */
function plainGammaArrivals(rate: number, cv: number, start: number, duration: number, seed: number): Float64Array {
  const rng = new LegacyRandom(seed);
  const shape = 1 / (cv * cv);
  const scale = (cv * cv) / rate;
  const out: number[] = [];
  let cur = start + rng.gamma(shape, scale);
  while (cur < start + duration) {
    out.push(cur);
    cur += rng.gamma(shape, scale);
  }
  return Float64Array.from(out);
}

describe('the fast paths of arrival generation give the same numbers', () => {
  it('the inlined cv > 1 sampler draws exactly what LegacyRandom.standardGamma draws', () => {
    for (const cv of [0.5, 1, 1.3, 2, 3, 4, 7.5, 8]) {
      for (const seed of [0, 1, 17, 4242]) {
        const fast = generateGammaArrivals(5, cv, 3, 400, seed);
        const plain = plainGammaArrivals(5, cv, 3, 400, seed);
        expect(fast.length, `cv ${cv} seed ${seed}`).toBe(plain.length);
        expect(sha256Float64(fast), `cv ${cv} seed ${seed}`).toBe(sha256Float64(plain));
      }
    }
  });

  it('cv 2, 4, 8 (plain squarings as bounds, the exact power only near a rounding boundary) over long streams, small and large times', () => {
    // the fast path needs the exact x only when cur + scale * x is near a rounding boundary: often while
    // cur is small (from time 0), rarely at large times (start 1e6), and gaps large or tiny against cur
    for (const [rate, cv, start, duration] of [
      [50, 4, 0, 2000],
      [50, 2, 0, 1000],
      [20, 8, 0, 2000],
      [3, 4, 1e6, 20000],
      [0.05, 4, 0, 1e6],
      [400, 4, 7.25, 150],
    ]) {
      const fast = generateGammaArrivals(rate, cv, start, duration, 99);
      const plain = plainGammaArrivals(rate, cv, start, duration, 99);
      expect(fast.length, `rate ${rate} cv ${cv} start ${start}`).toBeGreaterThan(30_000);
      expect(fast.length).toBe(plain.length);
      expect(sha256Float64(fast), `rate ${rate} cv ${cv} start ${start}`).toBe(sha256Float64(plain));
    }
  });

  it('atMostExpPlus (1 - w as a lower bound, then Math.log with a margin) decides x <= -log(w) + y as the exact log does, near ties included', () => {
    const rng = new LegacyRandom(7);
    let nearTies = 0;
    for (let i = 0; i < 200_000; i++) {
      const w = 1 - rng.randomSample();
      const y = i % 3 === 0 ? 0 : 5 * rng.randomSample();
      const exact = -log(w) + y;
      // half the x values sit within a few ulps of the exact right-hand side, the rest anywhere
      let x: number;
      if (i % 2 === 0) {
        const ulps = Math.floor(rng.randomSample() * 9) - 4;
        x = exact + ulps * Number.EPSILON * Math.max(Math.abs(exact), 1e-300);
        nearTies++;
      } else x = 20 * rng.randomSample();
      expect(atMostExpPlus(x, w, y)).toBe(x <= exact);
    }
    // x at the shortcut's edge (1 - w + y times 1 - 2^-45, give or take), with w near 1, where -log(w) and
    // 1 - w agree to many digits, and a few w > 1 and y < 0, where the shortcut must not apply
    let shortcutEdge = 0;
    for (let i = 0; i < 100_000; i++) {
      const d = i % 4 === 0 ? rng.randomSample() : rng.randomSample() * 2 ** -(10 + (i % 43));
      const w = i % 10 === 9 ? 1 + d : 1 - d;
      const y = i % 5 === 0 ? 0 : (i % 7 === 0 ? -1 : 1) * rng.randomSample() * 2 ** -(i % 60);
      const bound = 1 - w + y;
      const x = Math.abs(bound * (1 - 2 ** -45 + (Math.floor(rng.randomSample() * 41) - 20) * 2 ** -49));
      const exact = -log(w) + y;
      if (x < bound * (1 - 2 ** -45)) shortcutEdge++;
      expect(atMostExpPlus(x, w, y), `x ${x} w ${w} y ${y}`).toBe(x <= exact);
    }
    expect(shortcutEdge).toBeGreaterThan(10_000);
    expect(atMostExpPlus(0, 1, 0)).toBe(true); // w = 1: -log(1) = 0
    expect(atMostExpPlus(1e-310, 1, 0)).toBe(false);
    expect(nearTies).toBe(100_000);
  });

  it('generateWorkload (one shared buffer, merged in place) equals merging separately generated streams', () => {
    const models = [0.5, 3, 0, 12, 7, 1].map((rate, i) => ({ name: `m${i}`, profile: 'p', rate, cv: [4, 2, 1, 0.5, 8, 3][i] }));
    for (const kind of ['gamma', 'poisson'] as const) {
      const spec = { kind, duration: 300, seed: 11, start: 2 };
      const got = generateWorkload(spec, models as never);
      const want = mergeStreams(generateStreams(spec, models as never));
      expect(got.time.length).toBeGreaterThan(1000);
      expect(sha256Float64(got.time)).toBe(sha256Float64(want.time));
      expect(Array.from(got.model)).toEqual(Array.from(want.model));
    }
  });
});

