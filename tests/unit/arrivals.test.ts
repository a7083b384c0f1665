import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accurateSum } from '../../src/core/sim/stats';
import { generateGammaArrivals, type GammaStreamInfo } from '../../src/core/workload/gammaProcess';
import { readRefJson } from './reference';

interface ArrivalCase {
  rate: number;
  cv: number;
  start: number;
  duration: number;
  seed: number;
  shape: number;
  scale: number;
  batch_size: number;
  refills: number;
  count: number;
  first10: number[];
  last: number;
  sum_fsum: number;
  sha256_float64_le: string;
}

export function sha256Float64(a: Float64Array): string {
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
}

const cases = readRefJson<{ cases: ArrivalCase[] }>('arrivals.json').cases;

describe('GammaProcess.generate_arrivals, bit-exact against arrivals.json (reference doc section 2)', () => {
  it('has the eleven golden cases, three of them refilling the gap batch', () => {
    expect(cases).toHaveLength(11);
    expect(cases.filter((c) => c.refills > 0).length).toBe(3);
  });
  for (const c of cases) {
    it(`rate ${c.rate}, cv ${c.cv}, start ${c.start}, duration ${c.duration}, seed ${c.seed}`, () => {
      const info = {} as GammaStreamInfo;
      const a = generateGammaArrivals(c.rate, c.cv, c.start, c.duration, c.seed, info);
      expect(info.shape).toBe(c.shape);
      expect(info.scale).toBe(c.scale);
      expect(info.batchSize).toBe(c.batch_size);
      expect(info.refills).toBe(c.refills);
      expect(a.length).toBe(c.count);
      expect(Array.from(a.subarray(0, 10))).toEqual(c.first10);
      expect(a[a.length - 1]).toBe(c.last);
      expect(a[0]).toBeGreaterThan(c.start); // the first arrival is start + gap[0], not start
      expect(a[a.length - 1]).toBeLessThan(c.start + c.duration); // strictly below the end
      expect(accurateSum(a)).toBeCloseTo(c.sum_fsum, 6);
      expect(sha256Float64(a)).toBe(c.sha256_float64_le);
    });
  }
});
