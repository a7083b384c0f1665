/**
 * Azure Functions 2019 traces (MAF1, reference doc section 5): per-day files
 * `invocations_per_function_md.anon.dNN.csv` with columns HashOwner, HashApp,
 * HashFunction, Trigger, then the invocation counts of minutes "1" .. "1440".
 * Functions are keyed by HashFunction and numbered by first appearance, day
 * files in day order (d01, d02, ...; the reference concatenates the days in
 * that order, so a function first seen on day 3 comes after all of day 1's).
 *
 * Storage is sparse (most minutes of most functions are 0): per day, one row
 * per function with its nonzero minutes and counts (CSR), 6 bytes per nonzero
 * minute. Rows arrive one at a time (from a streaming CSV parser) through
 * Maf1Builder; malformed rows are counted (first 5 kept with line numbers),
 * never thrown; a header that is not MAF1's throws a TraceFormatError saying
 * what was expected. Pure: no DOM, no Node.
 *
 * Also home of what the trace parsers share (errors, the malformed-row records of ../malformedRows.ts,
 * a small CSV splitter for whole-text parsing).
 */

import { MALFORMED_EXAMPLES, MalformedRecorder, type MalformedRows } from '../malformedRows';
import { MODEL_COLUMNS, TIMESTAMP_COLUMNS } from '../requestLog';

export const MINUTES_PER_DAY = 1440;
/** How many malformed rows are kept as examples (as for request logs). */
export const TRACE_MALFORMED_EXAMPLES = MALFORMED_EXAMPLES;

/** The file is not of the expected kind (its header), or a file-level problem; never for single bad rows. */
export class TraceFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceFormatError';
  }
}

/** Malformed rows of a trace (malformedRows.ts): the count, the first few with line, reason and file. */
export type TraceMalformed = MalformedRows;
export { MalformedRecorder };

/** "a, b, c, ... (n columns)" for messages. */
export function describeColumns(fields: readonly string[], max = 6): string {
  if (fields.length === 0 || (fields.length === 1 && fields[0].trim() === '')) return 'no columns';
  const shown = fields.slice(0, max).map((f) => (f === '' ? '(empty)' : f));
  return `columns ${shown.join(', ')}${fields.length > max ? `, ... (${fields.length} columns)` : ''}`;
}

/** The trace kind a header row belongs to, if any: 'maf1', 'maf2' or 'requests' (a generic request log). */
export function detectTraceFormat(fields: readonly string[]): 'maf1' | 'maf2' | 'requests' | null {
  const lower = fields.map((f) => String(f).trim().toLowerCase());
  if (lower.includes('hashfunction') && lower.includes('1') && lower.includes('1440')) return 'maf1';
  if (lower.includes('func') && lower.includes('end_timestamp') && lower.includes('duration')) return 'maf2';
  const t = TIMESTAMP_COLUMNS.some((n) => lower.includes(n));
  const m = MODEL_COLUMNS.some((n) => lower.includes(n));
  return t && m ? 'requests' : null;
}

const KIND_NAMES = {
  maf1: 'an Azure Functions 2019 (MAF1) per-minute file',
  maf2: 'an Azure Functions 2021 (MAF2) invocation trace',
  requests: 'a request log (timestamp, model)',
} as const;

/** " (this looks like ...)" when the header is another known kind, else "". */
export function kindHint(fields: readonly string[], expected: 'maf1' | 'maf2'): string {
  const kind = detectTraceFormat(fields);
  return kind && kind !== expected ? ` (this looks like ${KIND_NAMES[kind]})` : '';
}

/** One CSV line into fields: commas, double-quote quoting ("" inside quotes); a fast path without quotes. */
export function splitCsvLine(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Calls `row(fields, line)` for each non-empty line of a text (BOM, CRLF handled; quoted newlines are not). */
export function forEachCsvLine(text: string, row: (fields: string[], line: number) => void): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    line++;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (end > pos) {
      const s = text.slice(pos, end);
      if (s.trim() !== '') row(splitCsvLine(s), line);
    }
    pos = nl + 1;
  }
}

