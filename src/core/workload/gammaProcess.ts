/**
 * Gamma renewal process, generated exactly as the reference's
 * `GammaProcess.generate_arrivals(start, duration, seed)` (reference doc
 * section 2): numpy's legacy global RNG seeded with `seed`, gaps drawn in
 * batches of max(int(rate * duration * 1.2), 1) from gamma(1/cv^2, cv^2/rate),
 * arrivals = start + cumulative sums, kept while strictly below start + duration.
 * Refilling a batch continues the same random stream, so one sampler suffices.
 */
import { atMostExpPlus, LegacyRandom } from '../rng/legacy';
import { log, pow } from '../rng/libm';
import { powSquarings, squaringsFor } from '../rng/powSquarings';
import { Float64Builder } from './arrivals';

export interface GammaStreamInfo {
  shape: number;
  scale: number;
  batchSize: number;
  /** How often a fresh batch of gaps was drawn after the first. */
  refills: number;
}

export function gammaParameters(rate: number, cv: number, duration: number): GammaStreamInfo {
  return {
    shape: 1 / (cv * cv),
    scale: (cv * cv) / rate,
    batchSize: Math.max(Math.trunc(rate * duration * 1.2), 1),
    refills: 0,
  };
}

export function generateGammaArrivals(
  rate: number,
  cv: number,
  start: number,
  duration: number,
  seed: number,
  info?: GammaStreamInfo,
): Float64Array {
  const p = gammaParameters(rate, cv, duration);
  const out = new Float64Builder(Math.min(p.batchSize + 16, 1 << 24));
  const refills = appendGammaArrivals(out, rate, cv, start, duration, seed);
  if (info) Object.assign(info, p, { refills });
  return out.finish();
}

/**
 * generateGammaArrivals pushed onto `out`, so that several streams can share
 * one buffer (generateWorkload); returns how often a batch was refilled.
 */
export function appendGammaArrivals(
  out: Float64Builder,
  rate: number,
  cv: number,
  start: number,
  duration: number,
  seed: number,
): number {
  if (!(rate > 0)) return 0; // scale = inf: the first gap already ends the stream
  const { shape, scale, batchSize } = gammaParameters(rate, cv, duration);
  const rng = new LegacyRandom(seed);
  const end = start + duration;
  let left = batchSize - 1; // draws left in the current batch after the first
  let refills = 0;
  let cur = start + scale * rng.standardGamma(shape);
  // cv > 1, the usual case: LegacyRandom.standardGamma's shape < 1 branch written out below, with
  // its acceptance test on Math.log (atMostExpPlus) and x^inv by squarings for cv = 2, 4, 8
  // (powSquarings). V8 does not inline the method into this loop, and the call (and its boxed result)
  // made generation about 8 % slower. tests/unit/arrivals.test.ts checks both give the same stream.
  const below = shape > 0 && shape < 1;
  const mt = rng.generator;
  const inv = 1.0 / shape;
  const k = squaringsFor(inv);
  while (cur < end) {
    out.push(cur);
    if (left === 0) {
      refills++;
      left = batchSize;
    }
    left--;
    let x: number;
    if (below) {
      for (;;) {
        const u = mt.nextDouble();
        const w = 1.0 - mt.nextDouble();
        if (u <= 1.0 - shape) {
          x = k > 0 ? powSquarings(u, k) : pow(u, inv);
          if (atMostExpPlus(x, w, 0)) break;
        } else {
          const y = -log((1 - u) / shape);
          const base = 1.0 - shape + shape * y;
          x = k > 0 ? powSquarings(base, k) : pow(base, inv);
          if (atMostExpPlus(x, w, y)) break;
        }
      }
    } else x = rng.standardGamma(shape);
    cur += scale * x;
  }
  return refills;
}
