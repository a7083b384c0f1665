/**
 * Correctly rounded fused multiply-add for doubles: fma(a, b, c) = RN(a*b + c)
 * with a single rounding (round-to-nearest-even), exactly like C's fma() and
 * the x86 vfmadd instructions. JS has no Math.fma, so it is emulated:
 *
 *   1. (ph, pl) = a*b exactly, Dekker's TwoProduct with Veltkamp splitting;
 *   2. (th, tl) = c + ph exactly (Knuth's TwoSum);
 *   3. result   = RN(th + RO(tl + pl)), where RO is rounding to odd
 *      (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
 *      proved algorithms using rounding to odd", IEEE TC 57(4), 2008).
 *
 * Step 3 is cheap in practice: with v = RN(tl + pl), RN(th + v) can only
 * differ from RN(th + RO(tl + pl)) when v is inexact AND th + v is exactly a
 * rounding midpoint, which forces v to have at most 4 significant bits
 * (|v| <= 1.5 ulp(th) and v is then a multiple of ulp(th)/4). So only when v
 * has <= 8 significant bits do we compute the rounding error of tl + pl and,
 * if it is nonzero and v is even, move v one ulp towards the exact value.
 *
 * Domain of the fast path: a, b finite, |a|, |b| < 2^996 (the Veltkamp split
 * does not overflow), 2^-965 < |a*b| < 2^1020 (the product error is exact,
 * no partial product underflows) and |c| < 2^1020 (TwoSum cannot overflow).
 * Everything else (zero or non-finite operands, products that underflow or
 * overflow, huge c) goes to an exact BigInt fallback (fmaSlow), which also
 * gets subnormal results, overflow to infinity and signed zeros right.
 * No allocation on the fast path.
 */

const SPLIT = 134217729; // 2^27 + 1, Veltkamp splitter for 26/27-bit halves
const SPLIT8 = 35184372088833; // 2^45 + 1: x*SPLIT8 splits off the top 8 bits
const TWO_M965 = 2 ** -965;
const TWO_1020 = 2 ** 1020;
const TWO_996 = 2 ** 996;
const TWO_M1000 = 2 ** -1000;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the low / high 32-bit word of a double in u32 (platform endianness). */
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** RO(v) when v = RN(exact) and err = exact - v != 0: the odd neighbour of the two around exact. */
function toOdd(v: number, err: number): number {
  f64[0] = v;
  const lo = u32[LO];
  if ((lo & 1) !== 0) return v; // already odd: v is the round-to-odd value
  // even: step one ulp towards the exact value (|v| grows iff err has v's sign)
  if ((v > 0) === (err > 0)) {
    u32[LO] = lo + 1; // lo is even, no carry
  } else if (lo === 0) {
    u32[LO] = 0xffffffff;
    u32[HI] = u32[HI] - 1;
  } else {
    u32[LO] = lo - 1;
  }
  return f64[0];
}

/**
 * RN(th + tl + pl) where th + tl = c + ph exactly (TwoSum) and ph + pl = a*b
 * exactly (pl the TwoProduct error); see the header comment. Needs
 * |th| > 2^-966 whenever tl != 0, true inside fma's fast domain (tl != 0
 * means c + ph was inexact, so |th| >= |ph|/2). If v = tl + pl is subnormal,
 * |v| < ulp(th)/16 and th + v cannot be a midpoint, so skipping RO is fine.
 */
function fmaFinish(th: number, tl: number, pl: number): number {
  const v = tl + pl;
  const t = v * SPLIT8;
  if (t - (t - v) === v) {
    // v has <= 8 significant bits (or is 0): check whether tl + pl was inexact
    const bv = v - tl;
    const err = tl - (v - bv) + (pl - bv);
    if (err !== 0) return th + toOdd(v, err);
  }
  return th + v;
}

/** fma(a, b, c) = a*b + c with a single rounding to nearest-even. */
export function fma(a: number, b: number, c: number): number {
  const ph = a * b;
  const aph = Math.abs(ph);
  if (
    !(aph > TWO_M965 && aph < TWO_1020 && Math.abs(c) < TWO_1020 && Math.abs(a) < TWO_996 && Math.abs(b) < TWO_996)
  ) {
    return fmaSpecial(a, b, c);
  }
  // TwoProduct: ph + pl = a*b exactly
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - ph + ah * bl + al * bh + al * bl;
  // TwoSum: th + tl = c + ph exactly
  const th = c + ph;
  const bb = th - c;
  const tl = c - (th - bb) + (ph - bb);
  return fmaFinish(th, tl, pl);
}

