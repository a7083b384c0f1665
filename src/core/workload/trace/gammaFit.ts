/**
 * Maximum-likelihood fits of inter-arrival gaps with the location fixed at 0,
 * as the reference's trace replay does with scipy (reference doc section 5):
 *
 *   scipy.stats.gamma.fit(gaps, floc=0): with xbar = mean(x) and
 *   s = log(xbar) - mean(log x) (> 0 by Jensen unless all x are equal), the
 *   shape k solves g(k) = log(k) - digamma(k) = s, and scale = xbar / k.
 *   scipy brackets the root around Minka's estimate and runs brentq
 *   (xtol 2e-12, rtol 4 eps); here a safeguarded Newton iteration on the same
 *   equation converges to the double nearest the root (or within an ulp or
 *   two), so both agree far inside 1e-6 relative.
 *   scipy.stats.expon.fit(gaps, floc=0): scale = mean(x).
 *
 * The reference turns a fit into a Gamma process: rate = 1 / (shape * scale)
 * (the mean gap is shape * scale), cv = sqrt(1 / shape).
 *
 * Means are numpy's: np.add.reduce's pairwise summation (from 0, 8
 * accumulators, blocks of 128) divided by n, and log is glibc's (libm.ts),
 * so s and xbar are the bits numpy computes wherever its np.log is glibc's.
 */
import { meanNumpy, pairwiseSum } from '../../numeric/numpySum';
import { log } from '../../rng/libm';

export interface GammaFit {
  /** k: the MLE shape. */
  shape: number;
  /** theta = mean / k. */
  scale: number;
  /** 1 / (shape * scale): the process's rate (reference: estimate_gamma). */
  rate: number;
  /** sqrt(1 / shape): the process's coefficient of variation. */
  cv: number;
}

/** np.mean as the reference's numpy (1.24) computes it (src/core/numeric/numpySum.ts). */
export const numpyMean = meanNumpy;
export { pairwiseSum };

// Bernoulli coefficients of the asymptotic series, B_2k / (2k)
const G1 = 1 / 12;
const G2 = -1 / 120;
const G3 = 1 / 252;
const G4 = -1 / 240;
const G5 = 1 / 132;
const G6 = -691 / 32760;
const G7 = 1 / 12;
/** Below this, the recurrence shifts the argument up before the series is used. */
const ASYMPTOTIC_FROM = 10;

/** sum_k B_2k / (2k x^2k), k = 1..7 (|error| < 1e-17 relative to 1/x for x >= 10). */
function series(x: number): number {
  const z = 1 / (x * x);
  return z * (G1 + z * (G2 + z * (G3 + z * (G4 + z * (G5 + z * (G6 + z * G7))))));
}

/**
 * The digamma function psi(x) = d/dx log Gamma(x). For x > 0: the recurrence
 * psi(x) = psi(x + 1) - 1/x up to x >= 10, then psi(x) = log x - 1/(2x) -
 * sum B_2k / (2k x^2k). Negative non-integers use the reflection formula;
 * 0 and negative integers give NaN.
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (x === Math.floor(x)) return NaN;
    // psi(x) = psi(1 - x) - pi / tan(pi x)
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let acc = 0;
  while (x < ASYMPTOTIC_FROM) {
    acc += 1 / x;
    x += 1;
  }
  return Math.log(x) - 0.5 / x - series(x) - acc;
}

/**
 * The trigamma function psi'(x) for x > 0: psi'(x) = psi'(x + 1) + 1/x^2 up
 * to x >= 10, then 1/x + 1/(2x^2) + sum B_2k / x^(2k+1).
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return 0;
  let acc = 0;
  while (x < ASYMPTOTIC_FROM) {
    acc += 1 / (x * x);
    x += 1;
  }
  const z = 1 / (x * x);
  const s = z * (1 / 6 + z * (-1 / 30 + z * (1 / 42 + z * (-1 / 30 + z * (5 / 66 + z * (-691 / 2730 + z * (7 / 6)))))));
  return acc + (1 + 0.5 / x + s) / x;
}

/**
 * g(k) = log(k) - digamma(k), the left side of the shape equation, computed
 * without the cancellation of the two logs for large k: for k >= 10,
 * g = 1/(2k) + sum B_2k / (2k k^2k); below, log(k) - log(k + n) =
 * -log1p(n / k) plus the recurrence terms. g decreases from +inf to 0 and
 * 1/(2k) < g(k) < 1/k.
 */
