/**
 * Bit-exact ports of glibc 2.36 log() and pow() as numpy calls them on x86_64
 * with FMA: __ieee754_log_fma and __ieee754_pow_fma, i.e. sysdeps/ieee754/dbl-64
 * e_log.c and e_pow.c built with -mfma -mavx2, where GCC contracted many
 * a*b + c into fused multiply-adds. V8's Math.log / Math.pow (and a plain
 * transliteration of the C) differ from them in the last bit on a few percent
 * of inputs, and numpy's legacy exponential/normal/gamma samplers need
 * glibc's bits.
 *
 * Two layers with the same result for every input (the tests check both
 * against glibc):
 *  - logReference / powReference transliterate the machine code (the gdb
 *    disassembly of this libm): each vfmadd/vfnmadd/vfmsub is a call of the
 *    exact emulated fma() from fma.ts, every other instruction is the same
 *    IEEE operation on the same operands; comments give instruction offsets.
 *  - log / pow are the fast versions. Every value that decides a rounding by
 *    itself is computed exactly (table index, z, r, hi; for pow also ehi, the
 *    exp reduction kd and exp's r). Fused steps whose rounding error lands far
 *    below the final ulp (log's tail lo + r2*A0 + r3*p, the near-1 polynomial,
 *    pow's lo and elo, exp's tmp) are evaluated unfused with a rigorous bound E
 *    on the distance to the fused value, and the rounding that consumes them is
 *    accepted only if it comes out the same at both ends of the interval
 *    (Ziv's test: RN is monotone, so RN(h + (t + E)) === RN(h + (t - E)) means
 *    both equal RN(h + t_fused)). Otherwise (about 1% of calls at worst, see
 *    the functions) they fall back to the exact evaluation.
 *
 * Bounds: u = 2^-53. If a fused op computes R = RN(a*b + c) and its unfused
 * stand-in R' = RN(RN(a'*b') + c') from perturbed inputs, then
 * |R - R'| <= (|a*b - a'*b'| + |c - c'| + u|RN(a'*b')| + 2u|R'|)(1 + 2u),
 * since |RN(v) - v| <= u|RN(v)|. For the polynomial steps the propagated part
 * is a constant times u, derived offline from the coefficients and the table's
 * max |r| (stated at each function). The bounds are inflated by 2% (which also
 * covers the rounding of their own evaluation), plus 2u|t| so that RN(t +- E)
 * still brackets the fused t.
 *
 * Calls allocate nothing: the exported functions are tiny wrappers that V8
 * inlines into callers, and arguments and results travel through small
 * Float64Arrays to the (not inlined) cores, so no heap numbers are boxed.
 *
 * Tables: the numeric values of glibc's e_log_data.c, e_pow_log_data.c and
 * e_exp_data.c (N = 128), converted from the C hex-float literals to shortest
 * round-trip decimals (which parse back to exactly the same doubles; the
 * conversion was checked bit for bit against the tables in the running libm).
 */
import { fma } from './fma';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

const U = 1.1102230246251565e-16; // 2^-53
const EU = 1.02 * U; // 2% inflated unit for the error bounds
const U4 = 4 * U; // fmaSmall's margin, see fma.ts
const TINY = 2 ** -1000;
const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)
/** P2[e + 1074] = 2^e for e in [-1074, 1023], for exact power-of-two scalings */
const P2 = new Float64Array(2098);
P2[1074] = 1;
for (let e = 1; e <= 1023; e++) P2[1074 + e] = P2[1073 + e] * 2;
for (let e = -1; e >= -1074; e--) P2[1074 + e] = P2[1075 + e] * 0.5;

/* =============================== log ================================== */

// __log_data scalars (e_log_data.c)
const LN2HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1 (42 significant bits)
const LN2LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
// poly A[0..4], |r| < 0x1.fp-9
const A0 = -0.5000000000000001; // -0x1.0000000000001p-1
const A1 = 0.33333333331825593; // 0x1.555555551305bp-2
const A2 = -0.2499999999622955; // -0x1.fffffffeb459p-3
const A3 = 0.20000304511814496; // 0x1.999b324f10111p-3
const A4 = -0.16667054827627667; // -0x1.55575e506c89fp-3
// poly1 B[0..10] for the |x - 1| branch
const B0 = -0.5; // -0x1p-1
const B1 = 0.3333333333333352; // 0x1.5555555555577p-2
const B2 = -0.24999999999998432; // -0x1.ffffffffffdcbp-3
const B3 = 0.19999999999320328; // 0x1.999999995dd0cp-3
const B4 = -0.16666666669929706; // -0x1.55555556745a7p-3
const B5 = 0.14285715076560868; // 0x1.24924a344de3p-3
const B6 = -0.12499997863982555; // -0x1.fffffa4423d65p-4
const B7 = 0.11110712032936046; // 0x1.c7184282ad6cap-4
const B8 = -0.10000486757818193; // -0x1.999eb43b068ffp-4
const B9 = 0.09181994006195467; // 0x1.78182f7afd085p-4
const B10 = -0.08328363062289341; // -0x1.5521375d145cdp-4

/**
 * Natural logarithm, bit-identical to glibc 2.36 __ieee754_log_fma for every
 * double (NaN results are NaN; glibc's payload is not observable in JS).
 */
export function log(x: number): number {
  LIO[0] = x;
  logCore();
  return LIO[1];
}

/** The exact transliteration of __ieee754_log_fma (slower); same results as log(). */
export function logReference(x: number): number {
  f64[0] = x;
  const hi = u32[HI] | 0;
  const lo = u32[LO] | 0;
  if ((hi - 0x3fee0000) >>> 0 < 0x30900) return logNear1Ref(x);
  if (((hi >>> 16) - 0x10) >>> 0 >= 0x7fe0) {
    const v = logSpecialValue(x, hi, lo);
    if (v !== 1) return v;
    // subnormal: normalize, ix = asuint64(x * 0x1p52) - (52 << 52)
    f64[0] = x * 4503599627370496;
    return logMainRef((u32[HI] - 0x03400000) | 0, u32[LO] | 0);
  }
  return logMainRef(hi, lo);
}

/**
 * Argument and result of log() travel through LIO (x in LIO[0], log(x) in
 * LIO[1]): the tiny exported wrapper is inlined by V8 into its callers and
 * logCore takes no double arguments and returns nothing, so a call allocates
 * no heap numbers.
 */
const LIO = new Float64Array(2);
const LIO32 = new Uint32Array(LIO.buffer);

/** x < 0x1p-1022 or inf or nan (+472 .. +573); returns 1 (never a result here) for subnormal x. */
function logSpecialValue(x: number, hi: number, lo: number): number {
  if ((hi & 0x7fffffff) === 0 && lo === 0) return -Infinity; // __math_divzero(1)
  if (hi === 0x7ff00000 && lo === 0) return x; // log(inf) = inf
  if (hi < 0 || (hi & 0x7ff00000) === 0x7ff00000) return NaN; // __math_invalid(x)
  return 1;
}

// Veltkamp halves of the invc column, for an exact z*invc product in logMain
const LOG_INVC_H = new Float64Array(128);
const LOG_INVC_L = new Float64Array(128);

/**
 * Main path, reference (+59 .. +247). hi/lo: the 32-bit words of ix.
 *   tmp = ix - OFF; i = (tmp >> 45) % 128; k = tmp >> 52; iz = ix - (tmp & 0xfff << 52)
 */
