/**
 * A parsed trace as it crosses a boundary (worker messages, IndexedDB): the
 * same typed arrays, without what can be rebuilt (a MAF2 trace's per-function
 * `arrivals` views of `times`). `traceBuffers` lists the buffers to transfer;
 * `shareTrace` copies the arrays into SharedArrayBuffers once so that every
 * engine worker reads the same memory instead of its own copy. Pure.
 */
import type { Maf1Trace } from './maf1';
import type { Maf2Trace } from './maf2';

export type CompactMaf2Trace = Omit<Maf2Trace, 'arrivals'>;
export type CompactTrace = Maf1Trace | CompactMaf2Trace;

export function compactTrace(t: Maf1Trace | Maf2Trace): CompactTrace {
  if (t.format === 'maf1') return t;
  const { arrivals: _views, ...rest } = t;
  return rest;
}

/** The trace the replay reads (MAF2: per-function views of `times`, rebuilt from `offsets`). */
export function expandTrace(c: CompactTrace): Maf1Trace | Maf2Trace {
  if (c.format === 'maf1') return c;
  const arrivals: Float64Array[] = [];
  for (let f = 0; f < c.functions.length; f++) arrivals.push(c.times.subarray(c.offsets[f], c.offsets[f + 1]));
  return { ...c, arrivals };
}

type Typed = Int32Array | Uint16Array | Float64Array;

function arraysOf(c: CompactTrace): Typed[] {
  if (c.format === 'maf2') return [c.offsets, c.times];
  const out: Typed[] = [c.totals];
  for (const d of c.days) out.push(d.functionIds, d.rowStart, d.minutes, d.counts);
  return out;
}

/** The distinct ArrayBuffers behind a trace's arrays (for a transfer list; never SharedArrayBuffers). */
export function traceBuffers(c: CompactTrace): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const a of arraysOf(c)) if (a.buffer instanceof ArrayBuffer) seen.add(a.buffer);
  return [...seen];
}

/** Bytes held by the trace's typed arrays. */
export function traceBytes(c: CompactTrace): number {
  return arraysOf(c).reduce((n, a) => n + a.byteLength, 0);
}

function shared<T extends Typed>(a: T): T {
  const Ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/** A copy whose typed arrays live in SharedArrayBuffers (posting it to a worker shares, not copies, them). */
export function shareTrace(c: CompactTrace): CompactTrace {
  if (c.format === 'maf2') return { ...c, offsets: shared(c.offsets), times: shared(c.times) };
  return {
    ...c,
    totals: shared(c.totals),
    days: c.days.map((d) => ({ ...d, functionIds: shared(d.functionIds), rowStart: shared(d.rowStart), minutes: shared(d.minutes), counts: shared(d.counts) })),
  };
}
