/**
 * The page's library of imported traces: the list the Workload panel shows
 * (zustand), backed by IndexedDB (traceStore.ts). A trace the browser would
 * not store (quota, no IndexedDB) is kept in memory for this session, so it
 * still replays until the page is closed. The runner reads trace data from
 * here (`traceData`) to load it into the engine workers.
 */
import { create } from 'zustand';
import type { CompactTrace } from '../core/workload/trace/compact';
import { deleteStoredTrace, listStoredTraces, loadStoredTrace, saveStoredTrace, type StoredTraceMeta } from './traceStore';

export interface LibraryEntry extends StoredTraceMeta {
  /** false: kept in memory for this session only (the browser would not store it) */
  persisted: boolean;
}

export interface TraceLibraryState {
  /** null until the store has been read */
  entries: LibraryEntry[] | null;
}

export const useTraceLibrary = create<TraceLibraryState>()(() => ({ entries: null }));

const session = new Map<string, { meta: StoredTraceMeta; trace: CompactTrace }>();

function publish(stored: StoredTraceMeta[]): void {
  const entries: LibraryEntry[] = stored.map((m) => ({ ...m, persisted: true }));
  for (const { meta } of session.values()) if (!entries.some((e) => e.sha256 === meta.sha256)) entries.push({ ...meta, persisted: false });
  useTraceLibrary.setState({ entries });
}

/** Read the list from IndexedDB (at start, and after each change). */
export async function refreshTraceLibrary(): Promise<void> {
  publish(await listStoredTraces());
}

/**
 * Add a parsed trace (replacing one with the same content). Resolves with
 * null when it was stored, or the browser's reason when it is kept for this
 * session only.
 */
export async function addTrace(meta: StoredTraceMeta, trace: CompactTrace): Promise<string | null> {
  let problem: string | null = null;
  try {
    await saveStoredTrace(meta, trace);
    session.delete(meta.sha256);
  } catch (e) {
    problem = (e as Error)?.message ?? String(e);
    session.set(meta.sha256, { meta, trace });
  }
  await refreshTraceLibrary();
  return problem;
}

export async function removeTrace(sha256: string): Promise<void> {
  session.delete(sha256);
  try {
    await deleteStoredTrace(sha256);
  } finally {
    await refreshTraceLibrary();
  }
}

/** A trace's entry and data: by sha256, or by name for a reference without one; null when this browser lacks it. */
export async function traceData(ref: { name: string; sha256?: string }): Promise<{ meta: StoredTraceMeta; trace: CompactTrace } | null> {
  for (const s of session.values()) if (ref.sha256 ? s.meta.sha256 === ref.sha256 : s.meta.name === ref.name) return s;
  return loadStoredTrace(ref);
}

/** The library's entry for a scenario's reference (by sha256 when given, else by name), if the list has it. */
export function findEntry(entries: readonly LibraryEntry[] | null, ref: { name: string; sha256?: string }): LibraryEntry | undefined {
  return entries?.find((e) => (ref.sha256 ? e.sha256 === ref.sha256 : e.name === ref.name));
}
