/** A merged request stream: arrival times (sorted) and the model index of each request. */
export interface Arrivals {
  time: Float64Array;
  model: Int32Array;
}

export function emptyArrivals(): Arrivals {
  return { time: new Float64Array(0), model: new Int32Array(0) };
}

/** A growable Float64Array for streams whose length is known only at the end. */
export class Float64Builder {
  private buf: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.buf = new Float64Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = x;
  }
  /**
   * The filled part: a copy when more than a quarter of the buffer would be
   * wasted, a view otherwise (no copy: the gamma streams reserve 1.2x).
   */
  finish(): Float64Array {
    if (this.length === this.buf.length) return this.buf;
    return this.length * 4 >= this.buf.length * 3 ? this.buf.subarray(0, this.length) : this.buf.slice(0, this.length);
  }
}
