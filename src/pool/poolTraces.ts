/**
 * The traces an engine pool's workers hold (each worker is its own realm, so
 * each registers its own copy): remembered here so that a worker spawned
 * later (a crashed or cancelled one's replacement) gets them too before any
 * other call. With shared memory the trace's arrays are copied once into
 * SharedArrayBuffers and every worker reads the same memory.
 */
import type { Remote } from 'comlink';
import { shareTrace, type CompactTrace } from '../core/workload/trace/compact';
import type { EngineApi } from '../workers/engineApi';

export interface PoolTrace {
  name: string;
  sha256: string | null;
  trace: CompactTrace;
}

/** A scenario's reference to a trace: by sha256 when it gives one, else by name. */
export interface TraceRef {
  name: string;
  sha256?: string;
}

export class PoolTraces {
  private readonly list: PoolTrace[] = [];

  constructor(private readonly share: boolean) {}

  has(ref: TraceRef): boolean {
    return this.list.some((t) => (ref.sha256 ? t.sha256 === ref.sha256 : t.name === ref.name));
  }

  /** Remember a trace (replacing one with the same sha256, or the same name when it has none). */
  add(name: string, sha256: string | null, trace: CompactTrace): PoolTrace {
    const entry: PoolTrace = { name, sha256, trace: this.share ? shareTrace(trace) : trace };
    const i = this.list.findIndex((t) => (sha256 !== null ? t.sha256 === sha256 : t.sha256 === null && t.name === name));
    if (i >= 0) this.list[i] = entry;
    else this.list.push(entry);
    return entry;
  }

  remove(name: string, sha256: string | null): boolean {
    const i = this.list.findIndex((t) => (sha256 !== null ? t.sha256 === sha256 : t.sha256 === null && t.name === name));
    if (i < 0) return false;
    this.list.splice(i, 1);
    return true;
  }

  /** Post every remembered trace to a new worker (a worker handles messages in order: later calls find them). */
  sendAll(api: Remote<EngineApi>): void {
    for (const t of this.list) void api.loadTrace(t.name, t.sha256, t.trace).catch(() => undefined);
  }

  get size(): number {
    return this.list.length;
  }
}
