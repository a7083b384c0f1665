/**
 * Gamma renewal process, generated exactly as the reference's
 * `GammaProcess.generate_arrivals(start, duration, seed)` (reference doc
 * section 2): numpy's legacy global RNG seeded with `seed`, gaps drawn in
 * batches of max(int(rate * duration * 1.2), 1) from gamma(1/cv^2, cv^2/rate),
 * arrivals = start + cumulative sums, kept while strictly below start + duration.
 * Refilling a batch continues the same random stream, so one sampler suffices.
 */
import { LegacyRandom } from '../rng/legacy';
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
  if (!(rate > 0)) return new Float64Array(0); // scale = inf: the first gap already ends the stream
  const rng = new LegacyRandom(seed);
  const { shape, scale, batchSize } = p;
  const end = start + duration;
  const out = new Float64Builder(Math.min(batchSize + 16, 1 << 24));
  let left = batchSize - 1; // draws left in the current batch after the first
  let cur = start + scale * rng.standardGamma(shape);
  let refills = 0;
  while (cur < end) {
    out.push(cur);
    if (left === 0) {
      refills++;
      left = batchSize;
    }
    left--;
    cur += scale * rng.standardGamma(shape);
  }
  if (info) Object.assign(info, p, { refills });
  return out.finish();
}
