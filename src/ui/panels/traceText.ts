/** How the trace panels write times: spans on the trace's timeline (day.hour.minute) and durations. */
import { formatDayHourMinute, type TraceInfo } from '../../core/workload/trace';

export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${+seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`;
  if (seconds < 2 * 86400) return `${+(seconds / 3600).toFixed(1)} h`;
  return `${+(seconds / 86400).toFixed(1)} days`;
}

/** "0.0.0 to 0.9.59 (10 min)": first and last invocation (day.hour.minute) and the time between. */
export function describeSpan(info: Pick<TraceInfo, 'start' | 'end'>): string {
  return `${formatDayHourMinute(info.start)} to ${formatDayHourMinute(info.end)} (${formatDuration(info.end - info.start)})`;
}