function logMainRef(hi: number, lo: number): number {
  const tmp = (hi - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127;
  const kd = tmp >> 20;
  u32[HI] = hi - (tmp & 0xfff00000);
  u32[LO] = lo;
  const z = f64[0];
  const invc = LOG_TAB[2 * i];
  const logc = LOG_TAB[2 * i + 1];
  const w = fma(kd, LN2HI, logc); // +165 vfmadd213sd: w = kd*Ln2hi + logc
  const r = fma(z, invc, -1.0); // +171 vfmadd132sd: r = z*invc - 1
  const pa = fma(r, A2, A1); // +177 vfmadd213sd: A1 + r*A2
  const h = w + r; // +186
  const r2 = r * r; // +190
  const l = fma(kd, LN2LO, w - h + r); // +194..+202 vfmadd231sd: lo = w - hi + r + kd*Ln2lo
  const r3 = r * r2; // +211
  const pb = fma(r, A4, A3); // +215 vfmadd132sd: A3 + r*A4
  const q = fma(r2, A0, l); // +224 vfmadd231sd: lo + r2*A0
  const p = fma(pb, r2, pa); // +233 vfmadd132sd: A1 + r*A2 + r2*(A3 + r*A4)
  return fma(r3, p, q) + h; // +238 vfmadd132sd, +243 vaddsd
}

/**
 * log(LIO[0]) -> LIO[1], fast. Main path: same index/z/w/hi as the reference
 * (z by an exact power-of-two scaling instead of rebuilding its bits, which
 * would stall store forwarding). r is computed exactly: p = RN(z*invc) lies in
 * [1/2, 2], so p - 1 is exact and fma(z, invc, -1) = RN((p - 1) + (z*invc - p))
 * with the product error from Dekker's TwoProduct.
 * The tail t = lo + r2*A0 + r3*p (|t| < 2^-16, against |hi| > 0.06) is then
 * evaluated without fusing. With |r| <= 0.003891 (max over the table) the
 * fused polynomial p differs from the plain one by at most 1.34u; the other
 * terms of the bound are the rounding errors of the unfused products and the
 * possible one-ulp flips of lo, q and t.
 */
function logCore(): void {
  let x = LIO[0];
  let hi = LIO32[HI] | 0;
  let lo = LIO32[LO] | 0;
  // ix - asuint64(1 - 0x1p-4) < asuint64(1 + 0x1.09p-4) - asuint64(1 - 0x1p-4)
  if ((hi - 0x3fee0000) >>> 0 < 0x30900) {
    logNear1();
    return;
  }
  let koff = 0;
  // top16(x) - 0x0010 >= 0x7ff0 - 0x0010: zero, subnormal, negative, inf or nan
  if (((hi >>> 16) - 0x10) >>> 0 >= 0x7fe0) {
    const v = logSpecialValue(x, hi, lo);
    if (v !== 1) {
      LIO[1] = v;
      return;
    }
    // subnormal: continue with x * 2^52 and k - 52 (glibc: ix = asuint64(x * 0x1p52) - (52 << 52))
    x *= 4503599627370496;
    LIO[1] = x;
    hi = LIO32[2 + HI] | 0;
    lo = LIO32[2 + LO] | 0;
    koff = -52;
  }
  const tmp = (hi - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  const kd = k + koff;
  // z = asdouble(ix - (tmp & 0xfff << 52)) = x * 2^-k (a power-of-two scaling, exact;
  // cheaper than rebuilding the double from two 32-bit words)
  const z = x * P2[1074 - k];
  const invc = LOG_TAB[2 * i];
  const logc = LOG_TAB[2 * i + 1];
  const w = kd * LN2HI + logc; // fused in glibc, but kd*Ln2hi is exact (|k| < 2^11)
  const p = z * invc;
  const s = z * SPLIT;
  const zh = s - (s - z);
  const zl = z - zh;
  const ih = LOG_INVC_H[i];
  const il = LOG_INVC_L[i];
  const r = p - 1 + (zh * ih - p + zh * il + zl * ih + zl * il); // == fma(z, invc, -1)
  const h = w + r;
  const c4 = w - h + r;
  const r2 = r * r;
  const r3 = r * r2;
  const m1 = kd * LN2LO;
  const l = m1 + c4; // fma(kd, Ln2lo, c4) unfused
  const m2 = r2 * A0;
  const q = m2 + l; // fma(r2, A0, l) unfused
  const m3 = r3 * ((r * A4 + A3) * r2 + (r * A2 + A1));
  const t = m3 + q; // fma(r3, p, q) unfused
  const e =
    (1.35 * Math.abs(r3) +
      Math.abs(m1) +
      Math.abs(m2) +
      Math.abs(m3) +
      2 * (Math.abs(l) + Math.abs(q)) +
      4 * Math.abs(t)) *
    EU;
  const y = h + (t + e);
  LIO[1] = y === h + (t - e) ? y : logMainRef((hi + (koff << 20)) | 0, lo);
}

/** |x - 1| branch, reference (+256 .. +466). */
function logNear1Ref(x: number): number {
  if (x === 1) return 0; // +0 also in downward rounding
  const r = x - 1.0; // exact
  const r2 = r * r; // +325
  // +299..+391: y = r3*(B1 + r*B2 + r2*B3 + r3*(B4 + r*B5 + r2*B6 + r3*(B7 + r*B8 + r2*B9 + r3*B10)))
  const pa = fma(r, B2, B1); // +299
  const pb = fma(r, B5, B4); // +308
  const pc = fma(r, B8, B7); // +329
  const qa = fma(r2, B3, pa); // +338
  const qb = fma(r2, B6, pb); // +347
  const r3 = r * r2; // +356
  const qc = fma(r3, B10, fma(r2, B9, pc)); // +360, +369
  const poly = fma(fma(qc, r3, qb), r3, qa); // +378, +391
  // +396..+405: w = r*0x1p27; rhi = r + w - w (both fused, the products are exact)
  const rhi = fma(-134217728, r, fma(r, 134217728, r));
  const rlo = r - rhi; // +422
  const rr = rhi * rhi; // +418 (exact: rhi has 26 bits)
  const h = fma(rr, B0, r); // +430: hi = r + rhi*rhi*B0
  const l = fma(rr, B0, r - h); // +435, +443: lo = r - hi + w
  const l2 = fma(B0 * rlo, r + rhi, l); // +439, +448, +452: lo += B0*rlo*(rhi + r)
  return fma(poly, r3, l2) + h; // +457 y = r3*poly + lo, +462 y += hi
}

/**
 * |x - 1| branch, fast (LIO[0] -> LIO[1]): the split rhi/rlo, hi and lo are exact and identical;
 * the polynomial and the last two fused steps are evaluated unfused. For
 * |r| <= 0x1.09p-4 the fused and plain values of the inner polynomial
 * (|poly| <= 0.3504) differ by at most 2.12u.
 */
function logNear1(): void {
  const x = LIO[0];
  if (x === 1) {
    LIO[1] = 0;
    return;
  }
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const poly =
    ((r3 * B10 + (r2 * B9 + (r * B8 + B7))) * r3 + (r2 * B6 + (r * B5 + B4))) * r3 + (r2 * B3 + (r * B2 + B1));
  const w = r * 134217728;
  const rhi = r + w - w;
  const rlo = r - rhi;
  const ww = rhi * rhi * B0; // exact
  const h = r + ww;
  const m4 = B0 * rlo * (rhi + r);
  const l = m4 + (r - h + ww);
  const m5 = poly * r3;
  const t = m5 + l;
  const e = (2.2 * Math.abs(r3) + Math.abs(m5) + Math.abs(m4) + 2 * Math.abs(l) + 4 * Math.abs(t)) * EU;
  const y = h + (t + e);
  LIO[1] = y === h + (t - e) ? y : logNear1Ref(x);
}

/* =============================== pow ================================== */

// __pow_log_data scalars (e_pow_log_data.c); Ln2hi/Ln2lo are log's
// poly A[0..6], coefficients pre-scaled by glibc to match ar = -r/2, ar2 = r*ar
const PA0 = -0.5; // -0x1p-1
const PA1 = -0.6666666666666679; // 0x1.555555555556p-2 * -2
const PA2 = 0.5000000000000007; // -0x1.0000000000006p-2 * -2
const PA3 = 0.7999999995323976; // 0x1.999999959554ep-3 * 4
const PA4 = -0.6666666663487739; // -0x1.555555529a47ap-3 * 4
const PA5 = -1.142909628459501; // 0x1.2495b9b4845e9p-3 * -8
const PA6 = 1.0000415263675542; // -0x1.0002b8b263fc3p-3 * -8
// __exp_data scalars (e_exp_data.c)
const INVLN2N = 184.6649652337873; // 0x1.71547652b82fep0 * 128
const SHIFT = 6755399441055744.0; // 0x1.8p52
const NEGLN2HIN = -0.005415212348111709; // -0x1.62e42fefa0000p-8 (36 significant bits)
const NEGLN2LON = -1.2864023111638346e-14; // -0x1.cf79abc9e3b3ap-47
const C2 = 0.49999999999996786; // 0x1.ffffffffffdbdp-2
const C3 = 0.16666666666665886; // 0x1.555555555543cp-3
const C4 = 0.0416666808410674; // 0x1.55555cf172b91p-5
const C5 = 0.008333335853059549; // 0x1.1111167a4d017p-7
const SIGN_BIAS = 0x40000; // 0x800 << EXP_TABLE_BITS
const TWO_1009 = P2[1074 + 1009];
const TWO_M1022 = P2[1074 - 1022];

// EXP_TAB decoded: T[k] as a double, and the two words of asuint64(H[k]) - (k << 45)
const EXP_T = new Float64Array(128);
const EXP_SHI = new Int32Array(128);
const EXP_SLO = new Int32Array(128);
const EXP_H = new Float64Array(128); // H[k] = asdouble(tab[2k+1] + (k << 45)), in [1, 2)

/**
 * x^y, bit-identical to glibc 2.36 __ieee754_pow_fma for every pair of
 * doubles (NaN results are NaN; signaling NaNs are only told apart where
 * glibc's result depends on it, via their bits).
 */
export function pow(x: number, y: number): number {
  PIO[0] = x;
  PIO[1] = y;
  powCore(false);
  return PIO[2];
}

/** The exact transliteration of __ieee754_pow_fma (slower); same results as pow(). */
export function powReference(x: number, y: number): number {
  PIO[0] = x;
  PIO[1] = y;
  powCore(true);
  return PIO[2];
}

/** pow's argument/result passing: x, y in PIO[0], PIO[1], the result in PIO[2] (see LIO). */
const PIO = new Float64Array(3);
const PIO32 = new Uint32Array(PIO.buffer);

/** Quiet-bit test on a NaN: glibc's issignaling_inline. */
function isSignaling(hi: number, lo: number): boolean {
  return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) !== 0 || lo !== 0) && (hi & 0x80000) === 0;
}