/**
 * fma(a, b, c), exact for all inputs, fast when |a*b| is small next to |c|
 * (polynomial steps like c0 + r*c1 with small r). It rounds a*b up and down
 * by more than its rounding error: with p = RN(a*b) and e = 4u|p| (u = 2^-53),
 * RN(p - e) <= a*b <= RN(p + e), so by monotonicity of rounding
 * RN(c + RN(p - e)) <= RN(a*b + c) <= RN(c + RN(p + e)). When both ends agree
 * that is the fused result; otherwise (probability about 4|a*b|/|c|, or p tiny,
 * zero or not finite) it falls back to fma().
 */
export function fmaSmall(a: number, b: number, c: number): number {
  const p = a * b;
  const e = Math.abs(p) * 4.440892098500626e-16; // 2^-51 = 4u
  const s = c + (p + e);
  if (s === c + (p - e) && e > TWO_M1000) return s;
  return fma(a, b, c);
}

/** Zero / non-finite operands, and everything outside the fast path's domain. */
function fmaSpecial(a: number, b: number, c: number): number {
  if (a !== a || b !== b || c !== c) return NaN;
  if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) {
    // exact product is 0, +-inf or NaN: then a*b + c has the same single rounding
    return a * b + c;
  }
  if (!Number.isFinite(c)) return c; // finite product + inf (even if a*b overflows as a double)
  return fmaSlow(a, b, c);
}

/* ---- exact BigInt fallback ------------------------------------------------ */

let dvM = 0n;
let dvE = 0;
/** Decode a finite nonzero |x| as dvM * 2^dvE, dvM a BigInt integer. */
function decode(x: number): void {
  f64[0] = x;
  const hi = u32[HI];
  const lo = u32[LO];
  const e = (hi >>> 20) & 0x7ff;
  const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (e === 0) {
    dvM = m;
    dvE = -1074;
  } else {
    dvM = m | (1n << 52n);
    dvE = e - 1075;
  }
}

/** Round the exact value M * 2^E (M a signed BigInt) to the nearest double, ties to even. */
function roundExact(M: bigint, E: number, zeroSign: number): number {
  if (M === 0n) return zeroSign;
  const neg = M < 0n;
  let m = neg ? -M : M;
  const n = m.toString(2).length;
  // exponent of the last kept bit: 53 significant bits, but never below 2^-1074
  let e = Math.max(E + n - 53, -1074);
  if (e > E) {
    const sh = BigInt(e - E);
    const rem = m & ((1n << sh) - 1n);
    const half = 1n << (sh - 1n);
    m >>= sh;
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
    if (m === 1n << 53n) {
      m >>= 1n;
      e += 1;
    }
  } else {
    e = E;
  }
  // m < 2^53 and m * 2^e is the rounded value (or overflows to infinity, which is then
  // the correctly rounded result); scale by normal powers of two so every step is exact
  let r = Number(m);
  if (e > 1023) r = r * pow2(1023) * pow2(e - 1023);
  else if (e < -1022) r = r * pow2(-1022) * pow2(e + 1022);
  else r = r * pow2(e);
  return neg ? -r : r;
}

/** 2^e for -1022 <= e <= 1023, built from its bits. */
function pow2(e: number): number {
  u32[HI] = (e + 1023) << 20;
  u32[LO] = 0;
  return f64[0];
}

/**
 * Exact fma with BigInt arithmetic, for a, b, c finite and a, b nonzero (c may
 * be zero). Slow (microseconds); only reached for underflowing or overflowing
 * products and huge operands.
 */
export function fmaSlow(a: number, b: number, c: number): number {
  decode(a);
  let pm = dvM;
  let pe = dvE;
  decode(b);
  pm *= dvM;
  pe += dvE;
  if ((a < 0) !== (b < 0)) pm = -pm;
  if (c === 0) {
    return roundExact(pm, pe, 0); // product is nonzero, so the zero sign never matters
  }
  decode(c);
  let cm = c < 0 ? -dvM : dvM;
  const ce = dvE;
  let E: number;
  if (pe <= ce) {
    cm <<= BigInt(ce - pe);
    E = pe;
  } else {
    pm <<= BigInt(pe - ce);
    E = ce;
  }
  // an exact zero sum of a nonzero product and c is +0 in round-to-nearest
  return roundExact(pm + cm, E, 0);
}
