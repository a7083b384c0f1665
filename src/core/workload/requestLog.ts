/**
 * A generic request log (docs/uploads.md): one request per row of a CSV with a
 * header, a timestamp column (seconds) and a model column; other columns are
 * ignored. Rows arrive one at a time (from a streaming CSV parser) and are kept
 * compactly: timestamps in a growable Float64Array, model ids in a growable
 * Int32Array with a name -> id map. Malformed rows are counted, never thrown.
 * Pure: no DOM, no Node.
 */
import { MalformedRecorder, type MalformedRows } from './malformedRows';
import { NamedEvents } from './namedEvents';
import { sortRequests } from './merge';
export { MALFORMED_EXAMPLES, type MalformedRows } from './malformedRows';

/** Accepted header names (case-insensitive, surrounding spaces ignored), by preference. */
export const TIMESTAMP_COLUMNS = ['timestamp', 'time', 'arrival', 't'] as const;
export const MODEL_COLUMNS = ['model', 'function', 'func', 'name'] as const;
/** At most this many requests (12 bytes each here; an explicit workload is text, about 25 bytes each). */
export const DEFAULT_MAX_REQUESTS = 10_000_000;

/** The file cannot be a request log (its header lacks the columns, or it is too large); not for single bad rows. */
export class RequestLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestLogError';
  }
}


/**
 * A parsed request log, sorted by time (stably: file order for equal times).
 * Times are shifted so that the first arrival is 0: `time[i]` is seconds since
 * the earliest request, whose original timestamp is `start` (`end` is the
 * original timestamp of the last one, so the span is `end - start`).
 */
export interface RequestLog {
  /** Model names in first-seen order; `model[i]` indexes this list. */
  models: string[];
  time: Float64Array;
  model: Int32Array;
  /** The number of (valid) requests: the length of `time` and `model`. */
  rows: number;
  malformed: MalformedRows;
  start: number;
  end: number;
}

export interface RequestLogSummary {
  requests: number;
  /** Per model, in the log's order: its requests and mean rate (requests / duration; null when duration is 0). */
  models: { name: string; requests: number; rate: number | null }[];
  /** Seconds from the first to the last arrival. */
  duration: number;
}

