/**
 * Pipeline stages: L layers split into pp contiguous stages that cover every
 * layer exactly once, as even as possible (the first L mod pp stages take one
 * layer more). The embedding goes with the first stage, the head with the last.
 */
import type { StageContent } from './bertGraph';

/** The pipeline degrees measured (one GPU each stage; op = 1). */
export const MEASURED_PP = [1, 2, 4, 8] as const;

export function splitLayers(layers: number, pp: number): StageContent[] {
  if (!Number.isInteger(layers) || layers < 1) throw new RangeError(`layers must be a whole number >= 1, got ${layers}`);
  if (!Number.isInteger(pp) || pp < 1) throw new RangeError(`pp must be a whole number >= 1, got ${pp}`);
  if (pp > layers) throw new RangeError(`cannot split ${layers} layer${layers === 1 ? '' : 's'} into ${pp} stages`);
  const base = Math.floor(layers / pp);
  const extra = layers % pp;
  const out: StageContent[] = [];
  let first = 0;
  for (let k = 0; k < pp; k++) {
    const count = base + (k < extra ? 1 : 0);
    out.push({ embedding: k === 0, firstLayer: first, layerCount: count, head: k === pp - 1 });
    first += count;
  }
  return out;
}

/** The measured degrees a model of `layers` layers can be split into (pp <= layers). */
export function pipelineDegrees(layers: number): number[] {
  return MEASURED_PP.filter((pp) => pp <= layers);
}
