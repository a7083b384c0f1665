/**
 * A minimal protobuf writer: varints, length-delimited fields and nested
 * messages, enough for ONNX's ModelProto. Nested messages are kept as lists
 * of parts and copied once, into the final buffer, by `finish()`. A large
 * bytes field can be "deferred": only its length is known while the message
 * is assembled and its content (random weights) is written straight into the
 * final buffer, so a model of N bytes needs N bytes of memory, not 2N or 3N.
 *
 * Wire format: https://protobuf.dev/programming-guides/encoding/ (tag =
 * field << 3 | wire type; wire type 0 = varint, 2 = length-delimited).
 */

/** Bytes written later, straight into the final buffer at `offset`. */
export interface DeferredBytes {
  readonly length: number;
  write(target: Uint8Array, offset: number): void;
}

type Part = Uint8Array | DeferredBytes;

/** Protobuf messages are limited to 2 GiB (signed 32-bit sizes in every implementation). */
export const MAX_MESSAGE_BYTES = 2 ** 31 - 1;

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

const utf8 = new TextEncoder();

export class ProtoWriter {
  private readonly parts: Part[] = [];
  /** small writes go here until a large part is appended */
  private scratch: number[] = [];
  private size = 0;

  /** Bytes this message takes when finished. */
  get length(): number {
    return this.size + this.scratch.length;
  }

  private flush(): void {
    if (this.scratch.length === 0) return;
    this.parts.push(Uint8Array.from(this.scratch));
    this.size += this.scratch.length;
    this.scratch = [];
  }

  private varint(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`protobuf varint must be a safe integer, got ${v}`);
    if (v < 0) {
      // int64 two's complement: ten bytes
      let u = BigInt.asUintN(64, BigInt(v));
      while (u > 0x7fn) {
        this.scratch.push(Number(u & 0x7fn) | 0x80);
        u >>= 7n;
      }
      this.scratch.push(Number(u));
      return;
    }
    while (v > 0x7f) {
      this.scratch.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    this.scratch.push(v);
  }

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** A varint field (int64, enum, bool; negative values as int64 two's complement). */
  int(field: number, v: number): this {
    this.tag(field, WIRE_VARINT);
    this.varint(v);
    return this;
  }

  /** A packed repeated varint field. */
  packedInts(field: number, values: readonly number[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.varint(v);
    return this.message(field, inner);
  }

  /** A 32-bit float field (wire type 5, little-endian). */
  float(field: number, v: number): this {
    this.tag(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    for (const x of b) this.scratch.push(x);
    return this;
  }

  bytes(field: number, b: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(b.length);
    this.append(b);
    return this;
  }

  /** A bytes field whose content is written by `d.write` when the message is finished. */
  deferredBytes(field: number, d: DeferredBytes): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(d.length);
    this.append(d);
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, utf8.encode(s));
  }

  /** A nested message; its parts are taken over, not copied. */
  message(field: number, m: ProtoWriter): this {
    m.flush();
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(m.size);
    this.flush();
    for (const p of m.parts) this.parts.push(p);
    this.size += m.size;
    return this;
  }

  private append(p: Part): void {
    if (p instanceof Uint8Array && p.length <= 64) {
      for (const x of p) this.scratch.push(x);
      return;
    }
    this.flush();
    this.parts.push(p);
    this.size += p.length;
  }

  /** The encoded message: one allocation, each part copied (or written) once. */
  finish(): Uint8Array {
    this.flush();
    if (this.size > MAX_MESSAGE_BYTES) {
      throw new RangeError(`the message would be ${this.size} bytes; protobuf messages are limited to 2 GiB`);
    }
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      if (p instanceof Uint8Array) out.set(p, at);
      else p.write(out, at);
      at += p.length;
    }
    return out;
  }
}
