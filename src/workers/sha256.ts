/**
 * Incremental SHA-256, for hashing an uploaded trace slice by slice while it
 * is parsed (crypto.subtle.digest has no streaming form: it would need the
 * whole file, hundreds of MB, as one ArrayBuffer). The hashing is
 * @noble/hashes' (audited, pinned); this file only adapts it. `traceSha256`
 * combines several files' digests the way the scenario format (and the CLI's
 * traceHash) defines.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export class Sha256 {
  private readonly state = sha256.create();

  update(data: Uint8Array): this {
    this.state.update(data);
    return this;
  }

  /** The digest as lowercase hex (the hash can take no more data after). */
  hex(): string {
    return bytesToHex(this.state.digest());
  }
}

export function sha256Hex(data: Uint8Array | string): string {
  return new Sha256().update(typeof data === 'string' ? new TextEncoder().encode(data) : data).hex();
}

/** One file: its digest; several (MAF1 day files, in day order): the SHA-256 of their hex digests concatenated. */
export function traceSha256(fileDigests: readonly string[]): string {
  return fileDigests.length === 1 ? fileDigests[0] : sha256Hex(fileDigests.join(''));
}
