/**
 * Weights generated on the fly, deterministic from a seed: each tensor draws
 * from its own MT19937 stream, seeded by the measurement seed and the tensor's
 * name, so layer 5 has the same weights whichever stage builds it (a split
 * model computes what the whole model computes). Values are uniform on 4096
 * levels in [-scale, scale]; the table lookup keeps 100-million-parameter
 * layers quick to fill. fp16 values are stored as IEEE binary16 bits.
 */
import { MT19937 } from '../core/rng/mt19937';

const LEVELS = 4096;
const CHUNK = 1 << 14;

/** IEEE 754 binary16 bits of a number, rounded to nearest even (as Float16Array would store it). */
export function float16Bits(x: number): number {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  f32[0] = x;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // inf / NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow -> inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow -> 0
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && (m & 1))) m++;
    return sign | m;
  }
  let h = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++; // may carry into the exponent: still correct
  return sign | h;
}

/** The number a binary16 bit pattern stands for. */
export function float16Value(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** A 32-bit seed for one tensor: FNV-1a of its name, mixed with the measurement seed. */
export function tensorSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function levelTable(type: 'float32' | 'float16', scale: number): Uint8Array {
  if (type === 'float32') {
    const t = new Float32Array(LEVELS);
    for (let i = 0; i < LEVELS; i++) t[i] = scale * (((i + 0.5) / LEVELS) * 2 - 1);
    return new Uint8Array(t.buffer);
  }
  const t = new Uint16Array(LEVELS);
  for (let i = 0; i < LEVELS; i++) t[i] = float16Bits(scale * (((i + 0.5) / LEVELS) * 2 - 1));
  return new Uint8Array(t.buffer);
}

/** Fills `target` (little-endian elements of `type`) with uniform values in [-scale, scale]. */
export function fillUniform(target: Uint8Array, type: 'float32' | 'float16', scale: number, seed: number): void {
  const rng = new MT19937(seed >>> 0);
  if (type === 'float32') {
    const table = new Float32Array(levelTable(type, scale).buffer);
    const chunk = new Float32Array(CHUNK);
    const bytes = new Uint8Array(chunk.buffer);
    const n = target.length / 4;
    for (let start = 0; start < n; start += CHUNK) {
      const m = Math.min(CHUNK, n - start);
      for (let i = 0; i < m; i += 2) {
        const r = rng.nextUint32();
        chunk[i] = table[r & (LEVELS - 1)];
        chunk[i + 1] = table[(r >>> 16) & (LEVELS - 1)]; // past m when m is odd: never copied
      }
      target.set(m === CHUNK ? bytes : bytes.subarray(0, m * 4), start * 4);
    }
    return;
  }
  const table = new Uint16Array(levelTable(type, scale).buffer);
  const chunk = new Uint16Array(CHUNK);
  const bytes = new Uint8Array(chunk.buffer);
  const n = target.length / 2;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    for (let i = 0; i < m; i += 2) {
      const r = rng.nextUint32();
      chunk[i] = table[r & (LEVELS - 1)];
      chunk[i + 1] = table[(r >>> 16) & (LEVELS - 1)];
    }
    target.set(m === CHUNK ? bytes : bytes.subarray(0, m * 2), start * 2);
  }
}

/** Fills `target` with one value repeated (LayerNorm scales and biases). */
export function fillConstant(target: Uint8Array, type: 'float32' | 'float16', value: number): void {
  const n = target.length / (type === 'float32' ? 4 : 2);
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  if (type === 'float32') for (let i = 0; i < n; i++) view.setFloat32(i * 4, value, true);
  else {
    const h = float16Bits(value);
    for (let i = 0; i < n; i++) view.setUint16(i * 2, h, true);
  }
}

/** Deterministic token ids in [0, vocab). */
export function randomTokenIds(count: number, vocab: number, seed: number): BigInt64Array {
  const rng = new MT19937(seed >>> 0);
  const out = new BigInt64Array(count);
  for (let i = 0; i < count; i++) out[i] = BigInt(Math.floor(rng.nextDouble() * vocab));
  return out;
}

/** Deterministic activations, uniform in [-1, 1]: a Float32Array, or Uint16Array of binary16 bits. */
export function randomActivations(count: number, type: 'float32' | 'float16', seed: number): Float32Array | Uint16Array {
  const bytes = new Uint8Array(count * (type === 'float32' ? 4 : 2));
  fillUniform(bytes, type, 1, seed);
  return type === 'float32' ? new Float32Array(bytes.buffer) : new Uint16Array(bytes.buffer);
}