/** checkint: 0 if y is not an integer, 1 if odd, 2 if even (y finite, nonzero). */
function checkint(y: number): number {
  if (!Number.isInteger(y)) return 0;
  if (Math.abs(y) >= 9007199254740992) return 2; // 2^53: always even
  return y % 2 === 0 ? 2 : 1;
}

/** zeroinfnan(i): 2*i - 1 >= 2*asuint64(INFINITY) - 1 */
function zeroinfnan(hi: number, lo: number): boolean {
  return ((hi & 0x7fffffff) === 0 && lo === 0) || (hi & 0x7ff00000) === 0x7ff00000;
}

/**
 * PIO[0]^PIO[1] -> PIO[2]. The entry and special cases follow e_pow.c (as
 * compiled: +0 .. +68, +544 .. +1583); then the main path, either the
 * reference (exact) or the fast one, which is described here:
 *
 * ax = |x| (subnormals normalized by 2^52, then koff = -52), axhi/axlo its
 * words. In log_inline everything except lo = lo1+lo2+lo3+lo4 + ar3*q is
 * exact and identical to the reference (r is exact because z*invc - 1 is
 * representable; lo3 is Dekker's product error of ar*r); lo (|lo| < 2^-22 |hi|)
 * is evaluated unfused with the bound below and the rounding y = RN(hi + lo)
 * is checked. Then ehi = y*yarg is exact and identical, and elo carries a
 * bound. In exp_inline, kd and r1 = fma(kd, NegLn2loN, ehi - kd*Ln2hi/N) are
 * computed exactly, r = r1 + elo gets a rounding test against elo's bound,
 * and tmp is evaluated unfused with a bound and a rounding test on the final
 * scale + scale*tmp (fallback: expTail, exact from the exact r).
 * Bound for lo: with |r| <= 0.005737 (max over the table) the fused and plain
 * q = A1 + r*A2 + ar2*(A3 + r*A4 + ar2*(A5 + r*A6)) differ by at most 2.69u;
 * lo1 = fma(kd, Ln2lo, logctail) loses u|kd*Ln2lo|, and each of the four
 * additions and lo itself may flip one ulp.
 */
function powCore(exact: boolean): void {
  const x = PIO[0];
  const y = PIO[1];
  let ixhi = PIO32[HI] | 0;
  const ixlo = PIO32[LO] | 0;
  const iyhi = PIO32[2 + HI] | 0;
  const iylo = PIO32[2 + LO] | 0;
  let topx = ixhi >>> 20;
  const topy = iyhi >>> 20;
  let signBias = 0;
  let ax = x;
  let axhi = ixhi;
  let axlo = ixlo;
  let koff = 0;
  if ((topx - 0x001) >>> 0 >= 0x7ff - 0x001 || ((topy & 0x7ff) - 0x3be) >>> 0 >= 0x43e - 0x3be) {
    PIO[2] = powSpecial(x, y, ixhi, ixlo, iyhi, iylo);
    if (powContinue === 0) return;
    // finite nonzero x < 0 with integer y, or subnormal x: the main path on |x|
    signBias = powContinue === 2 ? SIGN_BIAS : 0;
    ixhi &= 0x7fffffff;
    topx &= 0x7ff;
    ax = Math.abs(x);
    axhi = ixhi;
    if (topx === 0) {
      // subnormal x: normalize so the exponent becomes negative
      // (ix = asuint64(x * 0x1p52) & 0x7fffffffffffffff; ix -= 52 << 52)
      ax *= 4503599627370496;
      PIO[2] = ax;
      axhi = PIO32[4 + HI] | 0;
      axlo = PIO32[4 + LO] | 0;
      koff = -52;
    }
  }
  if (exact) {
    PIO[2] = powMainRef((axhi + (koff << 20)) | 0, axlo, y, signBias);
    return;
  }
  const tmp = (axhi - 0x3fe69555) | 0;
  const i = 3 * ((tmp >>> 13) & 127);
  const k = tmp >> 20;
  const kd = k + koff;
  const z = ax * P2[1074 - k]; // = asdouble(iz): an exact power-of-two scaling (cheaper than rebuilding the bits)
  const invc = POW_TAB[i];
  // r = fma(z, invc, -1): invc has 8 bits, so with z = zh + zl (26 + 27 bits) both
  // products and zh*invc - 1 are exact, and so is the final sum (r is representable)
  let s = z * SPLIT;
  const zh = s - (s - z);
  const r = zh * invc - 1.0 + (z - zh) * invc;
  const t1 = kd * LN2HI + POW_TAB[i + 1]; // fused, but kd*Ln2hi is exact
  const t2 = r + t1;
  const lo2 = t1 - t2 + r;
  const ar = r * PA0;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const h = t2 + ar2;
  const lo4 = t2 - h + ar2;
  // lo3 = fma(ar, r, -ar2): TwoProduct error of ar*r (ar's halves are -rh/2, -rl/2)
  s = r * SPLIT;
  const rh = s - (s - r);
  const rl = r - rh;
  const lo3 = PA0 * rh * rh - ar2 + PA0 * rh * rl + PA0 * rl * rh + PA0 * rl * rl;
  const m1 = kd * LN2LO;
  const lo1 = m1 + POW_TAB[i + 2]; // fma(kd, Ln2lo, logctail) unfused
  const s1 = lo1 + lo2;
  const s2 = s1 + lo3;
  const s3 = s2 + lo4;
  const m3 = ar3 * ((((r * PA6 + PA5) * ar2 + (r * PA4 + PA3)) * ar2) + (r * PA2 + PA1));
  const l = m3 + s3; // fma(ar3, q, s3) unfused
  const el =
    (2.7 * Math.abs(ar3) +
      Math.abs(m3) +
      Math.abs(m1) +
      2 * (Math.abs(lo1) + Math.abs(s1) + Math.abs(s2) + Math.abs(s3) + Math.abs(l))) *
    EU; // >= |l - lo_fused|
  const ec = el + 2 * U * Math.abs(l);
  const ly = h + (l + ec);
  if (ly !== h + (l - ec)) {
    PIO[2] = powMainRef((axhi + (koff << 20)) | 0, axlo, y, signBias);
    return;
  }
  const ltail = h - ly + l; // off by at most et
  const et = (el + 2 * U * Math.abs(ltail)) * 1.01;
  // ehi = y*ly exactly as glibc; fma(ly, y, -ehi) = TwoProduct error
  const ehi = y * ly;
  s = ly * SPLIT;
  const lh = s - (s - ly);
  const ll = ly - lh;
  s = y * SPLIT;
  const yh = s - (s - y);
  const yl = y - yh;
  const m2 = y * ltail;
  const elo = m2 + (lh * yh - ehi + lh * yl + ll * yh + ll * yl); // fma(y, ltail, err) unfused
  const ee = (Math.abs(y) * et + U * Math.abs(m2) + 2 * U * Math.abs(elo)) * 1.02 + 2 * U * Math.abs(elo);

  // exp_inline(ehi, elo, signBias)
  f64[0] = ehi;
  const xhi = u32[HI] | 0;
  const abstop = (xhi >>> 20) & 0x7ff;
  if ((abstop - 0x3c9) >>> 0 >= 0x3f) {
    if (abstop < 0x3c9) {
      const one = 1.0 + ehi;
      PIO[2] = signBias ? -one : one;
    } else if (abstop >= 0x409) {
      PIO[2] = xhi < 0 ? (signBias ? -0 : 0) : signBias ? -Infinity : Infinity;
    } else {
      PIO[2] = powMainRef((axhi + (koff << 20)) | 0, axlo, y, signBias); // 512 <= |ehi| < 1024: specialcase
    }
    return;
  }
  // kd = RN(ehi*InvLn2N + Shift): with (ph + pl) = ehi*InvLn2N, |pl| < 2^-36, and the
  // exact split Shift + ph = kdS + tl, the fused value is kdS unless |tl| is near 1/2
  // (the unary + on the rare fallback calls below keeps V8 from boxing the common path's doubles)
  const ph = ehi * INVLN2N;
  let kdS = ph + SHIFT;
  if (!(Math.abs(ph - (kdS - SHIFT)) < 0.4999)) kdS = +fma(ehi, INVLN2N, SHIFT);
  const ek = kdS - SHIFT;
  const ki = ek | 0;
  // r = fma(kd, NegLn2loN, fma(kd, NegLn2hiN, ehi)) + elo. |kd| < 2^17, so kd*NegLn2hiN is
  // exact. The fma with NegLn2loN is fmaSmall (fma.ts) written out: with p = RN(a*b) and
  // d = 4u|p|, RN(c + RN(p - d)) <= fma(a, b, c) <= RN(c + RN(p + d)); if both ends agree,
  // the fused result is c + p.
  const r0 = ek * NEGLN2HIN + ehi;
  const p = ek * NEGLN2LON;
  const d = Math.abs(p) * U4;
  const r1 = r0 + (p - d) === r0 + (p + d) && d > TINY ? r0 + p : +fma(ek, NEGLN2LON, r0);
  const er = r1 + (elo + ee);
  if (er !== r1 + (elo - ee)) {
    PIO[2] = powMainRef((axhi + (koff << 20)) | 0, axlo, y, signBias);
    return;
  }
  // r is exact now. tmp = fma(fma(r, C5, C4), r2*r2, fma(fma(r, C3, C2), r2, r + T[j])),
  // unfused, then a rounding test on scale + scale*tmp (the bound: C2 + r*C3 is off by
  // <= 1.01u, C4 + r*C5 by <= 0.09u, plus the product errors and one-ulp flips of the
  // two outer steps, plus 2.02u|tmp| for rounding tmp +- E and the product scale*(tmp +- E))
  const j = ki & 127;
  const r2 = er * er;
  const r4 = r2 * r2;
  const q1 = (er * C3 + C2) * r2;
  const pc = q1 + (er + EXP_T[j]);
  const q2 = (er * C5 + C4) * r4;
  const tmpv = q2 + pc;
  const eq = (1.2 * r2 + Math.abs(q1) + 2 * Math.abs(pc) + Math.abs(q2) + 4.1 * Math.abs(tmpv)) * EU;
  // scale = asdouble(T[idx + 1] + ((ki + sign_bias) << 45)) = +-H[j] * 2^(ki >> 7), exact here;
  // fma(scale, tmp, scale) is computed for |scale| (fma(-s, t, -s) = -fma(s, t, s))
  const scale = EXP_H[j] * P2[1074 + (ki >> 7)];
  let res = scale + scale * (tmpv + eq);
  if (res !== scale + scale * (tmpv - eq)) res = +expTail(er, j, scale);
  PIO[2] = signBias ? -res : res;
}


