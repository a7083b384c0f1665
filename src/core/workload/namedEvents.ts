/**
 * Events read from a log or trace, in file order: a time and a name per event,
 * kept compactly as a growable Float64Array of times and an Int32Array of name
 * ids, names numbered by first appearance. Shared by the request-log and MAF2
 * builders.
 */
export class NamedEvents {
  times: Float64Array;
  ids: Int32Array;
  /** events so far */
  n = 0;
  /** names in first-seen order (id = position) */
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  /** The id of a name, numbering it when it is new. */
  idOf(name: string): number {
    let id = this.index.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.index.set(name, id);
    }
    return id;
  }

  push(t: number, id: number): void {
    if (this.n === this.times.length) {
      const times = new Float64Array(this.times.length * 2);
      times.set(this.times);
      this.times = times;
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.times[this.n] = t;
    this.ids[this.n++] = id;
  }

  /** Let go of the buffers (after the caller has copied what it keeps). */
  release(): void {
    this.times = new Float64Array(0);
    this.ids = new Int32Array(0);
  }
}
