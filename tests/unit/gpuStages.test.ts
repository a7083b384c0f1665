/** Pipeline stages: contiguous, every layer exactly once, embedding first, head last. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MEASURED_PP, pipelineDegrees, splitLayers } from '../../src/gpu/stages';

describe('splitLayers', () => {
  it('covers every layer exactly once, in contiguous, near-even stages (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 256 }).chain((layers) => fc.tuple(fc.constant(layers), fc.integer({ min: 1, max: layers }))),
        ([layers, pp]) => {
          const stages = splitLayers(layers, pp);
          expect(stages).toHaveLength(pp);
          const seen = new Array<number>(layers).fill(0);
          let next = 0;
          for (const s of stages) {
            expect(s.firstLayer).toBe(next); // contiguous, in order
            expect(s.layerCount).toBeGreaterThanOrEqual(1);
            for (let i = s.firstLayer; i < s.firstLayer + s.layerCount; i++) seen[i]++;
            next = s.firstLayer + s.layerCount;
          }
          expect(seen.every((n) => n === 1)).toBe(true);
          const counts = stages.map((s) => s.layerCount);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          expect(stages.map((s) => s.embedding)).toEqual(stages.map((_, k) => k === 0));
          expect(stages.map((s) => s.head)).toEqual(stages.map((_, k) => k === pp - 1));
        },
      ),
    );
  });

  it('splits the paper models as expected', () => {
    expect(splitLayers(24, 8).map((s) => s.layerCount)).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(splitLayers(10, 4).map((s) => [s.firstLayer, s.layerCount])).toEqual([[0, 3], [3, 3], [6, 2], [8, 2]]);
    expect(splitLayers(5, 1)).toEqual([{ embedding: true, firstLayer: 0, layerCount: 5, head: true }]);
  });

  it('refuses impossible splits with a message', () => {
    expect(() => splitLayers(2, 4)).toThrow('cannot split 2 layers into 4 stages');
    expect(() => splitLayers(0, 1)).toThrow(/layers must be/);
    expect(() => splitLayers(4, 1.5)).toThrow(/pp must be/);
  });

  it('measures pp in {1, 2, 4, 8} as far as the layers allow', () => {
    expect(MEASURED_PP).toEqual([1, 2, 4, 8]);
    expect(pipelineDegrees(24)).toEqual([1, 2, 4, 8]);
    expect(pipelineDegrees(3)).toEqual([1, 2]);
    expect(pipelineDegrees(1)).toEqual([1]);
  });
});
