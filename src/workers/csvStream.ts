/**
 * Streaming a CSV Blob through papaparse, never holding the whole text: the
 * Blob is read slice by slice (blob.slice().arrayBuffer(), one slice in
 * memory at a time), decoded with a streaming TextDecoder, and fed to
 * papaparse's stream input (an object with the `readable`/`on`/`read` shape
 * of a Node stream), so papaparse keeps the partial last line between chunks
 * and handles quotes. papaparse's own File reader needs FileReader, which
 * Node lacks, and decodes each byte slice on its own (a UTF-8 character split
 * across two slices is garbled). Each slice is parsed synchronously as it is
 * emitted; between slices the event loop turns, which is when a cancel
 * arrives. Formats that never quote (`unquoted`) skip papaparse and the
 * streaming decoder: lines are split on the bytes and decoded one by one
 * (unless `onLineBytes` takes them undecoded). Used by the request-log and
 * trace uploads (uploadApi.ts, traceUpload.ts).
 */
import Papa from 'papaparse';

export const DEFAULT_CHUNK_SIZE = 1 << 20;
export const PROGRESS_INTERVAL_MS = 100;
/** Text papaparse may hold back as an unfinished record (an unterminated quote, a binary file) before we give up. */
export const MAX_PENDING_CHARS = 16 << 20;

export interface CsvStreamOptions {
  /** Bytes per slice (default 1 MiB; at least 1024). */
  chunkSize?: number;
  /** Least time between progress reports, ms (default 100). */
  progressIntervalMs?: number;
  /** Longest unfinished record papaparse may hold back, characters (default MAX_PENDING_CHARS). */
  maxPendingChars?: number;
  /** A fixed delimiter, or a guess from the first decoded chunk. */
  delimiter: string | ((firstChunk: string) => string);
  /**
   * One non-blank record, with its 1-based line (records counted, blank ones
   * included; header = 1) and papaparse's quoting error on it, if any. A
   * throw stops the stream: its message (through `describeError`) is the failure.
   */
  onRecord: (fields: string[], line: number, quoteError: string | undefined) => void;
  /** Every slice's bytes, in order, before they are decoded (to hash them). */
  onBytes?: (bytes: Uint8Array) => void;
  /** The first slice's bytes: a message when they show the file is not text of the right kind. */
  sniff?: (head: Uint8Array) => string | undefined;
  /** Called at most every progressIntervalMs with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  /** The failure message for an error thrown by onRecord (default: "internal error: ..."). */
  describeError?: (e: unknown) => string;
  /**
   * The format has no quoted fields (the Azure traces): lines are split here,
   * about 4x faster than papaparse's per-record work; a record that does
   * contain a quote is handed on with a quote error (so it counts as malformed).
   */
  unquoted?: boolean;
  /**
   * With `unquoted`: each line's bytes (without the line break and a trailing
   * CR) are offered here first, undecoded; returning true means the line was
   * taken. Otherwise (or without this hook) it is decoded and goes to
   * onRecord as usual. This is how the MAF2 builder reads ordinary rows
   * without a string per row.
   */
  onLineBytes?: (buf: Uint8Array, from: number, to: number) => boolean;
}

export type CsvStreamOutcome = { kind: 'done' } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export interface CsvStream {
  done: Promise<CsvStreamOutcome>;
  /** Stop at the next slice (the outcome is then "cancelled"). */
  cancel(): void;
}

/** Just enough of a Node readable stream for papaparse's ReadableStreamStreamer. */
class TextChunkSource {
  readonly readable = true;
  private readonly listeners = new Map<string, ((arg?: unknown) => void)[]>();
  read(): null {
    return null;
  }
  on(event: string, f: (arg?: unknown) => void): this {
    const list = this.listeners.get(event) ?? [];
    list.push(f);
    this.listeners.set(event, list);
    return this;
  }
  removeListener(event: string, f: (arg?: unknown) => void): this {
    const list = this.listeners.get(event);
    if (list) this.listeners.set(event, list.filter((g) => g !== f));
    return this;
  }
  pause(): void {}
  resume(): void {}
  emit(event: string, arg?: unknown): void {
    for (const f of this.listeners.get(event) ?? []) f(arg);
  }
}

const blank = (row: string[]): boolean => row.every((f) => f.trim() === '');