/** exp_inline's tail for an exact r, with every fused op emulated: fma(scale, tmp, scale). */
function expTail(r: number, j: number, scale: number): number {
  const r2 = r * r;
  const tmp = fma(fma(r, C5, C4), r2 * r2, fma(fma(r, C3, C2), r2, r + EXP_T[j]));
  return fma(scale, tmp, scale);
}

/** 1 when powSpecial's caller must continue with the main path, 2 when also with a negative sign. */
let powContinue = 0;

/**
 * The special-case block of __pow (x < 0x1p-1022 or inf or nan or negative,
 * or |y| < 0x1p-65 or |y| >= 0x1p63 or nan). Returns the result, or sets
 * powContinue for the cases that go on to the main path.
 */
function powSpecial(x: number, y: number, ixhi: number, ixlo: number, iyhi: number, iylo: number): number {
  powContinue = 0;
  if (zeroinfnan(iyhi, iylo)) {
    if ((iyhi & 0x7fffffff) === 0 && iylo === 0) return isSignaling(ixhi, ixlo) ? x + y : 1.0;
    if (ixhi === 0x3ff00000 && ixlo === 0) return isSignaling(iyhi, iylo) ? x + y : 1.0;
    if (x !== x || y !== y) return x + y;
    if ((ixhi & 0x7fffffff) === 0x3ff00000 && ixlo === 0) return 1.0; // x = -1, y = +-inf
    // |x| < 1 && y == inf or |x| > 1 && y == -inf: 0; otherwise inf
    if ((ixhi & 0x7fffffff) < 0x3ff00000 === iyhi >= 0) return 0.0;
    return y * y;
  }
  if (zeroinfnan(ixhi, ixlo)) {
    let x2 = x * x;
    let neg = false;
    if (ixhi < 0 && checkint(y) === 1) {
      x2 = -x2;
      neg = true;
    }
    if ((ixhi & 0x7fffffff) === 0 && ixlo === 0 && iyhi < 0) return neg ? -Infinity : Infinity; // divzero
    return iyhi < 0 ? 1 / x2 : x2;
  }
  // here x and y are nonzero finite
  let sign = 1;
  if (ixhi < 0) {
    const yint = checkint(y);
    if (yint === 0) return NaN; // __math_invalid(x)
    if (yint === 1) sign = 2;
    ixhi &= 0x7fffffff;
  }
  const topy = (iyhi >>> 20) & 0x7ff;
  if (topy - 0x3be >>> 0 >= 0x43e - 0x3be) {
    // sign_bias == 0 here because y is not odd
    if (ixhi === 0x3ff00000 && ixlo === 0) return 1.0;
    const xGt1 = ixhi > 0x3ff00000 || (ixhi === 0x3ff00000 && ixlo !== 0);
    if (topy < 0x3be) return xGt1 ? 1.0 + y : 1.0 - y; // |y| < 2^-65: x^y ~= 1 + y*log(x)
    return xGt1 === iyhi >= 0 ? Infinity : 0.0; // __math_oflow(0) : __math_uflow(0)
  }
  powContinue = sign;
  return 0;
}

/**
 * Main path, reference: log_inline (+68 .. +321), ehi/elo (+325 .. +358) and
 * exp_inline (+363 .. +538, specialcase +840 .. +1263).
 */
function powMainRef(ixhi: number, ixlo: number, y: number, signBias: number): number {
  // log_inline: tmp = ix - OFF (0x3fe6955500000000); i = (tmp >> 45) % 128; k = tmp >> 52
  const tmp = (ixhi - 0x3fe69555) | 0;
  const i = 3 * ((tmp >>> 13) & 127);
  const kd = tmp >> 20;
  u32[HI] = ixhi - (tmp & 0xfff00000);
  u32[LO] = ixlo;
  const z = f64[0];
  const invc = POW_TAB[i];
  const logc = POW_TAB[i + 1];
  const logctail = POW_TAB[i + 2];
  const t1 = fma(kd, LN2HI, logc); // +182 vfmadd213sd: kd*Ln2hi + logc
  const lo1 = fma(kd, LN2LO, logctail); // +188 vfmadd213sd: kd*Ln2lo + logctail
  const r = fma(z, invc, -1.0); // +205 vfmadd132sd (exact: z*invc - 1 is representable)
  const ar = r * PA0; // +211
  const pa = fma(r, PA2, PA1); // +219 vfmadd213sd: A1 + r*A2
  const pb = fma(r, PA4, PA3); // +228 vfmadd213sd: A3 + r*A4
  const t2 = r + t1; // +237
  const ar2 = r * ar; // +241
  const lo2 = t1 - t2 + r; // +246, +259
  const ar3 = r * ar2; // +250
  const lo3 = fma(ar, r, -ar2); // +254 vfmsub132sd (exact)
  const pc = fma(r, PA6, PA5); // +263 vfmadd132sd: A5 + r*A6
  const h = t2 + ar2; // +272
  const lo4 = t2 - h + ar2; // +276, +285
  const pd = fma(pc, ar2, pb); // +280 vfmadd132sd: A3 + r*A4 + ar2*(A5 + r*A6)
  const pq = fma(ar2, pd, pa); // +289 vfmadd132sd
  const l = fma(ar3, pq, lo1 + lo2 + lo3 + lo4); // +294..+308: lo = lo1+lo2+lo3+lo4 + ar3*pq
  const ly = h + l; // +313
  const ltail = h - ly + l; // +317, +321
  // ehi = y*hi; elo = y*lo + fma(y, hi, -ehi)
  const ehi = y * ly; // +325
  const elo = fma(y, ltail, fma(ly, y, -ehi)); // +329 vfmsub132sd, +358 vfmadd132sd
  return expRef(ehi, elo, signBias);
}

