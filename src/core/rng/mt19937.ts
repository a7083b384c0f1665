/**
 * numpy's MT19937 as used by the legacy global RandomState (`np.random.seed(s)`):
 * Matsumoto-Nishimura `init_genrand` seeding and the standard tempering.
 * The state is a plain Uint32Array so a generator is cheap to create and copy.
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
/** 2^-53: multiplying by it is exact, like numpy's division by 9007199254740992 */
const INV_2_53 = 1 / 9007199254740992;

export class MT19937 {
  readonly key = new Uint32Array(N);
  /** the tempered outputs of the current block (tempering done once per block, not per call) */
  private readonly out = new Uint32Array(N);
  pos = N;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** `init_genrand(seed)`; seed must be an integer in [0, 2^32). */
  seed(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer in [0, 2^32 - 1], got ${seed}`);
    }
    const key = this.key;
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      key[i] = s;
      // 1812433253 * (s ^ (s >>> 30)) + i + 1, modulo 2^32
      s = (Math.imul(1812433253, s ^ (s >>> 30)) + i + 1) >>> 0;
    }
    this.pos = N;
  }

  private twist(): void {
    const key = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (key[i] & UPPER) | (key[i + 1] & LOWER);
      key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = (key[i] & UPPER) | (key[i + 1] & LOWER);
      key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (key[N - 1] & UPPER) | (key[0] & LOWER);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    const out = this.out;
    for (let j = 0; j < N; j++) {
      y = key[j];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      out[j] = y;
    }
    this.pos = 0;
  }

  /** Next raw 32-bit output (as a non-negative number). */
  nextUint32(): number {
    if (this.pos >= N) this.twist();
    return this.out[this.pos++];
  }

  /** numpy's legacy double in [0, 1): 53 bits from two consecutive outputs. */
  nextDouble(): number {
    const p = this.pos;
    if (p < N - 1) {
      const out = this.out;
      this.pos = p + 2;
      return ((out[p] >>> 5) * 67108864 + (out[p + 1] >>> 6)) * INV_2_53;
    }
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * INV_2_53;
  }
}
