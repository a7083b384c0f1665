import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fma, fmaSlow, fmaSmall } from '../../src/core/rng/fma';
import { log, logReference, pow, powReference } from '../../src/core/rng/libm';
import { MT19937 } from '../../src/core/rng/mt19937';
import { powSquarings, squaringsFor } from '../../src/core/rng/powSquarings';

/*
 * Bit-exact checks of the glibc 2.36 log/pow ports and of the emulated fma
 * against vectors produced by the C library itself (scripts/libm-vectors.c,
 * regenerate with scripts/gen-libm-vectors.sh on an FMA machine with glibc 2.36).
 * Fixture layout: "LIBMVEC1", u32 nLog/nPow/nFma/0, then the records as raw
 * little-endian doubles, one category byte per vector, then the category names.
 */

interface Fixture {
  log: Float64Array; // x, log(x)
  pow: Float64Array; // x, y, pow(x, y)
  fma: Float64Array; // a, b, c, fma(a, b, c)
  logCat: Uint8Array;
  powCat: Uint8Array;
  fmaCat: Uint8Array;
  names: { log: string[]; pow: string[]; fma: string[] };
}

function readFixture(): Fixture {
  const buf = readFileSync(new URL('../fixtures/libm-vectors.bin', import.meta.url));
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  expect(buf.subarray(0, 8).toString('latin1')).toBe('LIBMVEC1');
  const nLog = dv.getUint32(8, true);
  const nPow = dv.getUint32(12, true);
  const nFma = dv.getUint32(16, true);
  let off = 24;
  const doubles = (n: number): Float64Array => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++, off += 8) a[i] = dv.getFloat64(off, true);
    return a;
  };
  const log = doubles(2 * nLog);
  const pow = doubles(3 * nPow);
  const fmaV = doubles(4 * nFma);
  const bytes = (n: number): Uint8Array => {
    const a = buf.subarray(off, off + n);
    off += n;
    return new Uint8Array(a);
  };
  const logCat = bytes(nLog);
  const powCat = bytes(nPow);
  const fmaCat = bytes(nFma);
  const names = (): string[] => {
    const n = buf[off++];
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const len = buf[off++];
      out.push(buf.subarray(off, off + len).toString('latin1'));
      off += len;
    }
    return out;
  };
  const nameSets = { log: names(), pow: names(), fma: names() };
  expect(off).toBe(buf.length);
  return { log, pow, fma: fmaV, logCat, powCat, fmaCat, names: nameSets };
}

const bitsView = new DataView(new ArrayBuffer(8));
function hex(x: number): string {
  bitsView.setFloat64(0, x);
  return bitsView.getBigUint64(0).toString(16).padStart(16, '0');
}
/** Bit equality; every NaN equals every NaN (glibc's NaN payloads are not reproduced). */
function same(a: number, b: number): boolean {
  return Object.is(a, b) || (a !== a && b !== b);
}
/** Collects mismatches as readable strings; the test expects none. */
class Mismatches {
  readonly list: string[] = [];
  count = 0;
  add(s: string): void {
    if (this.count++ < 20) this.list.push(s);
  }
  summary(): string[] {
    return this.count > this.list.length ? [...this.list, `... ${this.count} in total`] : this.list;
  }
}

const fx = readFixture();

describe('fixture', () => {
  it('has the required coverage', () => {
    expect(fx.log.length / 2).toBeGreaterThanOrEqual(20000);
    expect(fx.pow.length / 3).toBeGreaterThanOrEqual(20000);
    expect(fx.fma.length / 4).toBeGreaterThanOrEqual(2000);
    for (const cat of ['uniform53 U in [0,1)', '1-U', 'near 1, inside the |x-1| branch', 'subnormal']) {
      expect(fx.names.log).toContain(cat);
    }
  });
});