/** exp_inline(x, xtail, sign_bias), reference. */
function expRef(x: number, xtail: number, signBias: number): number {
  f64[0] = x;
  const xhi = u32[HI] | 0;
  let abstop = (xhi >>> 20) & 0x7ff;
  if ((abstop - 0x3c9) >>> 0 >= 0x3f) {
    // +800: abstop - top12(0x1p-54) >= top12(512) - top12(0x1p-54)
    if (abstop < 0x3c9) {
      const one = 1.0 + x; // tiny x (also 0)
      return signBias ? -one : one;
    }
    if (abstop >= 0x409) return xhi < 0 ? (signBias ? -0 : 0) : signBias ? -Infinity : Infinity; // uflow/oflow
    abstop = 0; // large x is special cased below
  }
  const kdS = fma(x, INVLN2N, SHIFT); // +384 vfmadd132sd: kd = InvLn2N*x + Shift (z is not rounded)
  const kd = kdS - SHIFT; // +413
  const ki = kd | 0; // low bits of asuint64(kd + Shift)
  const r = fma(kd, NEGLN2LON, fma(kd, NEGLN2HIN, x)) + xtail; // +417, +433, +457
  const j = ki & 127;
  const r2 = r * r; // +485
  // +469..+507: tmp = tail + r + r2*(C2 + r*C3) + r2*r2*(C4 + r*C5)
  const tmp = fma(fma(r, C5, C4), r2 * r2, fma(fma(r, C3, C2), r2, r + EXP_T[j]));
  // sbits = T[idx + 1] + ((ki + sign_bias) << 45)
  const sbhi = (EXP_SHI[j] + ((ki + signBias) << 13)) | 0;
  const sblo = EXP_SLO[j];
  if (abstop === 0) return specialcase(tmp, sbhi, sblo, ki);
  u32[HI] = sbhi;
  u32[LO] = sblo;
  const scale = f64[0];
  return fma(scale, tmp, scale); // +525 vfmadd132sd: scale + scale*tmp
}

/** specialcase(tmp, sbits, ki) (+840 .. +1263): results that may overflow or underflow. */
function specialcase(tmp: number, sbhi: number, sblo: number, ki: number): number {
  if (ki >= 0) {
    // k > 0: the exponent of scale might have overflowed by <= 460
    u32[HI] = sbhi - 0x3f100000; // sbits -= 1009 << 52
    u32[LO] = sblo;
    const scale = f64[0];
    return TWO_1009 * fma(scale, tmp, scale); // +1250 vfmadd132sd: 0x1p1009 * (scale + scale*tmp)
  }
  // k < 0: take care of the subnormal range
  const shi = (sbhi + 0x3fe00000) | 0; // sbits += 1022 << 52
  u32[HI] = shi;
  u32[LO] = sblo;
  const scale = f64[0];
  const st = tmp * scale; // +878: not fused, the product is used twice
  let yv = scale + st;
  if (Math.abs(yv) < 1.0) {
    // round y to the right precision before scaling it into the subnormal range
    const one = yv < 0.0 ? -1.0 : 1.0;
    let lo = scale - yv + st;
    const hi = one + yv;
    lo = one - hi + yv + lo;
    yv = lo + hi - one;
    if (yv === 0) yv = shi < 0 ? -0 : 0; // fix the sign of 0
  }
  return TWO_M1022 * yv; // 0x1p-1022 * y
}

/* ============================== tables ================================ */

// invc, logc for i = 0..127 (glibc __log_data.tab)
const LOG_TAB = new Float64Array([
  1.4504249240398293, -0.3718565645633589,
  1.442253508327276, -0.36620682668944937,
  1.4341736174350004, -0.3605888069791945,
  1.426183816329995, -0.3550022171419869,
  1.4182825527052965, -0.34944666968829097,
  1.4104682921759335, -0.3439217713603284,
  1.4027396147468003, -0.3384271921261188,
  1.3950954438932313, -0.332962831494342,
  1.3875338232485754, -0.32752794345742586,
  1.3800539211058593, -0.32212257167088865,
  1.3726542695419708, -0.3167462884799761,
  1.3653332798446802, -0.3113985598928366,
  1.358090204587874, -0.3060794515165526,
  1.3509234892132138, -0.300788424667644,
  1.3438320840699889, -0.2955252968476998,
  1.3368146974742003, -0.29028969275850613,
  1.329870114677736, -0.2850812793277555,
  1.322997339161106, -0.27989987391470095,
  1.316195352741367, -0.27474526621870154,
  1.3094628125672239, -0.2696169863701243,
  1.3027990455471041, -0.26451506180308115,
  1.2962024229438942, -0.2594387762767383,
  1.2896726275815547, -0.2543884090981692,
  1.2832080305745537, -0.24936321635129843,
  1.276807885983376, -0.24436312405975968,
  1.2704714060687552, -0.23938801747897287,
  1.2641976054949482, -0.23443761696705678,
  1.257985357514882, -0.22951151871518505,
  1.2518337750655457, -0.2246094963439873,
  1.2457421919097305, -0.21973149037705753,
  1.2397094966625508, -0.2148770752847895,
  1.2337348463589233, -0.210046029103637,
  1.2278176973028803, -0.20523836373934046,
  1.2219570190618474, -0.20045368751368642,
  1.2161519732977757, -0.1956917537758045,
  1.2104018095009725, -0.19095237845203883,
  1.204705805718973, -0.18623539250290833,
  1.1990631185441964, -0.18154051731551135,
  1.1934733004462308, -0.1768677957431919,
  1.1879350812847385, -0.17221657406412305,
  1.1824481322833125, -0.16758697765942543,
  1.1770114976921955, -0.16297859687290384,
  1.1716248121809465, -0.15839151377804228,
  1.1662869231674715, -0.15382513241456763,
  1.1609977486762766, -0.14927976358922024,
  1.1557563220795803, -0.14475495398119165,
  1.1505619105480347, -0.14025044090817573,
  1.1454138888505974, -0.1357660466685502,
  1.140311877374656, -0.1313018016355727,
  1.1352550225747513, -0.12685731518763532,
  1.1302429094831266, -0.1224325737671279,
  1.1252747693068048, -0.11802724521862729,
  1.1203501571039876, -0.11364127671663482,
  1.1154683327680124, -0.10927434611278386,
  1.1106291463292157, -0.10492665324943573,
  1.1058315813301596, -0.10059761422644442,
  1.1010752177696026, -0.09628717309055901,
  1.0963597137952512, -0.09199534069557558,
  1.0916844827550398, -0.08772190036688698,
  1.0870487291277784, -0.08346643613867855,
  1.082452357388312, -0.07922916827544668,
  1.0778948225025884, -0.0750099004750382,
  1.0733751731601076, -0.07080805133352897,
  1.068893585073351, -0.06662408085151128,
  1.0644491706655506, -0.06245745471915143,
  1.0600414846328305, -0.0583080438042316,
  1.0556701316181605, -0.05417576112313327,
  1.051334750556926, -0.050060547896805474,
  1.0470347288442157, -0.045962101199052086,
  1.0427699229652954, -0.04188056008865715,
  1.0385395013738175, -0.03781540056183985,
  1.034343418940345, -0.03376684757915882,
  1.0301811073173315, -0.029734619131772888,
  1.026052043621297, -0.025718470239212365,
  1.0219561082336197, -0.021718543925430822,
  1.0178926505784922, -0.01773446126981071,
  1.0138614436244586, -0.013766252464051831,
  1.0098620186501341, -0.009813706322574944,
  1.0058938559734134, -0.005876555150052809,
  1.00195696235014, -0.0019550499938532084,
  0.9961089923088509, 0.0038985973556009412,
  0.9884170338185201, 0.011650571286395461,
  0.9808429191005297, 0.019342955478919066,
  0.9733840169987446, 0.0269766014846482,
  0.9660377568876556, 0.034552359728422744,
  0.9588014945307369, 0.04207121767183253,
  0.9516728569073111, 0.049533940950141186,
  0.9446494635965822, 0.056941358295944156,
  0.9377288993026223, 0.06429439168346107,
  0.9309091073790681, 0.0715936354946507,
  0.924187681612722, 0.07884010933776153,
  0.9175626765599192, 0.08603438905970506,
  0.9110320403624034, 0.09317721180013905,
  0.9045935839762024, 0.10026951462748457,
  0.8982456375922825, 0.10731170956330516,
  0.8919860966782501, 0.11430473320717738,
  0.8858131121185129, 0.12124928503033061,
  0.879725075760676, 0.12814583422959913,
  0.8737201372634685, 0.1349951636851756,
  0.8677966405782273, 0.1417978768189414,
  0.8619528050060739, 0.14855476039031146,
  0.8561872354420692, 0.1552661937658968,
  0.8504983927816893, 0.16193275688146969,
  0.8448844572790304, 0.16855539792220497,
  0.8393442741575965, 0.1751343179947753,
  0.8338762249349438, 0.1816702989864325,
  0.8284789320557778, 0.18816387146023317,
  0.8231510800065832, 0.1946155228479256,
  0.8178913903778707, 0.20102572579389744,
  0.8126984007245374, 0.2073952090795501,
  0.8075710029460227, 0.21372429840596396,
  0.8025078881160415, 0.2200135945981856,
  0.7975077379364331, 0.22626374162859975,
  0.792569604966373, 0.23247494747693054,
  0.7876923641254114, 0.23864766620658884,
  0.7828746724940998, 0.24478265647405806,
  0.7781155388790811, 0.25088025827324145,
  0.7734139557869777, 0.2569408552510595,
  0.7687687179914933, 0.26296511155101143,
  0.7641790698041854, 0.2689531327189343,
  0.7596438763692399, 0.27490553924610595,
  0.7551621951078668, 0.2808227248478943,
  0.7507331780216866, 0.286704979267256,
  0.7463557196361751, 0.29255295645509705,
  0.7420289364869653, 0.2983670386142876,
  0.7377521537065876, 0.30414734587282055,
  0.7335242966002608, 0.30989455774829366,
  0.729344777457841, 0.31560871301871884,
]);

