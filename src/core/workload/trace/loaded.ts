/**
 * The traces a scenario may refer to, by content hash (or name): whoever can
 * read files or a browser store (the CLI, a worker) loads a trace here once,
 * and `"workload": {"kind": "trace"}` replays it. Pure: a map, no I/O.
 */
import { ScenarioError } from '../../scenario/errors';
import type { TraceWorkload } from '../../scenario/types';
import type { Maf1Trace } from './maf1';
import type { Maf2Trace } from './maf2';
import { replayTrace, type TraceReplay } from './replay';

interface Loaded {
  name: string;
  sha256: string | null;
  trace: Maf1Trace | Maf2Trace;
}

const loaded: Loaded[] = [];

/**
 * The last replay, for the same trace and settings asked again: a page's
 * simulator worker replays the scenario's trace for the simulation and then
 * for the trace viewer. Replays are never modified by their readers.
 */
let lastReplay: { trace: Loaded; key: string; replay: TraceReplay } | null = null;

/** Make a parsed trace available to scenarios that name it (by sha256 when given, else by name). */
export function registerTrace(name: string, sha256: string | null, trace: Maf1Trace | Maf2Trace): void {
  const i = loaded.findIndex((l) => (sha256 !== null && l.sha256 === sha256) || (sha256 === null && l.name === name));
  const entry = { name, sha256, trace };
  if (i >= 0) loaded[i] = entry;
  else loaded.push(entry);
  lastReplay = null;
}

/** Forget a trace (by sha256, or by name when it was registered without one); false when it was not loaded. */
export function unregisterTrace(key: { name: string; sha256: string | null }): boolean {
  const i = loaded.findIndex((l) => (key.sha256 !== null ? l.sha256 === key.sha256 : l.sha256 === null && l.name === key.name));
  if (i < 0) return false;
  loaded.splice(i, 1);
  lastReplay = null;
  return true;
}

export function findTrace(source: TraceWorkload['source']): Loaded | undefined {
  if (source.sha256) return loaded.find((l) => l.sha256 === source.sha256);
  return loaded.find((l) => l.name === source.name);
}

/** Replay a scenario's trace workload for `models` models; a ScenarioError when the trace is not loaded or does not fit. */
export function replayScenarioTrace(w: TraceWorkload, models: number): TraceReplay {
  const found = findTrace(w.source);
  if (!found) {
    const hash = w.source.sha256 ? ` (sha256 ${w.source.sha256.slice(0, 12)}…)` : '';
    throw new ScenarioError([{ path: 'workload.source', message: `the trace "${w.source.name}"${hash} is not loaded here: load or upload it first` }]);
  }
  if (found.trace.format !== w.format) {
    throw new ScenarioError([{ path: 'workload.format', message: `says "${w.format}" but the trace "${w.source.name}" is ${found.trace.format.toUpperCase()}` }]);
  }
  const key = `${models}|${JSON.stringify(w)}`;
  if (lastReplay && lastReplay.trace === found && lastReplay.key === key) return lastReplay.replay;
  try {
    const replay = replayTrace(found.trace, {
      models,
      start: w.start,
      end: w.end,
      mapping: w.mapping,
      fit: w.fit,
      interval: w.interval,
      rateScale: w.rateScale,
      cvScale: w.cvScale,
      timeScale: w.timeScale,
      seed: w.seed,
    });
    lastReplay = { trace: found, key, replay };
    return replay;
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError([{ path: 'workload', message: (e as Error).message }]);
  }
}