/** Let queued tasks (a cancel() message) run: a macrotask turn, not just microtasks. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const internalError = (e: unknown): string => `internal error: ${(e as Error)?.message ?? String(e)}`;

/** Start streaming `file`; records go to options.onRecord as they are parsed. */
export function streamCsv(file: Blob, options: CsvStreamOptions): CsvStream {
  const chunkSize = Math.max(1024, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  const maxPending = options.maxPendingChars ?? MAX_PENDING_CHARS;
  const describe = options.describeError ?? internalError;
  const source = new TextChunkSource();
  const decoder = new TextDecoder('utf-8');
  let parser: Papa.Parser | null = null;
  let line = 0;
  let failure: string | null = null;
  let cancelled = false;
  let charsFed = 0;

  const onChunk = (results: Papa.ParseResult<string[]>, p: Papa.Parser): void => {
    parser = p;
    if (failure !== null || cancelled) return;
    const bad = new Map<number, string>();
    for (const e of results.errors) {
      if (e.type === 'Quotes' && typeof e.row === 'number' && !bad.has(e.row)) bad.set(e.row, e.message);
    }
    try {
      const rows = results.data;
      for (let r = 0; r < rows.length; r++) {
        line++;
        const row = rows[r];
        if (!blank(row)) options.onRecord(row, line, bad.get(r));
      }
    } catch (e) {
      failure = describe(e);
      p.abort();
      return;
    }
    if (charsFed - results.meta.cursor > maxPending) {
      failure = `line ${line + 1}: a record runs on for more than ${maxPending.toLocaleString('en-US')} characters (an unterminated quote, or not a text file?)`;
      p.abort();
    }
  };

  Papa.parse<string[]>(source as unknown as NodeJS.ReadableStream, {
    header: false,
    skipEmptyLines: false, // empty lines are skipped here, so that line numbers stay right
    delimiter: options.delimiter,
    chunk: onChunk,
    complete: () => {},
  });

  // the unquoted path: lines split on bytes, the partial last line carried over to the next slice
  let delimiter: string | null = typeof options.delimiter === 'string' ? options.delimiter : null;
  const emitText = (text: string): void => {
    if (text.trim() === '') return;
    options.onRecord(text.split(delimiter!), line, text.includes('"') ? 'quoted fields are not expected in this format' : undefined);
  };

  const unquoted = options.unquoted === true;
  const firstLineDecoder = new TextDecoder('utf-8'); // drops a byte order mark, as the streaming decoder does at the start
  const lineDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry: Uint8Array = new Uint8Array(0);
  const feedBytes = (chunk: Uint8Array, last: boolean): void => {
    if (delimiter === null) delimiter = (options.delimiter as (first: string) => string)(firstLineDecoder.decode(chunk));
    let buf = chunk;
    if (carry.length) {
      buf = new Uint8Array(carry.length + chunk.length);
      buf.set(carry);
      buf.set(chunk, carry.length);
    }
    let start = 0;
    try {
      for (;;) {
        const nl = buf.indexOf(10, start);
        if (nl < 0) break;
        emitBytes(buf, start, nl);
        start = nl + 1;
      }
      if (last && start < buf.length) {
        emitBytes(buf, start, buf.length);
        start = buf.length;
      }
    } catch (e) {
      failure = describe(e);
      return;
    }
    carry = buf.subarray(start);
    if (carry.length > maxPending) failure = `line ${line + 1}: a record runs on for more than ${maxPending.toLocaleString('en-US')} characters (not a text file?)`;
  };
  const emitBytes = (buf: Uint8Array, from: number, to: number): void => {
    line++;
    const end = to > from && buf[to - 1] === 13 ? to - 1 : to;
    if (options.onLineBytes?.(buf, from, end)) return;
    emitText((line === 1 ? firstLineDecoder : lineDecoder).decode(buf.subarray(from, end)));
  };

  const run = async (): Promise<CsvStreamOutcome> => {
    const total = file.size;
    let lastReport = -Infinity;
    try {
      for (let offset = 0; offset < total; offset += chunkSize) {
        const end = Math.min(total, offset + chunkSize);
        const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
        if (cancelled || failure !== null) break;
        if (offset === 0 && options.sniff) {
          const what = options.sniff(bytes);
          if (what) {
            failure = what;
            break;
          }
        }
        options.onBytes?.(bytes);
        if (unquoted) feedBytes(bytes, end === total);
        else {
          const text = decoder.decode(bytes, { stream: true });
          charsFed += text.length;
          source.emit('data', text);
        }
        if (cancelled || failure !== null) break;
        const now = performance.now();
        if (now - lastReport >= interval) {
          lastReport = now;
          options.onProgress?.(end);
        }
        // reading a slice may resolve without a task turn (Node does); the next one must not starve cancel()
        if (end < total) await nextTask();
      }
      if (!cancelled && failure === null && !unquoted) {
        const tail = decoder.decode();
        if (tail !== '') {
          charsFed += tail.length;
          source.emit('data', tail);
        }
        source.emit('end');
      }
    } catch (e) {
      if (failure === null) failure = `could not read the file: ${(e as Error)?.message ?? String(e)}`;
    }
    if (cancelled) return { kind: 'cancelled' };
    if (failure !== null) return { kind: 'failed', message: failure };
    return { kind: 'done' };
  };

  return {
    done: run(),
    cancel: () => {
      cancelled = true;
      parser?.abort();
    },
  };
}
