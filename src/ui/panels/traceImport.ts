/**
 * Importing trace files into the page's library: parse them in the upload
 * worker (progress, cancel), store the result (IndexedDB, or this session),
 * and say what was added in one line. Used by the upload control (files the
 * user picks) and by the synthetic samples (files fetched from the site).
 */
import type { TraceWorkload } from '../../core/scenario/types';
import { shortHash } from '../../state/traceEdits';
import { addTrace } from '../../state/traceLibrary';
import type { StoredTraceMeta } from '../../state/traceStore';
import type { TraceUploadProgress } from '../../workers/traceUpload';
import { parseTraceUpload } from '../../workers/uploadClient';
import { describeSpan } from './traceText';

export interface TraceImportOptions {
  /** a scenario's trace this browser lacks: its format is expected, and a match is stored under its name */
  wanted?: TraceWorkload;
  /** a generated sample, not real traffic (shown as "synthetic") */
  synthetic?: boolean;
  onProgress?: (p: TraceUploadProgress) => void;
  signal?: AbortSignal;
}

export type TraceImportOutcome =
  | { ok: true; meta: StoredTraceMeta; text: string; /** the file is not the wanted trace */ mismatch: boolean }
  | { ok: false; cancelled: boolean; text: string };

export async function importTraceFiles(files: File[], options: TraceImportOptions = {}): Promise<TraceImportOutcome> {
  const { wanted } = options;
  const what = files.length === 1 ? files[0].name : `${files.length} day files`;
  const r = await parseTraceUpload(files, options.onProgress ?? (() => undefined), options.signal ?? new AbortController().signal, wanted ? { format: wanted.format } : {});
  if (!r.ok) return { ok: false, cancelled: !!r.cancelled, text: r.cancelled ? `${what}: cancelled; nothing was added` : `${what}: ${r.message}` };
  const matches = wanted?.source.sha256 === r.sha256 || (wanted !== undefined && !wanted.source.sha256);
  const meta: StoredTraceMeta = {
    sha256: r.sha256,
    name: matches && wanted ? wanted.source.name : r.name,
    format: r.info.format as 'maf1' | 'maf2',
    info: r.info,
    files: r.files,
    malformed: r.malformed,
    added: new Date().toISOString(),
    ...(options.synthetic ? { synthetic: true } : {}),
  };
  const problem = await addTrace(meta, r.trace);
  const first = r.malformed.examples[0];
  const bad = r.malformed.count > 0 && first ? `; ${r.malformed.count.toLocaleString('en-US')} malformed rows skipped (first: ${files.length > 1 && first.source ? `${first.source} ` : ''}line ${first.line}: ${first.reason})` : '';
  const kept = problem ? `; kept for this session only (the browser would not store it: ${problem})` : '';
  const mismatch = wanted !== undefined && !matches;
  const other = mismatch ? `. This is not the scenario's trace (its sha256 is ${shortHash(r.sha256)}, the scenario's ${shortHash(wanted.source.sha256)}): pick it below to replay it instead` : '';
  return {
    ok: true,
    meta,
    mismatch,
    text: `${meta.name}: ${meta.format.toUpperCase()}${options.synthetic ? ' (synthetic sample)' : ''}, ${r.info.functions.toLocaleString('en-US')} functions, ${r.info.invocations.toLocaleString('en-US')} invocations, ${describeSpan(r.info)}${bad}${kept}${other}`,
  };
}
