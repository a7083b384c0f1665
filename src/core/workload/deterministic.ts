/**
 * Deterministic ticks: start + k / rate for k = 0 .. int(duration * rate) - 1
 * (reference doc section 2 and the scenario format; the reference's own class
 * cannot be instantiated, and its body uses start + k * (1 / rate), which can
 * differ in the last bit: the docs' k / rate is what we follow).
 */
export function generateDeterministicArrivals(rate: number, start: number, duration: number): Float64Array {
  if (!(rate > 0)) return new Float64Array(0);
  const n = Math.trunc(duration * rate);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = start + k / rate;
  return out;
}
