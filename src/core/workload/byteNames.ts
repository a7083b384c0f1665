/**
 * Names read straight from bytes (ASCII trace fields), numbered without
 * decoding a string per row: an open-addressing table keyed by the bytes
 * themselves (FNV-1a hash, then a byte comparison). A name seen for the first
 * time is decoded once and its number taken from `number(name)`, so the ids
 * agree with any other way the same names are numbered (NamedEvents.idOf).
 */
export class ByteNames {
  private slots: Int32Array; // entry index + 1, 0 = empty
  private hashes: Uint32Array = new Uint32Array(64);
  private ids: Int32Array = new Int32Array(64);
  private starts: Int32Array = new Int32Array(65);
  private pool: Uint8Array = new Uint8Array(4096);
  private count = 0;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly number: (name: string) => number) {
    this.slots = new Int32Array(128);
  }

  /** The id of the name in buf[from, to). */
  idOf(buf: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    h >>>= 0;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s];
      if (e === 0) break;
      if (this.hashes[e - 1] === h && this.equals(e - 1, buf, from, to)) return this.ids[e - 1];
    }
    return this.add(h, buf, from, to);
  }

  private equals(e: number, buf: Uint8Array, from: number, to: number): boolean {
    const a = this.starts[e];
    const len = this.starts[e + 1] - a;
    if (len !== to - from) return false;
    const pool = this.pool;
    for (let k = 0; k < len; k++) if (pool[a + k] !== buf[from + k]) return false;
    return true;
  }

  private add(h: number, buf: Uint8Array, from: number, to: number): number {
    const id = this.number(this.decoder.decode(buf.subarray(from, to)));
    const e = this.count++;
    if (e + 1 >= this.hashes.length) {
      this.hashes = grow(this.hashes, this.hashes.length * 2);
      this.ids = grow(this.ids, this.ids.length * 2);
      this.starts = grow(this.starts, this.starts.length * 2 + 1);
    }
    const a = this.starts[e];
    if (a + (to - from) > this.pool.length) this.pool = grow(this.pool, Math.max(this.pool.length * 2, a + (to - from)));
    this.pool.set(buf.subarray(from, to), a);
    this.starts[e + 1] = a + (to - from);
    this.hashes[e] = h;
    this.ids[e] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(e, h);
    return id;
  }

  private place(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.count; e++) this.place(e, this.hashes[e]);
  }
}

function grow<T extends Uint8Array | Int32Array | Uint32Array>(a: T, n: number): T {
  const out = new (a.constructor as new (n: number) => T)(n);
  out.set(a);
  return out;
}
