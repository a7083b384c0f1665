/**
 * What the upload worker does (docs/uploads.md, docs/traces.md), independent
 * of where it runs so that Node tests can call it on Blobs: stream a request
 * log CSV into a RequestLog with progress and cancel, stream Azure Functions
 * trace files (traceUpload.ts), and import a profile file (JSON, pickle or
 * TSV). Replies are values, never thrown errors. The streaming itself (Blob
 * slices, a streaming TextDecoder, papaparse) is csvStream.ts.
 */
import { ProfileImportError } from '../core/profiles/importErrors';
import { importProfileJson } from '../core/profiles/importJson';
import { importProfilingPickle } from '../core/profiles/importPickle';
import { importProfilingTsv } from '../core/profiles/importTsv';
import type { Profile } from '../core/profiles/types';
import {
  MODEL_COLUMNS,
  RequestLogBuilder,
  RequestLogError,
  summariseRequestLog,
  TIMESTAMP_COLUMNS,
  type MalformedRows,
  type RequestLog,
  type RequestLogSummary,
} from '../core/workload/requestLog';
import { streamCsv, type CsvStreamOutcome } from './csvStream';
import { parseTraceFiles, type TraceUploadOptions, type TraceUploadProgress, type TraceUploadReply } from './traceUpload';

export { DEFAULT_CHUNK_SIZE, MAX_PENDING_CHARS, PROGRESS_INTERVAL_MS } from './csvStream';

export interface UploadProgress {
  /** Bytes of the file read so far, of `total`. */
  bytes: number;
  total: number;
  /** Data rows seen so far (valid and malformed). */
  rows: number;
}

/** What the page shows of a parsed log: the summary, malformed rows and the original time span. */
export interface RequestLogInfo extends RequestLogSummary {
  malformed: MalformedRows;
  /** Original timestamps (seconds, as in the file) of the first and last arrival; the log's times start at 0. */
  start: number;
  end: number;
}

/**
 * `requestLog` holds the typed arrays (the worker transfers their buffers);
 * messages never name the file (the page adds its name).
 */
export type RequestLogReply =
  | { ok: true; log: RequestLogInfo; requestLog: RequestLog }
  | { ok: false; message: string; cancelled?: boolean };

export type ProfileImportReply =
  | { ok: true; profiles: Record<string, Profile>; format: 'json' | 'pickle' | 'tsv' }
  | { ok: false; message: string };

export interface ParseOptions {
  /** Bytes per slice (default 1 MiB). */
  chunkSize?: number;
  /** Least time between progress reports, ms (default 100). */
  progressIntervalMs?: number;
  /** Passed to RequestLogBuilder (default DEFAULT_MAX_REQUESTS). */
  maxRequests?: number;
  /** Longest unfinished record papaparse may hold back, characters (default MAX_PENDING_CHARS). */
  maxPendingChars?: number;
}

/** Profile files are read whole; larger than this is not a profile. */
export const MAX_PROFILE_BYTES = 64 << 20;

const EXPECTED = 'expected a request log CSV with columns timestamp and model';

/** What a file's first bytes say it is, when that rules out a CSV. */
export function sniffNotCsv(head: Uint8Array): string | undefined {
  if (head.length === 0) return undefined;
  if (head[0] === 0x80) return 'this is a Python pickle (a profiling result? import it as profiles)';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'this is a gzip-compressed file: decompress it first';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'this is a zip archive: extract the CSV first';
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3; // UTF-8 byte order mark
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x7b || head[i] === 0x5b) return 'this is a JSON document (a scenario or profiles?)';
  const n = Math.min(head.length, 4096);
  for (let k = 0; k < n; k++) if (head[k] === 0) return 'this is a binary file';
  return undefined;
}

