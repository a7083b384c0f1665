/**
 * numpy's float64 summation as the reference's numpy 1.24 does it. The
 * expected sums come from Python: Debian's python3-numpy 1.24.2 and pip's
 * numpy 2.4.6 on the array below (30000 elements: more than numpy's 8192
 * buffer), printed with repr(a.sum()).
 */
import { describe, expect, it } from 'vitest';
import { meanNumpy, pairwiseSum, sumNumpy } from '../../src/core/numeric/numpySum';

const a = Float64Array.from({ length: 30000 }, (_, i) => (1.0 / (i + 1)) * (i % 2 ? 1e8 : 1.0) * (i % 3 === 0 ? -1 : 1));

describe('numpy summation', () => {
  it('sums within buffers of 8192 as numpy 1.24 (181804026.6824428; numpy 2.4 gives 181804026.68244284)', () => {
    expect(sumNumpy(a)).toBe(181804026.6824428);
    expect(meanNumpy(a)).toBe(6060.134222748094);
    // numpy 2.x: one pairwise sum over the whole contiguous array
    expect(pairwiseSum(a)).toBe(181804026.68244284);
  });
  it('below one buffer both numpy versions agree', () => {
    expect(sumNumpy(a.subarray(0, 1000))).toBe(125066930.92082807);
    expect(sumNumpy(new Float64Array(0))).toBe(0);
  });
});
