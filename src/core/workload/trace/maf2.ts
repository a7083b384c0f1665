/**
 * Azure Functions 2021 invocation traces (MAF2, reference doc section 5): one
 * row per invocation with columns app, func, end_timestamp, duration (seconds
 * from the start of the trace); the arrival is end_timestamp - duration,
 * computed in doubles as the reference does (float(end) - float(duration)).
 * Functions are keyed by func and numbered by first appearance.
 *
 * Rows arrive one at a time (a streaming CSV parser) into Maf2Builder, which
 * keeps 12 bytes per invocation (a Float64 arrival and an Int32 function id);
 * finish() groups them by function (a counting sort) and sorts each
 * function's arrivals, giving one Float64Array with per-function views.
 * Malformed rows are counted (first 5 kept with line numbers), never thrown; a
 * header without the needed columns throws a TraceFormatError saying what was
 * expected. Pure: no DOM, no Node.
 */
import { lowerBound } from '../../numeric/lowerBound';
import { ByteNames } from '../byteNames';
import { parseDecimalBytes } from '../decimalBytes';
import { NamedEvents } from '../namedEvents';
import { MalformedRecorder, TraceFormatError, describeColumns, forEachCsvLine, kindHint, type TraceMalformed } from './maf1';

/** At most this many invocations (12 bytes each while parsing). */
export const MAF2_DEFAULT_MAX_INVOCATIONS = 30_000_000;

export interface Maf2Trace {
  format: 'maf2';
  /** func values by id, in order of first appearance. */
  functions: string[];
  /** Function f's arrivals are times[offsets[f] .. offsets[f + 1]), sorted ascending. */
  offsets: Int32Array;
  times: Float64Array;
  /** Per function, a view of its sorted arrivals (seconds from the start of the trace). */
  arrivals: Float64Array[];
  invocations: number;
  /** Earliest and latest arrival (0 when empty). */
  start: number;
  end: number;
  malformed: TraceMalformed;
}

export interface Maf2BuilderOptions {
  maxInvocations?: number;
  /** Names the file in malformed-row examples. */
  source?: string;
}

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export function maf2HeaderMessage(fields: readonly string[]): string {
  return (
    `expected an Azure Functions 2021 (MAF2) invocation trace with columns app, func, end_timestamp, duration; ` +
    `found ${describeColumns(fields)}${kindHint(fields, 'maf2')}`
  );
}

export class Maf2Builder {
  private readonly events = new NamedEvents(4096);
  private readonly bad = new MalformedRecorder();
  private readonly maxInvocations: number;
  private readonly source?: string;
  private funcCol: number | string | null = null;
  private endCol: number | string = -1;
  private durCol: number | string = -1;
  private readonly byteNames = new ByteNames((name) => this.events.idOf(name));

  constructor(options: Maf2BuilderOptions = {}) {
    this.maxInvocations = options.maxInvocations ?? MAF2_DEFAULT_MAX_INVOCATIONS;
    this.source = options.source;
  }

  /** Valid invocations so far. */
  get invocations(): number {
    return this.events.n;
  }

  get malformedCount(): number {
    return this.bad.rows.count;
  }

  /**
   * One CSV record (line: 1-based line of the file, header = line 1). The first
   * call takes the header: an array is the header row itself; an object (a
   * parser's `header: true` row) gives it by its keys and is also data.
   */
  addRow(row: string[] | Record<string, string>, line: number): void {
    if (this.funcCol === null) {
      const fields = Array.isArray(row) ? row : Object.keys(row);
      const lower = fields.map((f) => String(f).trim().toLowerCase());
      const f = lower.indexOf('func');
      const e = lower.indexOf('end_timestamp');
      const d = lower.indexOf('duration');
      if (f < 0 || e < 0 || d < 0) throw new TraceFormatError(maf2HeaderMessage(fields));
      const key = (i: number): number | string => (Array.isArray(row) ? i : fields[i]);
      this.funcCol = key(f);
      this.endCol = key(e);
      this.durCol = key(d);
      if (Array.isArray(row)) return;
    }
    const get = row as Record<string | number, string | undefined>;
    const rawFunc = get[this.funcCol];
    const rawEnd = get[this.endCol];
    const rawDur = get[this.durCol];
    if (rawFunc == null || rawEnd == null || rawDur == null) {
      const which = rawFunc == null ? 'func' : rawEnd == null ? 'end_timestamp' : 'duration';
      return this.bad.add(line, `missing fields: no ${which} column`, this.source);
    }
    const name = String(rawFunc).trim();
    if (name === '') return this.bad.add(line, 'empty func', this.source);
    const end = parseNumber(String(rawEnd));
    if (end === null) return this.bad.add(line, `end_timestamp "${clip(String(rawEnd))}" is not a finite number`, this.source);
    const dur = parseNumber(String(rawDur));
    if (dur === null) return this.bad.add(line, `duration "${clip(String(rawDur))}" is not a finite number`, this.source);
    const t = end - dur;
    if (!Number.isFinite(t)) return this.bad.add(line, 'end_timestamp - duration is not finite', this.source);
    if (this.events.n >= this.maxInvocations) {
      throw new TraceFormatError(`more than ${this.maxInvocations.toLocaleString('en-US')} invocations: too large for the planner`);
    }
    this.events.push(t, this.events.idOf(name));
  }

