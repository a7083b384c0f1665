/**
 * The MLE Gamma fit of the trace replay (scipy.stats.gamma.fit(x, floc=0)).
 * scipy is not available here, so the expected numbers come from mathematics
 * that does not depend on scipy:
 *  - published / closed-form digamma values: psi(1) = -gamma (Euler's
 *    constant), psi(1/2) = -gamma - 2 ln 2, psi(1/4) = -gamma - pi/2 - 3 ln 2,
 *    psi(n) = H(n-1) - gamma (DLMF 5.4.12-5.4.14);
 *  - data built so that s = log(mean) - mean(log) equals log(k0) - psi(k0) for
 *    such a k0: then the MLE shape is exactly k0 (two points {1, b} give
 *    s = log((1 + b) / (2 sqrt b)), solved for b);
 *  - for arbitrary data, the true MLE computed with mpmath 1.3.0 at 50 digits
 *    (exact means and logs of the doubles, mp.findroot on
 *    log(k) - digamma(k) = s; the script is quoted below). scipy's brentq
 *    (xtol 2e-12, rtol 4 eps) lands within ~1e-11 relative of that root, so
 *    agreeing with it to 1e-9 means agreeing with scipy to better than 1e-6.
 *
 * mpmath script (python3, numpy 2.4.6, mpmath 1.3.0):
 *   mp.mp.dps = 50
 *   xs = [mp.mpf(float(x)) for x in data]; mean = mp.fsum(xs) / n
 *   s = mp.log(mean) - mp.fsum(mp.log(x) for x in xs) / n
 *   k = mp.findroot(lambda k: mp.log(k) - mp.digamma(k) - s, minka(s)); scale = mean / k
 */
import { describe, expect, it } from 'vitest';
import {
  digamma,
  fitExponentialRate,
  fitGamma,
  logMinusDigamma,
  minkaShapeEstimate,
  numpyMean,
  pairwiseSum,
  solveGammaShape,
  trigamma,
} from '../../src/core/workload/trace';

const EULER = 0.5772156649015329;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('digamma / trigamma', () => {
  it.each([
    [1, -EULER],
    [0.5, -1.9635100260214235], // -gamma - 2 ln 2
    [0.25, -EULER - Math.PI / 2 - 3 * Math.LN2],
    [2, 1 - EULER],
    [10, 2.251752589066721], // H_9 - gamma
    [1.4616321449683622, 0], // the positive root (absolute check below)
    [100, 4.600161852738087], // mpmath.digamma(100) = 4.60016185273808740019...
  ])('digamma(%d) is the published value', (x, expected) => {
    if (expected === 0) expect(Math.abs(digamma(x))).toBeLessThan(1e-15);
    else expect(rel(digamma(x), expected)).toBeLessThan(5e-15);
  });

  it('reflection for negative non-integers, NaN at poles', () => {
    // psi(-1/2) = psi(1/2) + 2 (recurrence psi(x + 1) = psi(x) + 1/x)
    expect(rel(digamma(-0.5), -1.9635100260214235 + 2)).toBeLessThan(1e-14);
    expect(digamma(0)).toBeNaN();
    expect(digamma(-3)).toBeNaN();
  });

  it('trigamma: psi\'(1) = pi^2/6, psi\'(1/2) = pi^2/2, and the recurrence', () => {
    expect(rel(trigamma(1), (Math.PI * Math.PI) / 6)).toBeLessThan(1e-15);
    expect(rel(trigamma(0.5), (Math.PI * Math.PI) / 2)).toBeLessThan(1e-15);
    for (const x of [0.01, 0.7, 3.3, 9.5, 10, 42, 1e5]) {
      expect(rel(trigamma(x) - 1 / (x * x), trigamma(x + 1))).toBeLessThan(1e-13);
    }
  });

  it('log(k) - digamma(k) has no cancellation for large k (1/(2k) + 1/(12k^2) - ...)', () => {
    for (const k of [1e3, 1e6, 1e9, 1e12]) {
      const series = 1 / (2 * k) + 1 / (12 * k * k) - 1 / (120 * k ** 4);
      expect(rel(logMinusDigamma(k), series)).toBeLessThan(1e-15);
    }
    for (const k of [0.3, 1, 2.5, 7]) expect(rel(logMinusDigamma(k), Math.log(k) - digamma(k))).toBeLessThan(1e-14);
  });
});

describe('numpy summation', () => {
  // values from numpy 2.4.6: a = [(1/(i+1)) * (1e8 if i%2 else 1) * (-1 if i%3==0 else 1) for i in range(1000)]
  // np.array(a).sum() = 125066930.92082807; a left-to-right sum gives 125066930.92082801
  const a = Array.from({ length: 1000 }, (_, i) => (1.0 / (i + 1)) * (i % 2 ? 1e8 : 1.0) * (i % 3 === 0 ? -1 : 1));
  it('pairwiseSum reproduces np.add.reduce bit for bit', () => {
    expect(0 + pairwiseSum(a)).toBe(125066930.92082807);
    expect(numpyMean(a)).toBe(125066.93092082808);
    let naive = 0;
    for (const x of a) naive += x;
    expect(naive).toBe(125066930.92082801);
  });
  it('short arrays', () => {
    // np.array([0.1*(i%7) + 1e-3*i for i in range(37)]).sum() = 11.266
    expect(pairwiseSum(Array.from({ length: 37 }, (_, i) => 0.1 * (i % 7) + 1e-3 * i))).toBe(11.266);
    expect(pairwiseSum([])).toBe(0); // np.array([]).sum() is 0.0 in numpy 1.24 and 2.4 alike
  });
});