describe('fma (emulated fused multiply-add) against C fma()', () => {
  it('known hard cases', () => {
    // double rounding in the naive a*b + c: 1 + 2^-53 + 2^-106 - 2^-158 is a hair above the midpoint
    expect(fma(1 + 2 ** -52, 2 ** -53 * (1 - 2 ** -53), 1)).toBe(1 + 2 ** -52);
    expect((1 + 2 ** -52) * (2 ** -53 * (1 - 2 ** -53)) + 1).toBe(1);
    // the exact product error, which a*b + c loses entirely
    expect(fma(1 + 2 ** -52, 1 + 2 ** -52, -(1 + 2 ** -51))).toBe(2 ** -104);
    expect(fma(1 + 2 ** -27, 1 - 2 ** -27, -1)).toBe(-(2 ** -54));
    // a*b overflows as a double, the fused result does not
    expect(fma(2 ** 1023, 2, -(2 ** 1023))).toBe(2 ** 1023);
    // finite product + infinity, subnormal results, signed zeros
    expect(fma(2 ** 1000, 2 ** 100, -Infinity)).toBe(-Infinity);
    expect(fma(2 ** -1022, 2 ** -52, 2 ** -1074)).toBe(2 ** -1073);
    expect(Object.is(fma(-(2 ** -1000), 2 ** -100, 0), -0)).toBe(true);
    expect(Object.is(fma(1, -0, -0), -0)).toBe(true);
    expect(Object.is(fma(1, 1, -1), 0)).toBe(true);
    expect(fma(Infinity, 0, 1)).toBeNaN();
  });

  it('every fixture vector, fma() and fmaSmall(), bit for bit', () => {
    const v = fx.fma;
    const bad = new Mismatches();
    let naiveDiffers = 0;
    for (let i = 0; i < v.length; i += 4) {
      const [a, b, c, r] = [v[i], v[i + 1], v[i + 2], v[i + 3]];
      const cat = fx.names.fma[fx.fmaCat[i / 4]];
      if (!same(fma(a, b, c), r)) bad.add(`fma(${hex(a)}, ${hex(b)}, ${hex(c)}) = ${hex(fma(a, b, c))}, C: ${hex(r)} [${cat}]`);
      if (!same(fmaSmall(a, b, c), r)) bad.add(`fmaSmall(${hex(a)}, ${hex(b)}, ${hex(c)}) = ${hex(fmaSmall(a, b, c))}, C: ${hex(r)}`);
      if (!same(a * b + c, r)) naiveDiffers++;
    }
    expect(bad.summary()).toEqual([]);
    // the vectors are hard: the unfused a*b + c gets many of them wrong
    expect(naiveDiffers).toBeGreaterThan(1500);
  });

  it('the BigInt fallback agrees on every finite vector', () => {
    const v = fx.fma;
    const bad = new Mismatches();
    for (let i = 0; i < v.length; i += 4) {
      const [a, b, c, r] = [v[i], v[i + 1], v[i + 2], v[i + 3]];
      if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || a === 0 || b === 0) continue;
      if (!same(fmaSlow(a, b, c), r)) bad.add(`fmaSlow(${hex(a)}, ${hex(b)}, ${hex(c)}) = ${hex(fmaSlow(a, b, c))}, C: ${hex(r)}`);
    }
    expect(bad.summary()).toEqual([]);
  });
});

describe('log, bit-exact against glibc 2.36 __ieee754_log_fma', () => {
  for (const [name, f] of [
    ['log', log],
    ['logReference', logReference],
  ] as const) {
    it(`${name}: all ${fx.log.length / 2} vectors`, () => {
      const v = fx.log;
      const bad = new Mismatches();
      for (let i = 0; i < v.length; i += 2) {
        const got = f(v[i]);
        if (!same(got, v[i + 1])) {
          bad.add(`${name}(${hex(v[i])}) = ${hex(got)}, glibc ${hex(v[i + 1])} [${fx.names.log[fx.logCat[i / 2]]}]`);
        }
      }
      expect(bad.summary()).toEqual([]);
    });
  }

  it('Math.log is not good enough (why this port exists)', () => {
    let differs = 0;
    for (let i = 0; i < fx.log.length; i += 2) if (!same(Math.log(fx.log[i]), fx.log[i + 1])) differs++;
    expect(differs).toBeGreaterThan(0);
  });
});

describe('pow, bit-exact against glibc 2.36 __ieee754_pow_fma', () => {
  for (const [name, f] of [
    ['pow', pow],
    ['powReference', powReference],
  ] as const) {
    it(`${name}: all ${fx.pow.length / 3} vectors`, () => {
      const v = fx.pow;
      const bad = new Mismatches();
      for (let i = 0; i < v.length; i += 3) {
        const got = f(v[i], v[i + 1]);
        if (!same(got, v[i + 2])) {
          bad.add(
            `${name}(${hex(v[i])}, ${hex(v[i + 1])}) = ${hex(got)}, glibc ${hex(v[i + 2])} [${fx.names.pow[fx.powCat[i / 3]]}]`,
          );
        }
      }
      expect(bad.summary()).toEqual([]);
    });
  }

  it('special cases', () => {
    expect(pow(NaN, 0)).toBe(1);
    expect(pow(1, NaN)).toBe(1);
    expect(pow(-1, Infinity)).toBe(1);
    expect(pow(-2, 0.5)).toBeNaN();
    expect(Object.is(pow(-0, 3), -0)).toBe(true);
    expect(pow(-0, -3)).toBe(-Infinity);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(0.5, 1100)).toBe(0);
    expect(pow(2, 1024)).toBe(Infinity);
  });
});