/** A non-negative decimal integer (spaces and a leading + allowed, as Python's int()); -1 if not one. */
function parseCount(s: string): number {
  let i = 0;
  let n = s.length;
  while (i < n && s.charCodeAt(i) === 32) i++;
  while (n > i && s.charCodeAt(n - 1) === 32) n--;
  if (i < n && s.charCodeAt(i) === 43) i++;
  if (i === n) return -1;
  let v = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v <= 0x7fffffff ? v : -1;
}

/** One day of a MAF1 trace, rows in file order (sparse). */
export interface Maf1Day {
  /** 0-based day on the trace's timeline (file dNN is day NN - 1). */
  day: number;
  source?: string;
  /** Function id of each row. */
  functionIds: Int32Array;
  /** Row r's nonzero minutes are minutes[rowStart[r] .. rowStart[r + 1]) (0-based minute of the day), with counts. */
  rowStart: Int32Array;
  minutes: Uint16Array;
  counts: Int32Array;
}

export interface Maf1Trace {
  format: 'maf1';
  /** HashFunction values by id: first appearance, days in order. */
  functions: string[];
  /** Loaded days, ascending. */
  days: Maf1Day[];
  /** The timeline's length in days: the last loaded day + 1 (days not loaded count as all zeros). */
  dayCount: number;
  /** Total invocations per function id. */
  totals: Float64Array;
  invocations: number;
  malformed: TraceMalformed;
}

/** The 0-based day of a MAF1 file name (`...d05.csv` -> 4), or null. */
export function maf1DayFromFileName(name: string): number | null {
  const m = /d(\d+)\.csv$/i.exec(name);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 ? d - 1 : null;
}

export function maf1HeaderMessage(fields: readonly string[]): string {
  return (
    `expected an Azure Functions 2019 (MAF1) per-minute file with columns HashOwner, HashApp, HashFunction, Trigger, 1, 2, ..., 1440; ` +
    `found ${describeColumns(fields)}${kindHint(fields, 'maf1')}`
  );
}

function grow<T extends Int32Array | Uint16Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

class GrowI32 {
  buf = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.buf.length) this.buf = grow(new Int32Array(this.n * 2), this.buf);
    this.buf[this.n++] = v;
  }
}

interface DayBuild {
  day: number;
  source?: string;
  ids: GrowI32;
  rowStart: GrowI32;
  minutes: Uint16Array;
  counts: Int32Array;
  nnz: number;
  seen: Map<number, number>;
  headerSeen: boolean;
}

export class Maf1Builder {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly days: DayBuild[] = [];
  private cur: DayBuild | null = null;
  private readonly bad = new MalformedRecorder();
  private fnCol: number | string = -1;
  private minuteCols: (number | string)[] = [];
  private readonly scratch = new Int32Array(MINUTES_PER_DAY);

  private validRows = 0;

  /** Valid rows so far (all days). */
  get rows(): number {
    return this.validRows;
  }

  /**
   * Starts a day file: its first row is a header again. `day` is the 0-based
   * day on the timeline (default: the previous day + 1, or 0; use
   * maf1DayFromFileName for dNN names); `source` names the file in messages.
   */
  beginDay(options: { day?: number; source?: string } = {}): void {
    const day = options.day ?? (this.days.length ? this.days[this.days.length - 1].day + 1 : 0);
    if (!Number.isInteger(day) || day < 0) throw new TraceFormatError(`day must be an integer >= 0 (got ${day})`);
    if (this.days.some((d) => d.day === day)) throw new TraceFormatError(`day ${day + 1} (d${String(day + 1).padStart(2, '0')}) was loaded twice`);
    this.cur = {
      day,
      source: options.source,
      ids: new GrowI32(),
      rowStart: new GrowI32(),
      minutes: new Uint16Array(1 << 14),
      counts: new Int32Array(1 << 14),
      nnz: 0,
      seen: new Map(),
      headerSeen: false,
    };
    this.cur.rowStart.push(0);
    this.days.push(this.cur);
  }