export function logMinusDigamma(k: number): number {
  if (!(k > 0)) return NaN;
  if (k === Infinity) return 0;
  let acc = 0;
  let x = k;
  while (x < ASYMPTOTIC_FROM) {
    acc += 1 / x;
    x += 1;
  }
  const head = x === k ? 0 : -Math.log1p((x - k) / k);
  return head + 0.5 / x + series(x) + acc;
}

/** g'(k) = 1/k - trigamma(k) (< 0), also free of cancellation for large k. */
function logMinusDigammaDerivative(k: number): number {
  if (k >= ASYMPTOTIC_FROM) {
    const z = 1 / (k * k);
    // d/dk [1/(2k) + sum B_2k / (2k k^2k)]
    const s = z * (-1 / 6 + z * (1 / 30 + z * (-1 / 42 + z * (1 / 30 + z * (-5 / 66 + z * (691 / 2730 - z * (7 / 6)))))));
    return -0.5 * z + s / k;
  }
  return 1 / k - trigamma(k);
}

/** Minka's closed-form approximation of the shape, as scipy uses for its bracket. */
export function minkaShapeEstimate(s: number): number {
  return (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
}

/**
 * The shape k > 0 with log(k) - digamma(k) = s, for s > 0 (null otherwise or
 * when s is not finite). Newton's method from Minka's estimate, kept inside
 * the bracket (1/(2s), 1/s) that the bounds on g guarantee; a step leaving the
 * current bracket bisects instead.
 */
export function solveGammaShape(s: number): number | null {
  if (!(s > 0) || !Number.isFinite(s)) return null;
  let lo = 0.5 / s; // g(lo) > s
  let hi = 1 / s; // g(hi) < s
  if (!Number.isFinite(hi) || !(lo > 0)) return null;
  let k = minkaShapeEstimate(s);
  if (!(k > lo && k < hi)) k = 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const f = logMinusDigamma(k) - s;
    if (f === 0) return k;
    if (f > 0) lo = k;
    else hi = k;
    const d = logMinusDigammaDerivative(k);
    let next = k - f / d;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - k) <= 2e-16 * k || next === lo || next === hi) {
      // converged to the last bits: take whichever of k, next has the smaller residual
      return Math.abs(logMinusDigamma(next) - s) < Math.abs(f) ? next : k;
    }
    k = next;
  }
  return k;
}

function validGaps(data: ArrayLike<number>): boolean {
  if (data.length === 0) return false;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (!(x > 0) || x === Infinity) return false; // scipy: FitDataError (x <= floc) or non-finite
  }
  return true;
}

/**
 * scipy.stats.gamma.fit(data, floc=0) converted to a process. null when the
 * fit fails: no data, a value <= 0 or not finite (scipy raises), or all values
 * equal (s is then 0 or rounding noise: scipy's brentq fails or returns a shape
 * made of noise; the reference's replay gives such a window no process).
 */
export function fitGamma(data: ArrayLike<number>): GammaFit | null {
  if (!validGaps(data)) return null;
  let min = data[0];
  let max = data[0];
  const logs = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (x < min) min = x;
    if (x > max) max = x;
    logs[i] = log(x);
  }
  if (min === max) return null;
  const xbar = numpyMean(data);
  const s = log(xbar) - numpyMean(logs);
  const shape = solveGammaShape(s);
  if (shape === null || !Number.isFinite(shape)) return null;
  const scale = xbar / shape;
  const rate = 1.0 / (shape * scale);
  const cv = Math.sqrt(1.0 / shape);
  if (!Number.isFinite(rate) || !Number.isFinite(cv)) return null;
  return { shape, scale, rate, cv };
}

/**
 * scipy.stats.expon.fit(data, floc=0) as a rate: 1 / mean(data) (the
 * reference's estimate_exponential). null for no data or a value <= 0 / not finite.
 */
export function fitExponentialRate(data: ArrayLike<number>): number | null {
  if (!validGaps(data)) return null;
  const rate = 1.0 / numpyMean(data);
  return Number.isFinite(rate) ? rate : null;
}
