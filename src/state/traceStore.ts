/**
 * Imported Azure Functions traces in the browser's IndexedDB (database
 * `alpaserve-planner`), keyed by content hash (sha256): a small entry per
 * trace (name, format, traceInfo, files, malformed rows) in `traces`, and the
 * parsed data (typed arrays, which IndexedDB stores as they are) in
 * `trace-data`, so listing never reads the data. Raw IndexedDB, no library.
 * Without IndexedDB (Node, storage disabled) the list is empty and saving
 * fails with a message; nothing here throws synchronously.
 */
import type { TraceInfo, TraceMalformed } from '../core/workload/trace';
import type { CompactTrace } from '../core/workload/trace/compact';

export const TRACE_DB = 'alpaserve-planner';
const VERSION = 1;
const META = 'traces';
const DATA = 'trace-data';

export interface StoredTraceMeta {
  sha256: string;
  name: string;
  format: 'maf1' | 'maf2';
  info: TraceInfo;
  /** The file(s) it was read from (MAF1: in day order, with their days). */
  files: { name: string; bytes: number; sha256: string; day?: number }[];
  malformed: TraceMalformed;
  /** When it was imported (ISO 8601). */
  added: string;
  /** A generated sample (public/samples, scripts/sampleTraces.ts), not real traffic. */
  synthetic?: boolean;
}

function idb(): IDBFactory | null {
  try {
    return (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null;
  } catch {
    return null;
  }
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  const factory = idb();
  if (!factory) return Promise.reject(new Error('this browser has no IndexedDB (or storage is disabled)'));
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(TRACE_DB, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'sha256' });
      if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA);
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB would not open'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of the planner'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Every stored trace's entry (not its data), oldest first; [] without IndexedDB. */
export async function listStoredTraces(): Promise<StoredTraceMeta[]> {
  try {
    const db = await open();
    const all = await request(db.transaction(META, 'readonly').objectStore(META).getAll() as IDBRequest<StoredTraceMeta[]>);
    return all.sort((a, b) => a.added.localeCompare(b.added));
  } catch {
    return [];
  }
}

/** The entry and data of a trace: by sha256, or (a reference without one) the latest stored under `name`. */
export async function loadStoredTrace(ref: { name: string; sha256?: string }): Promise<{ meta: StoredTraceMeta; trace: CompactTrace } | null> {
  try {
    const db = await open();
    let sha = ref.sha256;
    if (!sha) {
      const named = (await listStoredTraces()).filter((m) => m.name === ref.name);
      if (named.length === 0) return null;
      sha = named[named.length - 1].sha256;
    }
    const tx = db.transaction([META, DATA], 'readonly');
    const [meta, trace] = await Promise.all([
      request(tx.objectStore(META).get(sha) as IDBRequest<StoredTraceMeta | undefined>),
      request(tx.objectStore(DATA).get(sha) as IDBRequest<CompactTrace | undefined>),
    ]);
    return meta && trace ? { meta, trace } : null;
  } catch {
    return null;
  }
}

/** Store (or replace) a trace; rejects with the browser's reason (no IndexedDB, quota exceeded). */
export async function saveStoredTrace(meta: StoredTraceMeta, trace: CompactTrace): Promise<void> {
  const db = await open();
  const tx = db.transaction([META, DATA], 'readwrite');
  tx.objectStore(DATA).put(trace, meta.sha256);
  tx.objectStore(META).put(meta);
  await done(tx);
}

export async function deleteStoredTrace(sha256: string): Promise<void> {
  const db = await open();
  const tx = db.transaction([META, DATA], 'readwrite');
  tx.objectStore(META).delete(sha256);
  tx.objectStore(DATA).delete(sha256);
  await done(tx);
}