export interface RequestLogBuilderOptions {
  /** Refuse logs with more valid requests than this (default DEFAULT_MAX_REQUESTS). */
  maxRequests?: number;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** "a, b, c, ... (n columns)" for messages. */
function listColumns(fields: readonly string[], max = 8): string {
  const shown = fields.slice(0, max).map((f) => (f === '' ? '(empty)' : f));
  return fields.length > max ? `${shown.join(', ')}, ... (${fields.length} columns)` : shown.join(', ');
}

/** A hint for well-known files that are not request logs (Azure Functions traces, the profiling TSV). */
export function recogniseHeader(fields: readonly string[]): string | undefined {
  const lower = fields.map((f) => f.trim().toLowerCase());
  if (lower[0] === 'hashowner' && lower[1] === 'hashapp' && lower[2] === 'hashfunction' && lower[3] === 'trigger') {
    return 'this looks like an Azure Functions 2019 per-minute trace: upload it under “Replay an Azure Functions trace” instead';
  }
  if (lower.includes('end_timestamp') && lower.includes('duration') && (lower.includes('func') || lower.includes('app'))) {
    return 'this looks like an Azure Functions 2021 invocation trace (end_timestamp, duration): upload it under “Replay an Azure Functions trace” instead';
  }
  if (lower[0] === 'modelname' && lower.includes('bs') && lower.includes('pp')) {
    return 'this looks like a profiling TSV: import it as profiles instead';
  }
  return undefined;
}

function pick(lower: readonly string[], names: readonly string[]): number {
  for (const n of names) {
    const i = lower.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** The message for a header without the needed columns. */
export function missingColumnsMessage(fields: readonly string[]): string {
  const hint = recogniseHeader(fields);
  const found = fields.length === 0 || (fields.length === 1 && fields[0].trim() === '') ? 'no columns' : `columns ${listColumns(fields)}`;
  return (
    `expected a request log CSV with columns timestamp and model ` +
    `(timestamp: one of ${TIMESTAMP_COLUMNS.join(', ')}; model: one of ${MODEL_COLUMNS.join(', ')}); found ${found}` +
    (hint ? ` (${hint})` : '')
  );
}

export class RequestLogBuilder {
  private readonly events = new NamedEvents(1024);
  private readonly malformed = new MalformedRecorder();
  private readonly maxRequests: number;
  /** Column positions (array rows) or header keys (object rows); null until the first call. */
  private timeCol: number | string | null = null;
  private modelCol: number | string | null = null;
  private sorted = true;

  constructor(options: RequestLogBuilderOptions = {}) {
    this.maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  }

  /** Valid requests so far. */
  get requests(): number {
    return this.events.n;
  }

  /** Valid and malformed data rows so far. */
  get rowsSeen(): number {
    return this.events.n + this.malformed.rows.count;
  }

  /**
   * One CSV record. The first call decides the column mapping: an array is the
   * header row itself (not a request); an object (a parser's `header: true`
   * row) gives the header by its keys and is also the first request. `line`
   * is the 1-based line of the file, used in malformed-row examples. Throws a
   * RequestLogError only when the header lacks the needed columns or the log
   * exceeds its size limit; a bad data row is counted as malformed.
   */
  addRow(row: Record<string, string> | string[], line: number): void {
    if (this.timeCol === null) {
      const fields = Array.isArray(row) ? row : Object.keys(row);
      const lower = fields.map((f) => String(f).trim().toLowerCase());
      const t = pick(lower, TIMESTAMP_COLUMNS);
      const m = pick(lower, MODEL_COLUMNS);
      if (t < 0 || m < 0) throw new RequestLogError(missingColumnsMessage(fields));
      this.timeCol = Array.isArray(row) ? t : fields[t];
      this.modelCol = Array.isArray(row) ? m : fields[m];
      if (Array.isArray(row)) return;
    }
    const rawTime = (row as Record<string | number, string | undefined>)[this.timeCol];
    const rawModel = (row as Record<string | number, string | undefined>)[this.modelCol!];
    if (rawTime === undefined || rawTime === null || rawModel === undefined || rawModel === null) {
      this.bad(line, `missing fields: needs the ${rawTime == null ? 'timestamp' : 'model'} column`);
      return;
    }
    const text = String(rawTime).trim();
    if (text === '') return this.bad(line, 'empty timestamp');
    if (!NUMBER.test(text)) return this.bad(line, `timestamp "${clip(text)}" is not a number`);
    const t = Number(text);
    if (!Number.isFinite(t)) return this.bad(line, `timestamp ${clip(text)} is not finite`);
    if (t < 0) return this.bad(line, `timestamp ${clip(text)} is negative`);
    const name = String(rawModel).trim();
    if (name === '') return this.bad(line, 'empty model');
    if (this.events.n >= this.maxRequests) {
      throw new RequestLogError(`more than ${this.maxRequests.toLocaleString('en-US')} requests: too large for the planner`);
    }
    const ev = this.events;
    if (ev.n > 0 && t < ev.times[ev.n - 1]) this.sorted = false;
    ev.push(t, ev.idOf(name));
  }

  /** The log: sorted stably by time, shifted so the first arrival is 0. The builder must not be used afterwards. */
  finish(): RequestLog {
    const ev = this.events;
    const n = ev.n;
    let time: Float64Array;
    let model: Int32Array;
    if (this.sorted) {
      time = ev.times.slice(0, n);
      model = ev.ids.slice(0, n);
    } else {
      ({ time, model } = sortRequests(ev.times.subarray(0, n), ev.ids.subarray(0, n)));
    }
    ev.release();
    const start = n > 0 ? time[0] : 0;
    const end = n > 0 ? time[n - 1] : 0;
    if (start !== 0) for (let i = 0; i < n; i++) time[i] -= start;
    return {
      models: ev.names.slice(),
      time,
      model,
      rows: n,
      malformed: this.malformed.snapshot(),
      start,
      end,
    };
  }

  /** Count a row the caller found malformed itself (e.g. a CSV quoting error). */
  addMalformed(line: number, reason: string): void {
    this.bad(line, reason);
  }

  private bad(line: number, reason: string): void {
    this.malformed.add(line, reason);
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

/**
 * The log as a scenario workload. `modelNames[i]`, when given, is the scenario
 * model name for the log's model `log.models[i]` (null drops that model's
 * requests); by default the log's own names are used. Times are the log's
 * (shifted, first arrival 0), in time order, rounded to the microsecond
 * (shifting epoch timestamps leaves float noise: 1000.01 - 1000 is
 * 0.009999999999990905, which would otherwise bloat the scenario's JSON).
 */
export function requestLogToWorkload(
  log: RequestLog,
  modelNames?: readonly (string | null)[],
): { kind: 'explicit'; requests: [number, string][] } {
  const names = modelNames ?? log.models;
  if (names.length < log.models.length) {
    throw new RangeError(`requestLogToWorkload: ${names.length} model names for ${log.models.length} models of the log`);
  }
  const requests: [number, string][] = [];
  for (let i = 0; i < log.rows; i++) {
    const name = names[log.model[i]];
    if (name !== null && name !== undefined) requests.push([Math.round(log.time[i] * 1e6) / 1e6, name]);
  }
  return { kind: 'explicit', requests };
}

/** Requests per model and mean rates over the log's span (first to last arrival). */
export function summariseRequestLog(log: RequestLog): RequestLogSummary {
  const counts = new Array<number>(log.models.length).fill(0);
  for (let i = 0; i < log.rows; i++) counts[log.model[i]]++;
  const duration = log.rows > 0 ? log.time[log.rows - 1] : 0;
  return {
    requests: log.rows,
    models: log.models.map((name, i) => ({ name, requests: counts[i], rate: duration > 0 ? counts[i] / duration : null })),
    duration,
  };
}