describe('fast paths agree with the reference transliterations', () => {
  // xorshift128+-style generator for reproducible inputs (no Math.random)
  let s0 = 0x12345678;
  let s1 = 0x9abcdef0;
  const next32 = (): number => {
    let t = s0;
    const u = s1;
    s0 = u;
    t ^= t << 11;
    t ^= t >>> 8;
    s1 = (t ^ u ^ (u >>> 19)) >>> 0;
    return s1;
  };
  const uniform = (): number => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;

  it('log on 200k inputs (U, 1-U, near 1, wide range)', () => {
    const bad = new Mismatches();
    const dv = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 200000; i++) {
      let x: number;
      switch (i & 3) {
        case 0:
          x = uniform();
          break;
        case 1:
          x = 1 - uniform();
          break;
        case 2:
          x = 1 + (uniform() - 0.5) * 0.13;
          break;
        default:
          dv.setUint32(0, next32() & 0x7fefffff);
          dv.setUint32(4, next32());
          x = dv.getFloat64(0);
      }
      if (!same(log(x), logReference(x))) bad.add(`log(${hex(x)}) = ${hex(log(x))}, reference ${hex(logReference(x))}`);
    }
    expect(bad.summary()).toEqual([]);
  });

  it('pow on 100k inputs (numpy gamma shapes, near 1, near overflow/underflow)', () => {
    const bad = new Mismatches();
    const ys = [64, 16, 9, 4, 1 / 0.7, 2.5, 1 / 0.3];
    for (let i = 0; i < 100000; i++) {
      let x: number;
      let y: number;
      switch (i & 3) {
        case 0:
          x = uniform();
          y = ys[i % 7];
          break;
        case 1:
          x = 1 + (uniform() - 0.5) * 0.3;
          y = ys[i % 7] * (1 + uniform());
          break;
        case 2:
          x = uniform() * 4 + 1e-3;
          y = ((uniform() * 2 - 1) * 1100) / Math.log2(x);
          break;
        default:
          x = 1 + (uniform() - 0.5) * 2 ** -(next32() % 50);
          y = (uniform() - 0.5) * 2 ** (next32() % 60);
      }
      if (!same(pow(x, y), powReference(x, y))) {
        bad.add(`pow(${hex(x)}, ${hex(y)}) = ${hex(pow(x, y))}, reference ${hex(powReference(x, y))}`);
      }
    }
    expect(bad.summary()).toEqual([]);
  });
});

describe('powSquarings (x^(2^k) by double-double squarings) agrees with pow bit for bit', () => {
  it('takes exactly the exponents 2, 4, ..., 64', () => {
    expect([2, 4, 8, 16, 32, 64].map(squaringsFor)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const y of [0, 1, 3, 9, 16.000000000000004, 128, -16, NaN]) expect(squaringsFor(y), String(y)).toBe(0);
  });

  it('on 1.2 million inputs: sampler-like u in [0, 1), tiny x (large |y log x|), bases above 1', () => {
    // a scratch run of 60 million such inputs found no difference either; glibc itself was off the
    // correctly rounded result only within 0.0066 ulp of a midpoint, five times inside the 1/32 ulp margin
    const mt = new MT19937(2024);
    let differ = 0;
    for (let i = 0; i < 1_200_000; i++) {
      const k = 1 + (i % 6);
      const sel = i % 10;
      const x =
        sel < 6 ? mt.nextDouble() : sel < 8 ? mt.nextDouble() * 2 ** -(1 + (mt.nextUint32() % 52)) : 1 + mt.nextDouble() * 40;
      if (powSquarings(x, k) !== pow(x, 2 ** k)) differ++;
    }
    expect(differ).toBe(0);
  });

  it("on every fixture vector with y = 2^k, against glibc's own results", () => {
    const v = fx.pow;
    let checked = 0;
    for (let i = 0; i < v.length; i += 3) {
      const k = squaringsFor(v[i + 1]);
      if (k === 0) continue;
      checked++;
      expect(same(powSquarings(v[i], k), v[i + 2]), `${hex(v[i])}^${v[i + 1]}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('special and edge inputs go to the exact port', () => {
    const xs = [0, -0, 5e-324, 2 ** -1022, 2 ** -60, 0.5, 1, 2, 2 ** 500, 2 ** 961, 1e300, Infinity, -Infinity, -0.5, -3, NaN];
    for (const x of xs) {
      for (let k = 1; k <= 6; k++) expect(Object.is(powSquarings(x, k), pow(x, 2 ** k)), `${x}^${2 ** k}`).toBe(true);
    }
  });
});