  /**
   * One CSV record of the current day file (line: 1-based line in the file).
   * The first record of a file is its header (an array), or for a parser's
   * `header: true` objects the keys of the first object, which is also data.
   */
  addRow(row: string[] | Record<string, string>, line: number): void {
    if (this.cur === null) this.beginDay();
    const day = this.cur!;
    if (!day.headerSeen) {
      const fields = Array.isArray(row) ? row : Object.keys(row);
      const lower = fields.map((f) => String(f).trim().toLowerCase());
      const fn = lower.indexOf('hashfunction');
      const cols: (number | string)[] = [];
      for (let m = 1; m <= MINUTES_PER_DAY; m++) {
        const i = lower.indexOf(String(m));
        if (i < 0) break;
        cols.push(Array.isArray(row) ? i : fields[i]);
      }
      if (fn < 0 || cols.length < MINUTES_PER_DAY) throw new TraceFormatError(maf1HeaderMessage(fields));
      this.fnCol = Array.isArray(row) ? fn : fields[fn];
      this.minuteCols = cols;
      day.headerSeen = true;
      if (Array.isArray(row)) return;
    }
    const get = row as Record<string | number, string | undefined>;
    const rawFn = get[this.fnCol];
    if (rawFn === undefined || rawFn === null) return this.malformed(line, 'missing fields: no HashFunction column');
    const name = String(rawFn).trim();
    if (name === '') return this.malformed(line, 'empty HashFunction');
    const counts = this.scratch;
    for (let m = 0; m < MINUTES_PER_DAY; m++) {
      const raw = get[this.minuteCols[m]];
      if (raw === undefined || raw === null) return this.malformed(line, `missing fields: no count for minute ${m + 1}`);
      const v = parseCount(String(raw));
      if (v < 0) return this.malformed(line, `minute ${m + 1}: "${clip(String(raw))}" is not a count (an integer >= 0)`);
      counts[m] = v;
    }
    let id = this.index.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.index.set(name, id);
    }
    const first = day.seen.get(id);
    if (first !== undefined) return this.malformed(line, `duplicate HashFunction ${clip(name)} (first on line ${first}); row skipped`);
    day.seen.set(id, line);
    for (let m = 0; m < MINUTES_PER_DAY; m++) {
      if (counts[m] === 0) continue;
      if (day.nnz === day.minutes.length) {
        day.minutes = grow(new Uint16Array(day.nnz * 2), day.minutes);
        day.counts = grow(new Int32Array(day.nnz * 2), day.counts);
      }
      day.minutes[day.nnz] = m;
      day.counts[day.nnz++] = counts[m];
    }
    day.ids.push(id);
    day.rowStart.push(day.nnz);
    this.validRows++;
  }

  /** Count a row the caller found malformed itself (e.g. a CSV quoting error). */
  addMalformed(line: number, reason: string): void {
    this.malformed(line, reason);
  }

  get malformedCount(): number {
    return this.bad.rows.count;
  }

  private malformed(line: number, reason: string): void {
    this.bad.add(line, reason, this.cur?.source);
  }

  /** The trace: days sorted, functions renumbered by first appearance in day order. */
  finish(): Maf1Trace {
    for (const d of this.days) {
      if (!d.headerSeen) throw new TraceFormatError(`${d.source ?? `day ${d.day + 1}`}: empty file (expected a MAF1 header row)`);
    }
    const sorted = [...this.days].sort((a, b) => a.day - b.day);
    const remap = new Int32Array(this.names.length).fill(-1);
    const functions: string[] = [];
    for (const d of sorted) {
      for (let r = 0; r < d.ids.n; r++) {
        const old = d.ids.buf[r];
        if (remap[old] < 0) {
          remap[old] = functions.length;
          functions.push(this.names[old]);
        }
      }
    }
    const totals = new Float64Array(functions.length);
    let invocations = 0;
    const days: Maf1Day[] = sorted.map((d) => {
      const ids = new Int32Array(d.ids.n);
      const rowStart = d.rowStart.buf.slice(0, d.rowStart.n);
      for (let r = 0; r < d.ids.n; r++) {
        const f = (ids[r] = remap[d.ids.buf[r]]);
        let sum = 0;
        for (let k = rowStart[r]; k < rowStart[r + 1]; k++) sum += d.counts[k];
        totals[f] += sum;
        invocations += sum;
      }
      const day: Maf1Day = { day: d.day, functionIds: ids, rowStart, minutes: d.minutes.slice(0, d.nnz), counts: d.counts.slice(0, d.nnz) };
      if (d.source !== undefined) day.source = d.source;
      return day;
    });
    return {
      format: 'maf1',
      functions,
      days,
      dayCount: days.length ? days[days.length - 1].day + 1 : 0,
      totals,
      invocations,
      malformed: this.bad.snapshot(),
    };
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

/** A day file's text and where it belongs (default day: from a dNN file name, else the next day). */
export interface Maf1File {
  text: string;
  source?: string;
  day?: number;
}

/** Parses one or several whole MAF1 day files (for tests and the CLI; the page streams rows into Maf1Builder). */
export function parseMaf1(files: string | Maf1File | readonly Maf1File[]): Maf1Trace {
  const list: readonly Maf1File[] = typeof files === 'string' ? [{ text: files }] : Array.isArray(files) ? files : [files as Maf1File];
  const b = new Maf1Builder();
  for (const f of list) {
    const day = f.day ?? (f.source !== undefined ? maf1DayFromFileName(f.source) ?? undefined : undefined);
    b.beginDay({ day, source: f.source });
    forEachCsvLine(f.text, (fields, line) => b.addRow(fields, line));
  }
  return b.finish();
}

/**
 * Invocations per function over the minutes [startMinute, endMinute) of the
 * timeline (minute 0 = day 0, 00:00).
 */
export function maf1WindowTotals(trace: Maf1Trace, startMinute: number, endMinute: number): Float64Array {
  const out = new Float64Array(trace.functions.length);
  forEachCount(trace, startMinute, endMinute, (f, _m, c) => {
    out[f] += c;
  });
  return out;
}

/** Calls fn(function, minute of the timeline, count) for each nonzero count in [startMinute, endMinute). */
export function forEachCount(
  trace: Maf1Trace,
  startMinute: number,
  endMinute: number,
  fn: (functionId: number, minute: number, count: number) => void,
): void {
  for (const d of trace.days) {
    const base = d.day * MINUTES_PER_DAY;
    if (base >= endMinute || base + MINUTES_PER_DAY <= startMinute) continue;
    const lo = startMinute - base;
    const hi = endMinute - base;
    for (let r = 0; r < d.functionIds.length; r++) {
      const f = d.functionIds[r];
      for (let k = d.rowStart[r]; k < d.rowStart[r + 1]; k++) {
        const m = d.minutes[k];
        if (m >= lo && m < hi) fn(f, base + m, d.counts[k]);
      }
    }
  }
}

/** One function's dense per-minute counts over the whole timeline (dayCount x 1440 minutes). */
export function maf1FunctionMinutes(trace: Maf1Trace, functionId: number): Int32Array {
  const out = new Int32Array(trace.dayCount * MINUTES_PER_DAY);
  for (const d of trace.days) {
    const base = d.day * MINUTES_PER_DAY;
    for (let r = 0; r < d.functionIds.length; r++) {
      if (d.functionIds[r] !== functionId) continue;
      for (let k = d.rowStart[r]; k < d.rowStart[r + 1]; k++) out[base + d.minutes[k]] = d.counts[k];
    }
  }
  return out;
}
