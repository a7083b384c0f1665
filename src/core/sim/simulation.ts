/**
 * A steppable run of the fast simulator over one arrival stream: the same
 * kernel the CLI and the searches use, advanced in steps so a UI can show
 * progress, stop at a time, or record a window of per-request events.
 */
import type { Arrivals } from '../workload/arrivals';
import { runBatchingKernel } from './batching';
import type { CompiledPlacement } from './compile';
import { newKernelState, runKernel, type KernelState } from './kernel';
import { segmentBounds } from './segments';

export interface SimulationInput {
  arrivals: Arrivals;
  slo: Float64Array;
  numModels: number;
  /** one entry for a single placement; one per segment otherwise */
  placements: CompiledPlacement[];
  segmentStarts: number[];
  batching: boolean;
}

export class Simulation {
  readonly input: SimulationInput;
  readonly finish: Float64Array;
  readonly good: Uint8Array;
  readonly bounds: Int32Array;
  readonly states: KernelState[];
  /** index of the next request to serve */
  next = 0;

  constructor(input: SimulationInput) {
    this.input = input;
    const n = input.arrivals.time.length;
    this.finish = new Float64Array(n);
    this.good = new Uint8Array(n);
    this.bounds = segmentBounds(input.arrivals.time, input.segmentStarts);
    this.states = input.placements.map(newKernelState);
  }

  get total(): number {
    return this.input.arrivals.time.length;
  }

  get done(): boolean {
    return this.next >= this.total;
  }

  /** Serve requests up to (excluding) index `end`, segment by segment. */
  advanceTo(end: number): void {
    const { arrivals, slo, placements, batching } = this.input;
    end = Math.min(end, this.total);
    while (this.next < end) {
      const seg = this.segmentOf(this.next);
      const segEnd = this.bounds[seg + 1];
      if (batching) {
        // the batching variant serves a segment in one go (its queues span the segment)
        runBatchingKernel(placements[seg], this.states[seg], slo, arrivals.time, arrivals.model, this.finish, this.good, this.next, segEnd);
        this.next = segEnd;
        continue;
      }
      const stop = Math.min(end, segEnd);
      runKernel(placements[seg], this.states[seg], slo, arrivals.time, arrivals.model, this.finish, this.good, this.next, stop);
      this.next = stop;
    }
  }

  /** Serve every request that arrives at or before time t. */
  runUntil(t: number): void {
    this.advanceTo(upperBound(this.input.arrivals.time, t));
  }

  runToEnd(): void {
    this.advanceTo(this.total);
  }

  segmentOf(i: number): number {
    const b = this.bounds;
    let s = 0;
    while (s + 1 < b.length - 1 && b[s + 1] <= i) s++;
    return s;
  }
}

/** First index whose value is > t. */
export function upperBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

