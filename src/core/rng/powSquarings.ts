/**
 * pow(x, 2^k) for 0 < x, k = 1..6, bit-identical to libm.ts's pow (glibc's
 * __ieee754_pow_fma) and about twice as fast in the common case. The Gamma
 * sampler needs x^(1/shape) with 1/shape = cv^2, which is 4, 16 or 64 for
 * cv = 2, 4, 8 (cv 4 is the paper's burstiness and the benchmarks').
 *
 * x^(2^k) by k squarings in double-double: the first is exact (Dekker's
 * product), each later one adds a relative error of about 2^-104, so the
 * double-double (h, l), h = RN(h + l), is within 2^-97 of x^(2^k) relative.
 * Hence h is the correctly rounded power unless x^(2^k) lies within that of
 * a rounding midpoint, i.e. unless |l| is within a hair of ulp(h)/2.
 *
 * glibc's pow is not correctly rounded: it returns RN(v) for a v within about
 * 0.01 ulp + 2^-68 |y log x| (relative) of x^y (its stated worst case is
 * 0.52 ulp in all: the 2^-68 is the error of its log, the 0.01 ulp that of
 * its exp table and polynomial). So when |l| is farther than
 * 1/32 ulp + |log h| * 2^-11 ulp (several times those bounds) from ulp(h)/2,
 * glibc returns h too; otherwise (a few percent of calls), and for results
 * near the ends of the exponent range or at a power of two (where the
 * spacing below h is half), the exact port decides.
 * tests/unit/libm.test.ts compares the two on millions of inputs.
 */
import { pow } from './libm';

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)
const MIN = 2 ** -900; // results from here on: no partial product underflows
const MAX = 2 ** 960; // results up to here: no split overflows
const IO = new Float64Array(2);
const IO32 = new Uint32Array(IO.buffer);
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** k for y = 2^k (k = 1..6), else 0: which exponents powSquarings takes. */
export function squaringsFor(y: number): number {
  for (let k = 1; k <= 6; k++) if (y === 2 ** k) return k;
  return 0;
}

/**
 * glibc's pow(x, 2^k) for k = squaringsFor(y) > 0 (x any double; fast for
 * positive normal x). Kept under V8's inlining limit (460 bytes of bytecode)
 * so the arrival loop inlines it: a call that returns a double boxes it, which
 * cost about a third of this function's time.
 */
export function powSquarings(x: number, k: number): number {
  if (x > 0 && x < MAX) {
    // (h + l)^2, k times from (x, 0): h*h exactly as p + e (Dekker's product), plus the cross term
    // 2*h*l (zero in the first round, which is therefore exact)
    let h = x;
    let l = 0;
    for (let i = 0; i < k; i++) {
      const s = h * SPLIT;
      const a = s - (s - h);
      const b = h - a;
      const p = h * h;
      const e = a * a - p + 2 * a * b + b * b + 2 * h * l;
      h = p + e;
      l = e - (h - p);
    }
    if (clearOfMidpoint(h, l)) return h;
  }
  return pow(x, 2 ** k);
}

/**
 * Whether RN(h + l) = h (with |l| <= ulp(h) / 2) stays h for any value within
 * 1/32 ulp + |log h| * 2^-11 ulp of h + l, so that glibc's pow returns h too;
 * false near the ends of the exponent range and at a power of two (where the
 * spacing below h is half).
 */
function clearOfMidpoint(h: number, l: number): boolean {
  if (!(h >= MIN && h <= MAX)) return false;
  IO[0] = h;
  const hi = IO32[HI];
  if ((hi & 0xfffff) === 0 && IO32[LO] === 0) return false;
  // ulp(h) = 2^(exponent - 52), from the exponent bits; |log h| <= (|exponent| + 1) ln 2
  const biased = hi >>> 20;
  IO32[2 + HI] = (hi & 0x7ff00000) - 0x03400000;
  IO32[2 + LO] = 0;
  const ulp = IO[1];
  const margin = (1 / 32 + (Math.abs(biased - 1023) + 1) * 0.000339) * ulp; // 0.000339 > ln 2 / 2048
  return Math.abs(Math.abs(l) - 0.5 * ulp) > margin;
}
