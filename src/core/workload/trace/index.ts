/**
 * Azure Functions trace import and replay (issue 5; reference doc section 5).
 * Pure: no DOM, no Node. Parsers take rows incrementally (Maf1Builder,
 * Maf2Builder; RequestLogBuilder for generic request logs) or whole texts
 * (parseMaf1, parseMaf2, parseTraceText); replayTrace turns a trace into
 * per-model streams and merged Arrivals.
 */
import { RequestLogBuilder, type RequestLog } from '../requestLog';
import {
  MINUTES_PER_DAY,
  TraceFormatError,
  describeColumns,
  detectTraceFormat,
  forEachCsvLine,
  maf1DayFromFileName,
  parseMaf1,
  splitCsvLine,
  type Maf1Trace,
} from './maf1';
import { parseMaf2, type Maf2Trace } from './maf2';

export {
  MINUTES_PER_DAY,
  TRACE_MALFORMED_EXAMPLES,
  TraceFormatError,
  Maf1Builder,
  parseMaf1,
  maf1DayFromFileName,
  maf1HeaderMessage,
  maf1WindowTotals,
  maf1FunctionMinutes,
  forEachCount,
  detectTraceFormat,
  splitCsvLine,
  forEachCsvLine,
  type Maf1Day,
  type Maf1File,
  type Maf1Trace,
  type TraceMalformed,
} from './maf1';
export { MAF2_DEFAULT_MAX_INVOCATIONS, Maf2Builder, parseMaf2, maf2HeaderMessage, sliceRange, type Maf2BuilderOptions, type Maf2Trace } from './maf2';
export {
  digamma,
  trigamma,
  logMinusDigamma,
  minkaShapeEstimate,
  solveGammaShape,
  fitGamma,
  fitExponentialRate,
  pairwiseSum,
  numpyMean,
  type GammaFit,
} from './gammaFit';
export {
  MAF1_DEFAULT_INTERVAL,
  MAF2_DEFAULT_INTERVAL,
  RATE_CAP_FACTOR,
  GAP_EPSILON,
  TraceReplayError,
  parseDayHourMinute,
  formatDayHourMinute,
  mapFunctionsToModels,
  replayTrace,
  type TraceMapping,
  type TraceFit,
  type TraceReplayOptions,
  type ReplayWindow,
  type TraceReplay,
} from './replay';

/** A generic request log (timestamp, model) as a trace. */
export interface RequestTrace {
  format: 'requests';
  log: RequestLog;
}

export type ParsedTrace = Maf1Trace | Maf2Trace | RequestTrace;

/** What `trace-info` prints. Times are seconds from the start of the trace. */
export interface TraceInfo {
  format: 'maf1' | 'maf2' | 'requests';
  /** MAF1/MAF2: distinct functions; request log: distinct models. */
  functions: number;
  invocations: number;
  /**
   * First and last invocation: MAF1 the start of the first minute with an
   * invocation and the end of the last one (minute resolution); MAF2 the
   * earliest and latest arrival (end_timestamp - duration); a request log is
   * shifted to start at 0, so 0 and its span. 0 and 0 when empty.
   */
  start: number;
  end: number;
}

export function traceInfo(trace: ParsedTrace): TraceInfo {
  switch (trace.format) {
    case 'maf1': {
      let first = Infinity;
      let last = -Infinity;
      for (const d of trace.days) {
        const base = d.day * MINUTES_PER_DAY;
        for (let k = 0; k < d.minutes.length; k++) {
          const m = base + d.minutes[k];
          if (m < first) first = m;
          if (m > last) last = m;
        }
      }
      const any = first <= last;
      return {
        format: 'maf1',
        functions: trace.functions.length,
        invocations: trace.invocations,
        start: any ? first * 60 : 0,
        end: any ? (last + 1) * 60 : 0,
      };
    }
    case 'maf2':
      return { format: 'maf2', functions: trace.functions.length, invocations: trace.invocations, start: trace.start, end: trace.end };
    case 'requests': {
      const log = trace.log;
      return { format: 'requests', functions: log.models.length, invocations: log.rows, start: 0, end: log.rows ? log.end - log.start : 0 };
    }
  }
}

/** The header fields of a text: its first non-empty line. */
function headerOf(text: string): string[] {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    if (line.trim() !== '') return splitCsvLine(line);
    pos = nl + 1;
  }
  return [];
}

/**
 * One whole file's text, of whichever kind its header says (MAF1 day file,
 * MAF2 trace, or a comma-separated request log). `source` is the file name
 * (a MAF1 `...dNN.csv` name places the day). Throws TraceFormatError for an
 * unknown header; malformed rows are counted in the result.
 */
export function parseTraceText(text: string, source?: string): ParsedTrace {
  const header = headerOf(text);
  const kind = detectTraceFormat(header);
  if (kind === 'maf1') {
    const day = source !== undefined ? maf1DayFromFileName(source) ?? undefined : undefined;
    return parseMaf1({ text, source, day });
  }
  if (kind === 'maf2') return parseMaf2(text, { source });
  if (kind === 'requests') {
    const b = new RequestLogBuilder();
    forEachCsvLine(text, (fields, line) => b.addRow(fields, line));
    return { format: 'requests', log: b.finish() };
  }
  throw new TraceFormatError(
    'expected an Azure Functions 2019 per-minute file (HashOwner, HashApp, HashFunction, Trigger, 1 .. 1440), ' +
      'an Azure Functions 2021 invocation trace (app, func, end_timestamp, duration) or a request log (timestamp, model); ' +
      `found ${describeColumns(header)}`,
  );
}