/** Two-point data {1, b} whose MLE shape is k0, given s0 = log(k0) - psi(k0) in closed form. */
function twoPoint(s0: number): number[] {
  const e = Math.exp(s0);
  const r = e + Math.sqrt(e * e - 1); // sqrt(b)
  return [1, r * r];
}

describe('fitGamma: closed-form MLE', () => {
  it.each([
    ['1', 1, EULER],
    ['1/2', 0.5, EULER + Math.LN2],
    ['1/4', 0.25, EULER + Math.PI / 2 + Math.LN2],
    ['2', 2, Math.LN2 + EULER - 1],
    ['10', 10, Math.log(10) - (7129 / 2520 - EULER)],
  ])('shape %s', (_label, k0, s0) => {
    for (const data of [twoPoint(s0), [...Array(100)].flatMap(() => twoPoint(s0))]) {
      const fit = fitGamma(data)!;
      const mean = (data[0] + data[1]) / 2;
      expect(rel(fit.shape, k0)).toBeLessThan(1e-9);
      expect(rel(fit.scale, mean / k0)).toBeLessThan(1e-9);
      expect(rel(fit.rate, 1 / mean)).toBeLessThan(1e-12);
      expect(rel(fit.cv, 1 / Math.sqrt(k0))).toBeLessThan(1e-9);
    }
  });
});

describe('fitGamma: against the exact MLE (mpmath, 50 digits)', () => {
  const cases: [string, number[], { shape: number; scale: number; rate: number; cv: number; s: number }][] = [
    ['ten values', [0.5, 1.25, 0.125, 3.0, 0.75, 2.5, 0.0625, 1.0, 4.5, 0.3],
      { shape: 0.88134955375264857092, scale: 1.587054754886232416, rate: 0.71492403932082216321, cv: 1.065187117827934776, s: 0.66504981590645102032 }],
    ['replay gaps with ties (diff = 0 -> 1e-6)', [1e-6, 1e-6, 0.5, 2.0, 1e-6, 3.25, 0.01, 1e-6],
      { shape: 0.11395224774397319067, scale: 6.3184405244703041529, rate: 1.3888879243833858448, cv: 2.9623648906526408184, s: 7.0075663051601099895 }],
    ['300 values ((7919 i mod 1000) + 1) / 137', Array.from({ length: 300 }, (_, i) => (((i * 7919) % 1000) + 1) / 137),
      { shape: 1.7294658293303364018, scale: 2.1165980151358342012, rate: 0.27318045862412761709, cv: 0.76040332488602743802, s: 0.31614996531859113834 }],
    ['nearly constant 1 + 0.001 ((37 i) mod 11)', Array.from({ length: 50 }, (_, i) => 1.0 + 0.001 * ((i * 37) % 11)),
      { shape: 99629.741975542636062, scale: 0.000010086746990137695984, rate: 0.99508428363882425464, cv: 0.0031681482608816204054, s: 5.0185900968510492911e-6 }],
  ];
  it.each(cases)('%s', (_label, data, want) => {
    const fit = fitGamma(data)!;
    // the nearly constant case loses digits in s = log(mean) - mean(log) itself (s ~ 5e-6): 1e-9 still
    expect(rel(fit.shape, want.shape)).toBeLessThan(1e-9);
    expect(rel(fit.scale, want.scale)).toBeLessThan(1e-9);
    expect(rel(fit.rate, want.rate)).toBeLessThan(1e-12);
    expect(rel(fit.cv, want.cv)).toBeLessThan(1e-9);
    // the fitted shape satisfies the equation of the exact s (its own, rounded s: to 1e-12, next test)
    expect(Math.abs(logMinusDigamma(fit.shape) - want.s) / want.s).toBeLessThan(1e-9);
  });

  it('solveGammaShape satisfies log(k) - digamma(k) = s to 1e-12 over 30 decades of s', () => {
    for (let e = -15; e <= 3; e += 0.25) {
      const s = 10 ** e;
      const k = solveGammaShape(s)!;
      expect(k).toBeGreaterThan(0.5 / s);
      expect(k).toBeLessThan(1 / s);
      expect(Math.abs(logMinusDigamma(k) - s) / s).toBeLessThan(1e-12);
      // Minka's estimate (scipy's bracket centre) is within its +-40 % bracket
      expect(Math.abs(minkaShapeEstimate(s) / k - 1)).toBeLessThan(0.4);
    }
  });
});

describe('fit failures', () => {
  it('null like the reference: all equal, one value, <= 0 or non-finite data, s <= 0', () => {
    expect(fitGamma([2, 2, 2])).toBeNull();
    expect(fitGamma([1e-6, 1e-6])).toBeNull();
    expect(fitGamma([0.1, 0.1, 0.1])).toBeNull(); // mean rounds to 0.10000000000000002: s is noise, not data
    expect(fitGamma([3])).toBeNull();
    expect(fitGamma([])).toBeNull();
    expect(fitGamma([1, 0, 2])).toBeNull();
    expect(fitGamma([1, -1, 2])).toBeNull();
    expect(fitGamma([1, NaN, 2])).toBeNull();
    expect(fitGamma([1, Infinity, 2])).toBeNull();
    expect(solveGammaShape(0)).toBeNull();
    expect(solveGammaShape(-1e-17)).toBeNull();
    expect(solveGammaShape(NaN)).toBeNull();
  });

  it('exponential: rate = 1 / mean (scipy.stats.expon.fit(x, floc=0))', () => {
    expect(fitExponentialRate([1, 2, 3, 6])).toBe(1 / 3);
    expect(fitExponentialRate([0.5])).toBe(2);
    expect(fitExponentialRate([])).toBeNull();
    expect(fitExponentialRate([1, -1])).toBeNull();
  });
});