function fileName(file: Blob, fallback: string): string {
  const name = (file as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : fallback;
}

/**
 * The delimiter, from the header line of the first chunk: whichever of comma,
 * tab, semicolon and bar occurs most (comma on a tie or when none does).
 * papaparse's own guess needs several consistent rows and is thrown off by
 * empty lines, which are kept here for the line numbers.
 */
export function guessDelimiter(firstChunk: string): string {
  const header = firstChunk.replace(/^[\s]+/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best = ',';
  let most = 0;
  for (const d of [',', '\t', ';', '|']) {
    const n = header.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

export function createUploadApi() {
  const running = new Set<() => void>();

  async function parseRequestLog(
    file: Blob,
    onProgress: (p: UploadProgress) => void,
    options: ParseOptions = {},
  ): Promise<RequestLogReply> {
    const total = file.size;
    const builder = new RequestLogBuilder({ maxRequests: options.maxRequests });
    let header = false;
    const stream = streamCsv(file, {
      chunkSize: options.chunkSize,
      progressIntervalMs: options.progressIntervalMs,
      maxPendingChars: options.maxPendingChars,
      delimiter: guessDelimiter,
      sniff: (head) => {
        const what = sniffNotCsv(head);
        return what ? `${EXPECTED}; ${what}` : undefined;
      },
      onRecord: (row, line, quoteError) => {
        if (!header) {
          header = true;
          builder.addRow(row, line);
        } else if (quoteError !== undefined) builder.addMalformed(line, `bad quoting: ${quoteError}`);
        else builder.addRow(row, line);
      },
      onProgress: (bytes) => onProgress({ bytes, total, rows: builder.rowsSeen }),
      describeError: (e) => (e instanceof RequestLogError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`),
    });
    running.add(stream.cancel);
    let outcome: CsvStreamOutcome;
    try {
      outcome = await stream.done;
    } finally {
      running.delete(stream.cancel);
    }
    if (outcome.kind === 'cancelled') return { ok: false, cancelled: true, message: 'cancelled' };
    if (outcome.kind === 'failed') return { ok: false, message: outcome.message };
    if (!header) {
      return { ok: false, message: `${EXPECTED} (timestamp: one of ${TIMESTAMP_COLUMNS.join(', ')}; model: one of ${MODEL_COLUMNS.join(', ')}); the file is empty` };
    }
    const log = builder.finish();
    if (log.rows === 0) {
      const first = log.malformed.examples[0];
      return {
        ok: false,
        message:
          log.malformed.count > 0
            ? `no valid requests: all ${log.malformed.count} rows are malformed (line ${first.line}: ${first.reason})`
            : 'no requests: the file has a header but no rows',
      };
    }
    return {
      ok: true,
      log: { ...summariseRequestLog(log), malformed: log.malformed, start: log.start, end: log.end },
      requestLog: log,
    };
  }

  /** Azure Functions trace file(s): several MAF1 day files or one MAF2 trace (traceUpload.ts). */
  function parseTrace(files: readonly Blob[], onProgress: (p: TraceUploadProgress) => void, options: TraceUploadOptions = {}): Promise<TraceUploadReply> {
    return parseTraceFiles(files, onProgress, options, (cancel) => {
      running.add(cancel);
      return () => running.delete(cancel);
    });
  }

  return {
    parseRequestLog,
    parseTrace,

    /** Abort every running parse (request log or trace): each resolves with { ok: false, cancelled: true }. */
    cancel(): void {
      for (const c of [...running]) c();
    },

    /** A profile file: pickle (first byte 0x80), JSON (first non-space character "{"), otherwise TSV. */
    async importProfiles(file: Blob): Promise<ProfileImportReply> {
      let format: 'json' | 'pickle' | 'tsv' = 'tsv';
      const name = fileName(file, 'profiles');
      try {
        if (file.size === 0) return { ok: false, message: 'the file is empty' };
        if (file.size > MAX_PROFILE_BYTES) {
          return { ok: false, message: `${(file.size / 2 ** 20).toFixed(0)} MB is too large for a profile file` };
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (bytes[0] === 0x80) {
          format = 'pickle';
          return { ok: true, format, profiles: importProfilingPickle(bytes, name) };
        }
        const text = new TextDecoder('utf-8').decode(bytes); // drops a byte order mark
        if (/^\s*\{/.test(text)) {
          format = 'json';
          return { ok: true, format, profiles: importProfileJson(text, name) };
        }
        if (/^\s*\[/.test(text)) return { ok: false, message: 'a JSON array is not a profile file (expected {"profiles": {id: profile}})' };
        try {
          return { ok: true, format, profiles: importProfilingTsv(text, name) };
        } catch (e) {
          const hint = requestLogHint(text);
          if (hint && e instanceof ProfileImportError) return { ok: false, message: `${withoutFile(e)} (${hint})` };
          throw e;
        }
      } catch (e) {
        if (e instanceof ProfileImportError) return { ok: false, message: withoutFile(e) };
        return { ok: false, message: `could not import ${format} profiles: ${(e as Error)?.message ?? String(e)}` };
      }
    },
  };
}

/** An importer's message without its "file: " prefix (the page names the file itself). */
function withoutFile(e: ProfileImportError): string {
  const prefix = `${e.file}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/** A profile upload whose first line is a request log header. */
function requestLogHint(text: string): string | undefined {
  const first = text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
  const cols = first.split(/[,;\t]/).map((c) => c.trim().toLowerCase().replace(/^"|"$/g, ''));
  const has = (names: readonly string[]) => names.some((n) => cols.includes(n));
  return has(TIMESTAMP_COLUMNS) && has(MODEL_COLUMNS)
    ? 'this looks like a request log: upload it as a workload instead'
    : undefined;
}

export type UploadApi = ReturnType<typeof createUploadApi>;
