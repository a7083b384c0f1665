/**
 * Azure Functions trace uploads in the upload worker (docs/traces.md): MAF1
 * day files (several at once) or one MAF2 invocation trace, streamed slice by
 * slice (csvStream.ts) into Maf1Builder / Maf2Builder, hashed as they are
 * read (SHA-256 per file; several MAF1 files: the hash of the per-file hashes
 * in day order), with progress and cancel. The reply carries the compact
 * parsed trace (its typed arrays are transferred to the page), its traceInfo,
 * the malformed rows and the content hash. Never throws: failures are replies.
 */
import {
  Maf1Builder,
  Maf2Builder,
  TraceFormatError,
  detectTraceFormat,
  maf1DayFromFileName,
  maf1HeaderMessage,
  maf2HeaderMessage,
  traceInfo,
  type TraceInfo,
  type TraceMalformed,
} from '../core/workload/trace';
import { compactTrace, type CompactTrace } from '../core/workload/trace/compact';
import { describeColumns } from '../core/workload/trace/maf1';
import { streamCsv, type CsvStream } from './csvStream';
import { Sha256, traceSha256 } from './sha256';

export type TraceFormat = 'maf1' | 'maf2';

export interface TraceUploadProgress {
  /** Bytes read so far, of `total` (all files together). */
  bytes: number;
  total: number;
  /** Data rows seen so far (valid and malformed, all files). */
  rows: number;
  /** The file being read (0-based, in day order) and how many there are. */
  file: number;
  files: number;
}

export interface TraceFileInfo {
  name: string;
  bytes: number;
  sha256: string;
  /** MAF1: the day (0-based) the file is on the trace's timeline. */
  day?: number;
}

export type TraceUploadReply =
  | {
      ok: true;
      /** A name for the trace: the file's, or the first day file's and how many more. */
      name: string;
      sha256: string;
      info: TraceInfo;
      files: TraceFileInfo[];
      malformed: TraceMalformed;
      /** The parsed trace (typed arrays; the worker transfers their buffers). */
      trace: CompactTrace;
    }
  | { ok: false; message: string; cancelled?: boolean };

export interface TraceUploadOptions {
  /** The kind expected (a file of another kind is refused, saying so); default: from the header. */
  format?: TraceFormat;
  chunkSize?: number;
  progressIntervalMs?: number;
  maxPendingChars?: number;
  /** MAF2: at most this many invocations (default MAF2_DEFAULT_MAX_INVOCATIONS). */
  maxInvocations?: number;
}

const EXPECTED_ANY =
  'expected Azure Functions 2019 (MAF1) per-minute day files (columns HashOwner, HashApp, HashFunction, Trigger, 1 .. 1440) ' +
  'or an Azure Functions 2021 (MAF2) invocation trace (columns app, func, end_timestamp, duration)';

const EXPECTED: Record<TraceFormat | 'any', string> = {
  maf1: 'expected Azure Functions 2019 (MAF1) per-minute day files (columns HashOwner, HashApp, HashFunction, Trigger, 1 .. 1440)',
  maf2: 'expected an Azure Functions 2021 (MAF2) invocation trace (columns app, func, end_timestamp, duration)',
  any: EXPECTED_ANY,
};

