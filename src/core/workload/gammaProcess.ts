/**
 * Gamma renewal process, generated exactly as the reference's
 * `GammaProcess.generate_arrivals(start, duration, seed)` (reference doc
 * section 2): numpy's legacy global RNG seeded with `seed`, gaps drawn in
 * batches of max(int(rate * duration * 1.2), 1) from gamma(1/cv^2, cv^2/rate),
 * arrivals = start + cumulative sums, kept while strictly below start + duration.
 * Refilling a batch continues the same random stream, so one sampler suffices.
 */
import { atMostExpPlus, LegacyRandom, surelyAtMostExpPlus } from '../rng/legacy';
import { DOUBLES_PER_BLOCK } from '../rng/mt19937';
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
  let left = 0; // draws left in the current batch
  let refills = -1; // the first batch is not a refill
  // cv > 1, the usual case: LegacyRandom.standardGamma's shape < 1 branch written out below, over the
  // generator's doubles a block at a time (MT19937.nextDoubleBlock), with its acceptance test on
  // 1 - w and Math.log (atMostExpPlus) and x^inv by squarings for cv = 2, 4, 8 (powSquarings). V8
  // does not inline the method into this loop, and the call (and its boxed result) made generation
  // about 8 % slower. tests/unit/arrivals.test.ts checks both give the same stream.
  const below = shape > 0 && shape < 1;
  const mt = rng.generator; // fresh: at a block boundary, as nextDoubleBlock needs
  const uniform = new Float64Array(DOUBLES_PER_BLOCK);
  let at = DOUBLES_PER_BLOCK; // index of the next unused double in `uniform`
  const inv = 1.0 / shape;
  const k = squaringsFor(inv);
  // Bounds instead of the exact power, for most draws: x = u^(2^k) by k plain squarings is within a
  // relative (2^k - 1) 2^-53 of u^(2^k) and glibc's pow within 2^-52 of it, so the exact x lies in
  // [xs - xs * slack, xs + xs * slack] (slack = 2^(k - 51) leaves room for the rounding of those
  // bounds themselves, and xs >= 2^-900 keeps every square normal). The reference's next arrival is
  // cur + scale * x rounded twice, a non-decreasing function of x: when both ends of the interval
  // give the same time, that is the time, and the exact x is not needed (it is when the time is
  // near a rounding boundary: 1 draw in 700 on the kernel benchmark, mostly while cur is small).
  const slack = 2 ** (k - 51);
  let cur = start + 0; // "+ 0": a float64 from the start; the parameter itself made V8 box cur on every arrival
  for (;;) {
    if (left === 0) {
      refills++;
      left = batchSize;
    }
    left--;
    let arrival = 0; // cur + scale * x for the accepted draw x
    if (below) {
      for (;;) {
        if (at > DOUBLES_PER_BLOCK - 2) {
          // numpy draws u and w from consecutive doubles; a block holds an even number of them
          mt.nextDoubleBlock(uniform);
          at = 0;
        }
        const u = uniform[at];
        const w = 1.0 - uniform[at + 1];
        at += 2;
        if (u <= 1.0 - shape) {
          let accepted = false;
          if (k > 0) {
            let xs = u;
            for (let i = 0; i < k; i++) xs *= xs;
            const d = xs * slack;
            // accepted when x <= 1 - w (<= -log(w)), by the first test of atMostExpPlus
            if (xs >= 2 ** -900 && surelyAtMostExpPlus(xs + d, w, 0)) {
              const low = cur + scale * (xs - d);
              if (low === cur + scale * (xs + d)) {
                arrival = low;
                break;
              }
              accepted = true;
            }
          }
          // the exact power, from this one call site: u passed to calls in two places made V8 box it
          // (a heap number) on every draw, ahead of both
          const x = k > 0 ? powSquarings(u, k) : pow(u, inv);
          if (accepted || atMostExpPlus(x, w, 0)) {
            arrival = cur + scale * x;
            break;
          }
        } else {
          const y = -log((1 - u) / shape);
          const base = 1.0 - shape + shape * y;
          const x = k > 0 ? powSquarings(base, k) : pow(base, inv);
          if (atMostExpPlus(x, w, y)) {
            arrival = cur + scale * x;
            break;
          }
        }
      }
    } else arrival = cur + scale * rng.standardGamma(shape);
    cur = arrival; // the first arrival is start + scale * x, as the reference's cumulative sum
    if (!(cur < end)) break;
    out.push(cur);
  }
  return refills;
}
