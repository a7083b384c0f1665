/**
 * Micro benchmark of the glibc-exact ports in src/core/rng/libm.ts against
 * V8's Math.log / Math.pow, on inputs like numpy's legacy samplers produce
 * (U in [0,1), values near 1, pow(U, 1/shape)). Not part of the test suite.
 * Run: npx tsx scripts/bench-libm.ts
 */
import { fma } from '../src/core/rng/fma';
import { log, logReference, pow, powReference } from '../src/core/rng/libm';

const N = 1 << 20;
const U = new Float64Array(N);
const NEAR1 = new Float64Array(N);
let s = 0x9e3779b9;
function u32(): number {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return s >>> 0;
}
for (let i = 0; i < N; i++) {
  U[i] = ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992 || 0.5;
  NEAR1[i] = 1 + (U[i] - 0.5) * 0.12;
}

// One monomorphic loop per case, so call overhead is what a real caller sees.
const cases: [string, (a: Float64Array) => number][] = [
  ['Math.log(U)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += Math.log(a[i]); return t; }],
  ['log(U)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += log(a[i]); return t; }],
  ['Math.log(1+d), |d| < 0.06', (a) => { let t = 0; for (let i = 0; i < N; i++) t += Math.log(a[i]); return t; }],
  ['log(1+d), |d| < 0.06 (near-1 branch)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += log(a[i]); return t; }],
  ['logReference(U)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += logReference(a[i]); return t; }],
  ['Math.pow(U, 1/0.3)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += Math.pow(a[i], 1 / 0.3); return t; }],
  ['pow(U, 1/0.3)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += pow(a[i], 1 / 0.3); return t; }],
  ['pow(U, 64)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += pow(a[i], 64); return t; }],
  ['pow(1+d, 1/0.7)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += pow(a[i], 1 / 0.7); return t; }],
  ['powReference(U, 1/0.3)', (a) => { let t = 0; for (let i = 0; i < N; i++) t += powReference(a[i], 1 / 0.3); return t; }],
  ['fma(U[i], U[i+1], -U[i+2])', (a) => { let t = 0; for (let i = 0; i < N - 2; i++) t += fma(a[i], a[i + 1], -a[i + 2]); return t; }],
];
const inputs = [U, U, NEAR1, NEAR1, U, U, U, U, NEAR1, U, U];

for (let c = 0; c < cases.length; c++) {
  const [name, f] = cases[c];
  const a = inputs[c];
  f(a);
  f(a); // warm up (optimize)
  let reps = 0;
  const t0 = performance.now();
  let dt = 0;
  do {
    f(a);
    reps++;
    dt = performance.now() - t0;
  } while (dt < 1500);
  const ns = (dt * 1e6) / (reps * N);
  console.log(`${name.padEnd(40)} ${(1e3 / ns).toFixed(1).padStart(7)} M calls/s  ${ns.toFixed(1).padStart(6)} ns/call`);
}