function fileName(file: Blob, i: number): string {
  const name = (file as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : `file ${i + 1}`;
}

/** The header of a single file of unknown kind: which builder it needs, or a message saying what was expected. */
function kindOfHeader(fields: string[], expected: TraceFormat | undefined): TraceFormat {
  const found = detectTraceFormat(fields);
  if (expected === 'maf1' && found !== 'maf1') throw new TraceFormatError(maf1HeaderMessage(fields));
  if (expected === 'maf2' && found !== 'maf2') throw new TraceFormatError(maf2HeaderMessage(fields));
  if (found === 'maf1' || found === 'maf2') return found;
  const hint = found === 'requests' ? ' (this looks like a request log: upload it as a request log instead)' : '';
  throw new TraceFormatError(`${EXPECTED_ANY}; found ${describeColumns(fields)}${hint}`);
}

interface Ordered {
  file: Blob;
  name: string;
  day?: number;
}

/** Several files are MAF1 days: in day order from their dNN names (or the order given when none has one). */
function orderFiles(files: readonly Blob[]): Ordered[] | string {
  const list: Ordered[] = files.map((file, i) => ({ file, name: fileName(file, i) }));
  if (list.length === 1) return list;
  const days = list.map((f) => maf1DayFromFileName(f.name));
  const named = days.filter((d) => d !== null).length;
  if (named === 0) return list.map((f, i) => ({ ...f, day: i }));
  if (named < list.length) {
    const unnamed = list[days.indexOf(null)].name;
    return `several files are the days of one MAF1 trace, named ...dNN.csv to place them; "${unnamed}" has no day in its name`;
  }
  return list.map((f, i) => ({ ...f, day: days[i]! })).sort((a, b) => a.day! - b.day!);
}

/** Stream and parse trace file(s); `register` receives the cancel hook of the running parse (and returns its remover). */
export async function parseTraceFiles(
  files: readonly Blob[],
  onProgress: (p: TraceUploadProgress) => void,
  options: TraceUploadOptions = {},
  register: (cancel: () => void) => () => void = () => () => undefined,
): Promise<TraceUploadReply> {
  if (files.length === 0) return { ok: false, message: 'no file was given' };
  const ordered = orderFiles(files);
  if (typeof ordered === 'string') return { ok: false, message: ordered };
  if (ordered.length > 1 && options.format === 'maf2') return { ok: false, message: `${EXPECTED.maf2}: one file, not ${ordered.length}` };
  const several = ordered.length > 1;
  const expected: TraceFormat | undefined = several ? 'maf1' : options.format;
  const total = ordered.reduce((n, f) => n + f.file.size, 0);
  // the builder, made when the first header says which kind the trace is
  const b: { maf1: Maf1Builder | null; maf2: Maf2Builder | null } = { maf1: null, maf2: null };
  const rowsSeen = (): number => (b.maf1 ? b.maf1.rows + b.maf1.malformedCount : b.maf2 ? b.maf2.invocations + b.maf2.malformedCount : 0);
  const digests: TraceFileInfo[] = [];
  let cancelled = false;
  let current: CsvStream | null = null;
  const unregister = register(() => {
    cancelled = true;
    current?.cancel();
  });
  const prefix = (name: string, message: string): string => (several ? `${name}: ${message}` : message);

  try {
    let base = 0;
    for (let i = 0; i < ordered.length && !cancelled; i++) {
      const { file, name } = ordered[i];
      const day = ordered[i].day ?? maf1DayFromFileName(name) ?? 0;
      const hash = await Sha256.create();
      let header = false;
      if (b.maf1) b.maf1.beginDay({ day, source: name });
      current = streamCsv(file, {
        chunkSize: options.chunkSize,
        progressIntervalMs: options.progressIntervalMs,
        maxPendingChars: options.maxPendingChars,
        delimiter: ',',
        unquoted: true, // the Azure trace formats never quote a field
        sniff: (head) => {
          const what = sniffNotText(head);
          return what ? prefix(name, `${EXPECTED[expected ?? 'any']}; ${what}`) : undefined;
        },
        onBytes: (bytes) => hash.update(bytes),
        // MAF2 rows are read from bytes (no string per row); MAF1 rows and anything unusual take the text path
        onLineBytes: (buf, from, to) => b.maf2 !== null && b.maf2.addLineBytes(buf, from, to),
        onRecord: (fields, line, quoteError) => {
          if (!header) {
            header = true;
            if (!b.maf1 && !b.maf2) {
              if (kindOfHeader(fields, expected) === 'maf1') {
                b.maf1 = new Maf1Builder();
                b.maf1.beginDay({ day, source: name });
              } else b.maf2 = new Maf2Builder({ source: name, maxInvocations: options.maxInvocations });
            }
          } else if (quoteError !== undefined) {
            (b.maf1 ?? b.maf2)!.addMalformed(line, `bad quoting: ${quoteError}`);
            return;
          }
          (b.maf1 ?? b.maf2)!.addRow(fields, line);
        },
        onProgress: (bytes) => onProgress({ bytes: base + bytes, total, rows: rowsSeen(), file: i, files: ordered.length }),
        describeError: (e) => prefix(name, e instanceof TraceFormatError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`),
      });
      const outcome = await current.done;
      current = null;
      if (outcome.kind === 'cancelled' || cancelled) break;
      if (outcome.kind === 'failed') return { ok: false, message: outcome.message };
      if (!header) return { ok: false, message: prefix(name, `the file is empty (${EXPECTED[expected ?? 'any']})`) };
      digests.push({ name, bytes: file.size, sha256: hash.hex(), ...(b.maf1 ? { day } : {}) });
      base += file.size;
    }
    if (cancelled) return { ok: false, cancelled: true, message: 'cancelled' };
    const builder = b.maf1 ?? b.maf2;
    if (!builder) return { ok: false, message: `the file is empty (${EXPECTED[expected ?? 'any']})` };
    const trace = builder.finish();
    if (trace.invocations === 0) {
      const first = trace.malformed.examples[0];
      const where = first ? `${several && first.source ? `${first.source} ` : ''}line ${first.line}: ${first.reason}` : '';
      return {
        ok: false,
        message:
          trace.malformed.count > 0
            ? `no invocations: all ${trace.malformed.count} rows are malformed (${where})`
            : 'no invocations: the file has a header but no invocations',
      };
    }
    onProgress({ bytes: total, total, rows: rowsSeen(), file: ordered.length - 1, files: ordered.length });
    const name = several ? `${ordered[0].name} + ${ordered.length - 1} more day file${ordered.length > 2 ? 's' : ''}` : ordered[0].name;
    return {
      ok: true,
      name,
      sha256: await traceSha256(digests.map((d) => d.sha256)),
      info: traceInfo(trace),
      files: digests,
      malformed: trace.malformed,
      trace: compactTrace(trace),
    };
  } catch (e) {
    const message = e instanceof TraceFormatError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
    return { ok: false, message };
  } finally {
    unregister();
  }
}

/** What a file's first bytes say it is, when that rules out a text trace. */
function sniffNotText(head: Uint8Array): string | undefined {
  if (head.length === 0) return undefined;
  if (head[0] === 0x1f && head[1] === 0x8b) return 'this is a gzip-compressed file: decompress it first';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'this is a zip archive: extract the CSV files first';
  if (head[0] === 0x80) return 'this is a Python pickle';
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x7b || head[i] === 0x5b) return 'this is a JSON document (a scenario?)';
  const n = Math.min(head.length, 4096);
  for (let k = 0; k < n; k++) if (head[k] === 0) return 'this is a binary file';
  return undefined;
}
