/**
 * The CLI's door to trace files: read a scenario's trace from its paths
 * (relative to the scenario file), check its SHA-256 when the scenario gives
 * one, parse and register it for the replay; and `trace-info`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ScenarioError } from '../core/scenario/errors';
import type { Scenario, TraceWorkload } from '../core/scenario/types';
import { parseMaf1, parseMaf2, parseTraceText, traceInfo, type TraceInfo } from '../core/workload/trace';
import { registerTrace } from '../core/workload/trace/loaded';

function readBytes(path: string, at: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError([{ path: at, message: `cannot read "${path}": ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` }]);
  }
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** The content hash the scenario format defines: of the file, or of the files' hashes in day order (MAF1). */
export function traceHash(contents: Buffer[]): string {
  return contents.length === 1 ? sha256(contents[0]) : sha256(contents.map((c) => sha256(c)).join(''));
}

function loadOne(w: TraceWorkload, baseDir: string, at: string): void {
  const paths = w.source.paths;
  if (!paths) {
    throw new ScenarioError([{ path: `${at}.source.paths`, message: `the CLI needs the trace's file(s) to replay "${w.source.name}"` }]);
  }
  const files = paths.map((p, i) => ({ path: resolve(baseDir, p), bytes: readBytes(resolve(baseDir, p), `${at}.source.paths[${i}]`) }));
  const hash = traceHash(files.map((f) => f.bytes));
  if (w.source.sha256 && w.source.sha256 !== hash) {
    throw new ScenarioError([{ path: `${at}.source.sha256`, message: `the file(s) do not match: their SHA-256 is ${hash}` }]);
  }
  try {
    const texts = files.map((f) => ({ text: f.bytes.toString('utf8'), source: basename(f.path) }));
    const trace = w.format === 'maf1' ? parseMaf1(texts) : parseMaf2(texts[0].text, { source: texts[0].source });
    registerTrace(w.source.name, w.source.sha256 ?? null, trace);
  } catch (e) {
    throw new ScenarioError([{ path: `${at}.source.paths`, message: (e as Error).message }]);
  }
}

/** Load every trace a scenario's workloads refer to. `scenarioPath` null: paths are relative to the working directory. */
export function loadScenarioTraces(s: Scenario, scenarioPath: string | null): void {
  const base = scenarioPath ? dirname(resolve(scenarioPath)) : process.cwd();
  if (s.workload.kind === 'trace') loadOne(s.workload, base, 'workload');
  if (s.train && s.train !== 'test' && s.train.kind === 'trace') loadOne(s.train, base, 'train');
}

/** `trace-info <file...>`: several files are MAF1 day files of one trace. */
export function traceInfoOfFiles(paths: string[]): TraceInfo & { sha256: string } {
  const files = paths.map((p) => ({ path: p, bytes: readBytes(p, 'file') }));
  const texts = files.map((f) => ({ text: f.bytes.toString('utf8'), source: basename(f.path) }));
  const trace = texts.length === 1 ? parseTraceText(texts[0].text, texts[0].source) : parseMaf1(texts);
  return { ...traceInfo(trace), sha256: traceHash(files.map((f) => f.bytes)) };
}
