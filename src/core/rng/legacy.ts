/**
 * numpy's legacy RandomState samplers (numpy/random/src/legacy/legacy-distributions.c),
 * reproduced call for call so the same seed yields bit-identical streams
 * (reference doc section 2). Only what the workloads need: random_sample,
 * standard_exponential, gauss (polar Box-Muller with a cached second value),
 * standard_gamma and gamma. log and pow are glibc's correctly-rounded-in-practice
 * FMA variants ported bit for bit (libm.ts): V8's Math.log/Math.pow differ from
 * glibc in the last bit for some inputs, which would drift every later arrival.
 */
import { MT19937 } from './mt19937';
import { log, pow } from './libm';

export class LegacyRandom {
  private readonly mt: MT19937;
  private hasGauss = false;
  private gauss = 0;

  constructor(seed: number) {
    this.mt = new MT19937(seed);
  }

  /** The underlying MT19937 (for the arrival loop, which inlines a faster form of the shape < 1 branch). */
  get generator(): MT19937 {
    return this.mt;
  }

  /** `np.random.seed(seed)`: reseeds and clears the cached normal. */
  seed(seed: number): void {
    this.mt.seed(seed);
    this.hasGauss = false;
    this.gauss = 0;
  }

  uint32(): number {
    return this.mt.nextUint32();
  }

  randomSample(): number {
    return this.mt.nextDouble();
  }

  standardExponential(): number {
    return -log(1.0 - this.mt.nextDouble());
  }

  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.gauss;
      this.gauss = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.mt.nextDouble() - 1.0;
      x2 = 2.0 * this.mt.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  standardGamma(shape: number): number {
    if (shape === 1.0) return this.standardExponential();
    if (shape === 0.0) return 0.0;
    if (shape < 1.0) {
      const inv = 1.0 / shape;
      for (;;) {
        const u = this.mt.nextDouble();
        const v = this.standardExponential();
        if (u <= 1.0 - shape) {
          const x = pow(u, inv);
          if (x <= v) return x;
        } else {
          const y = -log((1 - u) / shape);
          const x = pow(1.0 - shape + shape * y, inv);
          if (x <= v + y) return x;
        }
      }
    }
    const b = shape - 1.0 / 3.0;
    const c = 1.0 / Math.sqrt(9 * b);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.standardNormal();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      const u = this.mt.nextDouble();
      if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
      if (log(u) < 0.5 * x * x + b * (1.0 - v + log(v))) return b * v;
    }
  }

  /** `np.random.gamma(shape, scale)` = scale * standard_gamma(shape). */
  gamma(shape: number, scale: number): number {
    return scale * this.standardGamma(shape);
  }
}

/** 2^-40: far above the error of any engine's Math.log (about 1 ulp, 2^-52 relative). */
const LOG_MARGIN = 2 ** -40;
/** 1 - 2^-45: a relative margin far above the rounding of glibc's log (0.52 ulp) and of the sums below. */
const BELOW = 1 - 2 ** -45;

/**
 * Whether x <= (-log(w)) + y, with numpy's log (glibc's, ported in libm.ts):
 * the acceptance test of standardGamma's shape < 1 branch, where v =
 * standard_exponential() = -log(w) enters only this comparison. Same answer,
 * hence the same random stream, at a fraction of the cost:
 * - since -log(w) >= 1 - w for every w > 0, x below (1 - w) + y by a
 *   relative 2^-45 is accepted with no log at all, for w <= 1 and y >= 0
 *   (the sampler's case: no cancellation in the sum): about 98 % of the
 *   Gamma sampler's tests at cv 4;
 * - otherwise Math.log settles the comparison unless the two sides agree to
 *   about 12 significant digits; only then is the exact (slower) log taken,
 *   about once in 10^11 calls.
 */
export function atMostExpPlus(x: number, w: number, y: number): boolean {
  if (surelyAtMostExpPlus(x, w, y)) return true;
  const a = y - Math.log(w);
  const d = x - a;
  if (Math.abs(d) > LOG_MARGIN * Math.abs(a) + 1e-300) return d < 0;
  return x <= -log(w) + y;
}

/**
 * x < ((1 - w) + y) (1 - 2^-45) for w <= 1 and y >= 0: then x <= -log(w) + y,
 * as numpy's log computes it, since -log(w) >= 1 - w. atMostExpPlus's first
 * test; the arrival loop also asks it of an upper bound of x, before x itself.
 */
export function surelyAtMostExpPlus(x: number, w: number, y: number): boolean {
  return w <= 1 && y >= 0 && x < (1 - w + y) * BELOW;
}