// invc, logc, logctail for i = 0..127 (glibc __pow_log_data.tab; the unused pad field is dropped)
const POW_TAB = new Float64Array([
  1.4140625, -0.3464667673462145, 5.929407345889625e-15,
  1.40625, -0.34092658697056777, -2.544157440035963e-14,
  1.3984375, -0.3353555419211034, -3.443525940775045e-14,
  1.390625, -0.3297532863724655, -2.500123826022799e-15,
  1.3828125, -0.32411946865420305, -8.929337133850617e-15,
  1.375, -0.31845373111855224, 1.7625431312172662e-14,
  1.3671875, -0.31275571000389846, 1.5688303180062087e-15,
  1.359375, -0.3070250352949415, 2.9655274673691784e-14,
  1.3515625, -0.3012613305781997, 3.7923164802093147e-14,
  1.34375, -0.2954642128938758, 3.993416384387844e-14,
  1.3359375, -0.28963329258306203, 1.9352855826489123e-14,
  1.3359375, -0.28963329258306203, 1.9352855826489123e-14,
  1.328125, -0.28376817313062475, -1.9852665484979036e-14,
  1.3203125, -0.27786845100342816, -2.814323765595281e-14,
  1.3125, -0.2719337154836694, 2.7643769993528702e-14,
  1.3046875, -0.2659635484970977, -4.025092402293806e-14,
  1.296875, -0.25995752443691345, -1.2621729398885316e-14,
  1.2890625, -0.25391520998095984, -3.600176732637335e-15,
  1.2890625, -0.25391520998095984, -3.600176732637335e-15,
  1.28125, -0.2478361639045943, 1.3029797173308663e-14,
  1.2734375, -0.2417199368871934, 4.8230289429940886e-14,
  1.265625, -0.23556607131274632, -2.0592242769647135e-14,
  1.2578125, -0.22937410106487732, 3.149265065191484e-14,
  1.25, -0.22314355131425145, 4.169796584527195e-14,
  1.25, -0.22314355131425145, 4.169796584527195e-14,
  1.2421875, -0.21687393830063684, 2.2477465222466186e-14,
  1.234375, -0.21056476910735, 3.6507188831790577e-16,
  1.2265625, -0.2042155414286526, -3.827767260205414e-14,
  1.2265625, -0.2042155414286526, -3.827767260205414e-14,
  1.21875, -0.19782574332987224, -4.7641388950792196e-14,
  1.2109375, -0.19139485299967873, 4.9278276214647115e-14,
  1.203125, -0.18492233849406148, 4.9485167661250996e-14,
  1.203125, -0.18492233849406148, 4.9485167661250996e-14,
  1.1953125, -0.1784076574728033, -1.5003333854266542e-14,
  1.1875, -0.17185025692663203, -2.7194441649495324e-14,
  1.1875, -0.17185025692663203, -2.7194441649495324e-14,
  1.1796875, -0.1652495728952772, -2.99659267292569e-14,
  1.171875, -0.15860503017665906, 2.0472357800461955e-14,
  1.171875, -0.15860503017665906, 2.0472357800461955e-14,
  1.1640625, -0.15191604202584585, 3.879296723063646e-15,
  1.15625, -0.1451820098444614, -3.6506824353335045e-14,
  1.1484375, -0.13840232285906495, -5.4183331379008994e-14,
  1.1484375, -0.13840232285906495, -5.4183331379008994e-14,
  1.140625, -0.131576357788731, 1.1729485484531301e-14,
  1.140625, -0.131576357788731, 1.1729485484531301e-14,
  1.1328125, -0.12470347850091912, -3.811763084710266e-14,
  1.125, -0.11778303565643, 4.654729747598445e-14,
  1.125, -0.11778303565643, 4.654729747598445e-14,
  1.1171875, -0.11081436634026431, -2.5799991283069902e-14,
  1.109375, -0.10379679368168127, 3.7700471749674615e-14,
  1.109375, -0.10379679368168127, 3.7700471749674615e-14,
  1.1015625, -0.09672962645856842, 1.7306161136093256e-14,
  1.1015625, -0.09672962645856842, 1.7306161136093256e-14,
  1.09375, -0.089612158689647, -4.012913552726574e-14,
  1.0859375, -0.08244366921110213, 2.7541708360737882e-14,
  1.0859375, -0.08244366921110213, 2.7541708360737882e-14,
  1.078125, -0.07522342123763792, 5.0396178134370583e-14,
  1.078125, -0.07522342123763792, 5.0396178134370583e-14,
  1.0703125, -0.06795066190852594, 1.8195060030168815e-14,
  1.0625, -0.06062462181648698, 5.213620639136504e-14,
  1.0625, -0.06062462181648698, 5.213620639136504e-14,
  1.0546875, -0.053244514518837605, 2.532168943117445e-14,
  1.0546875, -0.053244514518837605, 2.532168943117445e-14,
  1.046875, -0.045809536031242715, -5.148849572685811e-14,
  1.046875, -0.045809536031242715, -5.148849572685811e-14,
  1.0390625, -0.038318864302141264, 4.6652946995830086e-15,
  1.0390625, -0.038318864302141264, 4.6652946995830086e-15,
  1.03125, -0.03077165866670839, -4.529814257790929e-14,
  1.03125, -0.03077165866670839, -4.529814257790929e-14,
  1.0234375, -0.023167059281490765, -4.361324067851568e-14,
  1.015625, -0.015504186535963527, -1.7274567499706107e-15,
  1.015625, -0.015504186535963527, -1.7274567499706107e-15,
  1.0078125, -0.0077821404420319595, -2.298941004620351e-14,
  1.0078125, -0.0077821404420319595, -2.298941004620351e-14,
  1.0, 0.0, 0.0,
  1.0, 0.0, 0.0,
  0.9921875, 0.007843177461040796, -1.4902732911301337e-14,
  0.984375, 0.01574835696817445, -3.527980389655325e-14,
  0.9765625, 0.023716526617363343, -4.730054772033249e-14,
  0.96875, 0.03174869831457272, 7.580310369375161e-15,
  0.9609375, 0.039845908547249564, -4.9893776716773285e-14,
  0.953125, 0.048009219186383234, -2.262629393030674e-14,
  0.9453125, 0.056239718322899535, -2.345674491018699e-14,
  0.94140625, 0.06038051098892083, -1.3352588834854848e-14,
  0.93359375, 0.06871389254808946, -3.765296820388875e-14,
  0.92578125, 0.07711730334438016, 5.1128335719851986e-14,
  0.91796875, 0.08559193033545398, -5.046674438470119e-14,
  0.9140625, 0.08985632912185793, 3.1218748807418837e-15,
  0.90625, 0.09844007281321865, 3.3871241029241416e-14,
  0.8984375, 0.10709813555638448, -1.7376727386423858e-14,
  0.89453125, 0.11145544092528326, 3.957125899799804e-14,
  0.88671875, 0.12022742699821265, -5.2849453521890294e-14,
  0.8828125, 0.12464244520731427, -3.767012502308738e-14,
  0.875, 0.13353139262449076, 3.1859736349078334e-14,
  0.87109375, 0.13800567301939282, 5.0900642926060466e-14,
  0.86328125, 0.14701474296180095, 8.710783796122478e-15,
  0.859375, 0.15154989812720032, 6.157896229122976e-16,
  0.8515625, 0.16068238169043525, 3.821577743916796e-14,
  0.84765625, 0.16528009093906348, 3.9440046718453496e-14,
  0.83984375, 0.17453941635187675, 2.2924522154618074e-14,
  0.8359375, 0.17920142945774842, -3.742530094732263e-14,
  0.83203125, 0.18388527877016259, -2.5223102140407338e-14,
  0.82421875, 0.1933193110035063, -1.0320443688698849e-14,
  0.8203125, 0.19806991376208316, 1.0634128304268335e-14,
  0.8125, 0.20763936477828793, -4.3425422595242564e-14,
  0.80859375, 0.21245865121420593, -1.2527395755711364e-14,
  0.8046875, 0.21730127569003344, -5.204008743405884e-14,
  0.80078125, 0.22216746534115828, -3.979844515951702e-15,
  0.79296875, 0.2319714654378231, -4.7955860343296286e-14,
  0.7890625, 0.2369097470783572, 5.015686013791602e-16,
  0.78515625, 0.24187253642048745, -7.252318953240293e-16,
  0.78125, 0.2468600779315011, 2.4688324156011588e-14,
  0.7734375, 0.2569104137850218, 5.465121253624792e-15,
  0.76953125, 0.26197371574153294, 4.102651071698446e-14,
  0.765625, 0.2670627852490952, -4.996736502345936e-14,
  0.76171875, 0.27217788591576664, 4.903580708156347e-14,
  0.7578125, 0.27731928541618345, 5.089628039500759e-14,
  0.75390625, 0.28248725557466514, 1.1782016386565151e-14,
  0.74609375, 0.29290401643288533, 4.727452940514406e-14,
  0.7421875, 0.29815337231912054, -4.4204083338755686e-14,
  0.73828125, 0.3034304294199046, 1.548345993498083e-14,
  0.734375, 0.30873548164959175, 2.1522127491642888e-14,
  0.73046875, 0.3140688276249648, 1.1054030169005386e-14,
  0.7265625, 0.31943077076641657, -5.534326352070679e-14,
  0.72265625, 0.3248216194012912, -5.351646604259541e-14,
  0.71875, 0.33024168687052224, 5.4612144489920215e-14,
  0.71484375, 0.3356912916381134, 2.8136969901227338e-14,
  0.7109375, 0.3411707574027787, -1.156568624616423e-14,
]);