  /**
   * The fast path for one line of bytes (no line break; a trailing CR already
   * removed): a plain ASCII row whose func field needs no trimming and whose
   * numbers are plain decimals (decimalBytes.ts) is added here, without
   * decoding it, exactly as addRow would add it; anything else (the header,
   * a malformed or unusual row) returns false, and the caller decodes the line
   * and hands it to addRow, which then decides and explains.
   */
  addLineBytes(buf: Uint8Array, from: number, to: number): boolean {
    const fc = this.funcCol;
    const ec = this.endCol;
    const dc = this.durCol;
    if (typeof fc !== 'number' || typeof ec !== 'number' || typeof dc !== 'number') return false;
    const last = fc > ec ? (fc > dc ? fc : dc) : ec > dc ? ec : dc;
    let field = 0;
    let start = from;
    let fFrom = 0, fTo = 0, eFrom = 0, eTo = 0, dFrom = 0, dTo = 0;
    for (let i = from; i <= to; i++) {
      const c = i < to ? buf[i] : 0x2c;
      if (c === 0x2c) {
        if (field === fc) (fFrom = start), (fTo = i);
        else if (field === ec) (eFrom = start), (eTo = i);
        else if (field === dc) (dFrom = start), (dTo = i);
        field++;
        start = i + 1;
      } else if (c < 0x21 || c > 0x7e || c === 0x22) return false; // spaces, control, non-ASCII, quotes: the slow path
    }
    if (field <= last || fTo === fFrom) return false;
    const end = parseDecimalBytes(buf, eFrom, eTo);
    const dur = parseDecimalBytes(buf, dFrom, dTo);
    if (end !== end || dur !== dur) return false; // NaN: not a plain decimal
    if (this.events.n >= this.maxInvocations) {
      throw new TraceFormatError(`more than ${this.maxInvocations.toLocaleString('en-US')} invocations: too large for the planner`);
    }
    this.events.push(end - dur, this.byteNames.idOf(buf, fFrom, fTo));
    return true;
  }

  /** Count a row the caller found malformed itself (e.g. a CSV quoting error). */
  addMalformed(line: number, reason: string): void {
    this.bad.add(line, reason, this.source);
  }

  /** The trace; the builder must not be used afterwards. */
  finish(): Maf2Trace {
    if (this.funcCol === null) throw new TraceFormatError('empty file (expected a MAF2 header row: app, func, end_timestamp, duration)');
    const ev = this.events;
    const F = ev.names.length;
    const n = ev.n;
    const offsets = new Int32Array(F + 1);
    for (let i = 0; i < n; i++) offsets[ev.ids[i] + 1]++;
    for (let f = 0; f < F; f++) offsets[f + 1] += offsets[f];
    const times = new Float64Array(n);
    const fill = offsets.slice(0, F);
    for (let i = 0; i < n; i++) times[fill[ev.ids[i]]++] = ev.times[i];
    ev.release();
    const arrivals: Float64Array[] = [];
    let start = Infinity;
    let end = -Infinity;
    for (let f = 0; f < F; f++) {
      const a = times.subarray(offsets[f], offsets[f + 1]);
      a.sort();
      arrivals.push(a);
      if (a.length) {
        if (a[0] < start) start = a[0];
        if (a[a.length - 1] > end) end = a[a.length - 1];
      }
    }
    return {
      format: 'maf2',
      functions: ev.names.slice(),
      offsets,
      times,
      arrivals,
      invocations: n,
      start: n ? start : 0,
      end: n ? end : 0,
      malformed: this.bad.snapshot(),
    };
  }
}

/** A finite decimal number (as Python's float() reads it, without inf/nan), or null. */
function parseNumber(s: string): number | null {
  if (!NUMBER.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

/** Parses a whole MAF2 file's text (tests and the CLI; the page streams rows into Maf2Builder). */
export function parseMaf2(text: string, options: Maf2BuilderOptions = {}): Maf2Trace {
  const b = new Maf2Builder(options);
  forEachCsvLine(text, (fields, line) => b.addRow(fields, line));
  return b.finish();
}

/** The index range [lo, hi) of sorted `a` with start <= a[i] < end. */
export function sliceRange(a: Float64Array, start: number, end: number): [number, number] {
  return [lowerBound(a, start), lowerBound(a, end)];
}
