/**
 * Incremental SHA-256, for hashing an uploaded trace slice by slice while it
 * is parsed (crypto.subtle.digest has no streaming form: it would need the
 * whole file, hundreds of MB, as one ArrayBuffer). The hashing is hash-wasm's
 * (a WebAssembly SHA-256, pinned; about 4x faster here than a pure-JS one,
 * which mattered: hashing was the upload's largest cost); this file only
 * adapts it. `traceSha256` combines several files' digests the way the
 * scenario format (and the CLI's traceHash) defines.
 */
import { createSHA256, sha256 } from 'hash-wasm';

type Hasher = Awaited<ReturnType<typeof createSHA256>>;

export class Sha256 {
  private constructor(private readonly state: Hasher) {}

  /** A fresh hash (instantiating the WebAssembly module is asynchronous). */
  static async create(): Promise<Sha256> {
    const state = await createSHA256();
    state.init();
    return new Sha256(state);
  }

  update(data: Uint8Array): this {
    this.state.update(data);
    return this;
  }

  /** The digest as lowercase hex (the hash can take no more data after). */
  hex(): string {
    return this.state.digest('hex');
  }
}

export function sha256Hex(data: Uint8Array | string): Promise<string> {
  return sha256(data);
}

/** One file: its digest; several (MAF1 day files, in day order): the SHA-256 of their hex digests concatenated. */
export async function traceSha256(fileDigests: readonly string[]): Promise<string> {
  return fileDigests.length === 1 ? fileDigests[0] : sha256Hex(fileDigests.join(''));
}