// glibc __exp_data.tab as 32-bit words: for k = 0..127, hi and lo of tab[2k] = asuint64(T[k]),
// then hi and lo of tab[2k+1] = asuint64(H[k]) - (k << 45), with 2^(k/128) ~= H[k] * (1 + T[k])
const EXP_TAB = new Uint32Array([
  0x00000000, 0x00000000, 0x3ff00000, 0x00000000,
  0x3c9b3b4f, 0x1a88bf6e, 0x3feff63d, 0xa9fb3335,
  0xbc716013, 0x9cd8dc5d, 0x3fefec9a, 0x3e778061,
  0xbc905e7a, 0x108766d1, 0x3fefe315, 0xe86e7f85,
  0x3c8cd252, 0x3567f613, 0x3fefd9b0, 0xd3158574,
  0xbc8bce80, 0x23f98efa, 0x3fefd06b, 0x29ddf6de,
  0x3c60f74e, 0x61e6c861, 0x3fefc745, 0x18759bc8,
  0x3c90a3e4, 0x5b33d399, 0x3fefbe3e, 0xcac6f383,
  0x3c979aa6, 0x5d837b6d, 0x3fefb558, 0x6cf9890f,
  0x3c8eb51a, 0x92fdeffc, 0x3fefac92, 0x2b7247f7,
  0x3c3ebe3d, 0x702f9cd1, 0x3fefa3ec, 0x32d3d1a2,
  0xbc6a0334, 0x89906e0b, 0x3fef9b66, 0xaffed31b,
  0xbc955652, 0x2a2fbd0e, 0x3fef9301, 0xd0125b51,
  0xbc5080ef, 0x8c4eea55, 0x3fef8abd, 0xc06c31cc,
  0xbc91c923, 0xb9d5f416, 0x3fef829a, 0xaea92de0,
  0x3c80d3e3, 0xe95c55af, 0x3fef7a98, 0xc8a58e51,
  0xbc801b15, 0xeaa59348, 0x3fef72b8, 0x3c7d517b,
  0xbc8f1ff0, 0x55de323d, 0x3fef6af9, 0x388c8dea,
  0x3c8b898c, 0x3f1353bf, 0x3fef635b, 0xeb6fcb75,
  0xbc96d99c, 0x7611eb26, 0x3fef5be0, 0x84045cd4,
  0x3c9aecf7, 0x3e3a2f60, 0x3fef5487, 0x3168b9aa,
  0xbc8fe782, 0xcb86389d, 0x3fef4d50, 0x22fcd91d,
  0x3c8a6f41, 0x44a6c38d, 0x3fef463b, 0x88628cd6,
  0x3c807a05, 0xb0e4047d, 0x3fef3f49, 0x917ddc96,
  0x3c968efd, 0xe3a8a894, 0x3fef387a, 0x6e756238,
  0x3c875e18, 0xf274487d, 0x3fef31ce, 0x4fb2a63f,
  0x3c80472b, 0x981fe7f2, 0x3fef2b45, 0x65e27cdd,
  0xbc96b87b, 0x3f71085e, 0x3fef24df, 0xe1f56381,
  0x3c82f7e1, 0x6d09ab31, 0x3fef1e9d, 0xf51fdee1,
  0xbc3d219b, 0x1a6fbffa, 0x3fef187f, 0xd0dad990,
  0x3c8b3782, 0x720c0ab4, 0x3fef1285, 0xa6e4030b,
  0x3c6e1492, 0x89cecb8f, 0x3fef0caf, 0xa93e2f56,
  0x3c834d75, 0x4db0abb6, 0x3fef06fe, 0x0a31b715,
  0x3c864201, 0xe2ac744c, 0x3fef0170, 0xfc4cd831,
  0x3c8fdd39, 0x5dd3f84a, 0x3feefc08, 0xb26416ff,
  0xbc86a380, 0x3b8e5b04, 0x3feef6c5, 0x5f929ff1,
  0xbc924aed, 0xcc4b5068, 0x3feef1a7, 0x373aa9cb,
  0xbc9907f8, 0x1b512d8e, 0x3feeecae, 0x6d05d866,
  0xbc71d1e8, 0x3e9436d2, 0x3feee7db, 0x34e59ff7,
  0xbc991919, 0xb3ce1b15, 0x3feee32d, 0xc313a8e5,
  0x3c859f48, 0xa72a4c6d, 0x3feedea6, 0x4c123422,
  0xbc931260, 0x7a28698a, 0x3feeda45, 0x04ac801c,
  0xbc58a78f, 0x4817895b, 0x3feed60a, 0x21f72e2a,
  0xbc7c2c9b, 0x67499a1b, 0x3feed1f5, 0xd950a897,
  0x3c4363ed, 0x60c2ac11, 0x3feece08, 0x6061892d,
  0x3c966609, 0x3b0664ef, 0x3feeca41, 0xed1d0057,
  0x3c6ecce1, 0xdaa10379, 0x3feec6a2, 0xb5c13cd0,
  0x3c93ff8e, 0x3f0f1230, 0x3feec32a, 0xf0d7d3de,
  0x3c7690ce, 0xbb7aafb0, 0x3feebfda, 0xd5362a27,
  0x3c931dbd, 0xeb54e077, 0x3feebcb2, 0x99fddd0d,
  0xbc8f9434, 0x0071a38e, 0x3feeb9b2, 0x769d2ca7,
  0xbc87decc, 0xdc93a349, 0x3feeb6da, 0xa2cf6642,
  0xbc78dec6, 0xbd0f385f, 0x3feeb42b, 0x569d4f82,
  0xbc861246, 0xec7b5cf6, 0x3feeb1a4, 0xca5d920f,
  0x3c933505, 0x18fdd78e, 0x3feeaf47, 0x36b527da,
  0x3c7b98b7, 0x2f8a9b05, 0x3feead12, 0xd497c7fd,
  0x3c9063e1, 0xe21c5409, 0x3feeab07, 0xdd485429,
  0x3c34c785, 0x5019c6ea, 0x3feea926, 0x8a5946b7,
  0x3c9432e6, 0x2b64c035, 0x3feea76f, 0x15ad2148,
  0xbc8ce44a, 0x6199769f, 0x3feea5e1, 0xb976dc09,
  0xbc8c33c5, 0x3bef4da8, 0x3feea47e, 0xb03a5585,
  0xbc845378, 0x892be9ae, 0x3feea346, 0x34ccc320,
  0xbc93cedd, 0x78565858, 0x3feea238, 0x82552225,
  0x3c5710aa, 0x807e1964, 0x3feea155, 0xd44ca973,
  0xbc93b3ef, 0xbf5e2228, 0x3feea09e, 0x667f3bcd,
  0xbc6a12ad, 0x8734b982, 0x3feea012, 0x750bdabf,
  0xbc6367ef, 0xb86da9ee, 0x3fee9fb2, 0x3c651a2f,
  0xbc80dc3d, 0x54e08851, 0x3fee9f7d, 0xf9519484,
  0xbc781f64, 0x7e5a3ecf, 0x3fee9f75, 0xe8ec5f74,
  0xbc86ee4a, 0xc08b7db0, 0x3fee9f9a, 0x48a58174,
  0xbc861932, 0x1e55e68a, 0x3fee9feb, 0x564267c9,
  0x3c909ccb, 0x5e09d4d3, 0x3feea069, 0x4fde5d3f,
  0xbc7b32dc, 0xb94da51d, 0x3feea114, 0x73eb0187,
  0x3c94ecfd, 0x5467c06b, 0x3feea1ed, 0x0130c132,
  0x3c65ebe1, 0xabd66c55, 0x3feea2f3, 0x36cf4e62,
  0xbc88a1c5, 0x2fb3cf42, 0x3feea427, 0x543e1a12,
  0xbc9369b6, 0xf13b3734, 0x3feea589, 0x994cce13,
  0xbc805e84, 0x3a19ff1e, 0x3feea71a, 0x4623c7ad,
  0xbc94d450, 0xd872576e, 0x3feea8d9, 0x9b4492ed,
  0x3c90ad67, 0x5b0e8a00, 0x3feeaac7, 0xd98a6699,
  0x3c8db72f, 0xc1f0eab4, 0x3feeace5, 0x422aa0db,
  0xbc65b660, 0x9cc5e7ff, 0x3feeaf32, 0x16b5448c,
  0x3c7bf683, 0x59f35f44, 0x3feeb1ae, 0x99157736,
  0xbc93091f, 0xa71e3d83, 0x3feeb45b, 0x0b91ffc6,
  0xbc5da9b8, 0x8b6c1e29, 0x3feeb737, 0xb0cdc5e5,
  0xbc6c23f9, 0x7c90b959, 0x3feeba44, 0xcbc8520f,
  0xbc924343, 0x22f4f9aa, 0x3feebd82, 0x9fde4e50,
  0xbc85ca6c, 0xd7668e4b, 0x3feec0f1, 0x70ca07ba,
  0x3c71affc, 0x2b91ce27, 0x3feec491, 0x82a3f090,
  0x3c6dd235, 0xe10a73bb, 0x3feec863, 0x19e32323,
  0xbc87c504, 0x22622263, 0x3feecc66, 0x7b5de565,
  0x3c8b1c86, 0xe3e231d5, 0x3feed09b, 0xec4a2d33,
  0xbc91bbd1, 0xd3bcbb15, 0x3feed503, 0xb23e255d,
  0x3c90cc31, 0x9cee31d2, 0x3feed99e, 0x1330b358,
  0x3c846984, 0x6e735ab3, 0x3feede6b, 0x5579fdbf,
  0xbc82dfcd, 0x978e9db4, 0x3feee36b, 0xbfd3f37a,
  0x3c8c1a77, 0x92cb3387, 0x3feee89f, 0x995ad3ad,
  0xbc907b8f, 0x4ad1d9fa, 0x3feeee07, 0x298db666,
  0xbc55c3d9, 0x56dcaeba, 0x3feef3a2, 0xb84f15fb,
  0xbc90a40e, 0x3da6f640, 0x3feef972, 0x8de5593a,
  0xbc68d6f4, 0x38ad9334, 0x3feeff76, 0xf2fb5e47,
  0xbc91eee2, 0x6b588a35, 0x3fef05b0, 0x30a1064a,
  0x3c74ffd7, 0x0a5fddcd, 0x3fef0c1e, 0x904bc1d2,
  0xbc91bdfb, 0xfa9298ac, 0x3fef12c2, 0x5bd71e09,
  0x3c736eae, 0x30af0cb3, 0x3fef199b, 0xdd85529c,
  0x3c8ee332, 0x5c9ffd94, 0x3fef20ab, 0x5fffd07a,
  0x3c84e08f, 0xd10959ac, 0x3fef27f1, 0x2e57d14b,
  0x3c63cdaf, 0x384e1a67, 0x3fef2f6d, 0x9406e7b5,
  0x3c676b2c, 0x6c921968, 0x3fef3720, 0xdcef9069,
  0xbc808a18, 0x83ccb5d2, 0x3fef3f0b, 0x555dc3fa,
  0xbc8fad5d, 0x3ffffa6f, 0x3fef472d, 0x4a07897c,
  0xbc900dae, 0x3875a949, 0x3fef4f87, 0x080d89f2,
  0x3c74a385, 0xa63d07a7, 0x3fef5818, 0xdcfba487,
  0xbc82919e, 0x2040220f, 0x3fef60e3, 0x16c98398,
  0x3c8e5a50, 0xd5c192ac, 0x3fef69e6, 0x03db3285,
  0x3c843a59, 0xac016b4b, 0x3fef7321, 0xf301b460,
  0xbc82d521, 0x07b43e1f, 0x3fef7c97, 0x337b9b5f,
  0xbc892ab9, 0x3b470dc9, 0x3fef8646, 0x14f5a129,
  0x3c74b604, 0x603a88d3, 0x3fef902e, 0xe78b3ff6,
  0x3c83c5ec, 0x519d7271, 0x3fef9a51, 0xfbc74c83,
  0xbc8ff712, 0x8fd391f0, 0x3fefa4af, 0xa2a490da,
  0xbc8dae98, 0xe223747d, 0x3fefaf48, 0x2d8e67f1,
  0x3c8ec3bc, 0x41aa2008, 0x3fefba1b, 0xee615a27,
  0x3c842b94, 0xc3a9eb32, 0x3fefc52b, 0x376bba97,
  0x3c8a64a9, 0x31d185ee, 0x3fefd076, 0x5b6e4540,
  0xbc8e37ba, 0xe43be3ed, 0x3fefdbfd, 0xad9cbe14,
  0x3c77893b, 0x4d91cd9d, 0x3fefe7c1, 0x819e90d8,
  0x3c5305c1, 0x4160cc89, 0x3feff3c2, 0x2b8f71f1,
]);

// Derived tables, computed once at load: Veltkamp halves of log's invc, and the
// exp table as T[k], the words of asuint64(H[k]) - (k << 45), and H[k] itself.
for (let i = 0; i < 128; i++) {
  const c = LOG_TAB[2 * i];
  const s = c * SPLIT;
  LOG_INVC_H[i] = s - (s - c);
  LOG_INVC_L[i] = c - LOG_INVC_H[i];
  u32[HI] = EXP_TAB[4 * i];
  u32[LO] = EXP_TAB[4 * i + 1];
  EXP_T[i] = f64[0];
  EXP_SHI[i] = EXP_TAB[4 * i + 2] | 0;
  EXP_SLO[i] = EXP_TAB[4 * i + 3] | 0;
  u32[HI] = EXP_TAB[4 * i + 2] + (i << 13);
  u32[LO] = EXP_TAB[4 * i + 3];
  EXP_H[i] = f64[0];
}
