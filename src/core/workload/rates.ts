/** Rate distributions of the synthetic experiments (reference doc section 2). */

/** Every model gets total / M. */
export function uniformRates(total: number, count: number): number[] {
  return Array.from({ length: count }, () => total / count);
}

/** rate_i proportional to (i + 1)^-exponent (the paper uses 0.5), normalised to sum to `total`. */
export function powerLawRates(total: number, count: number, exponent = 0.5): number[] {
  const w = Array.from({ length: count }, (_, i) => Math.pow(i + 1, -exponent));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (x / sum) * total);
}
