/** The traces this browser holds (IndexedDB): name, format, functions, invocations, span (day.hour.minute); replay one, or delete it. */
import type { Scenario } from '../../core/scenario/types';
import { boundSeconds, traceWorkloadFor, withWorkload } from '../../state/traceEdits';
import { removeTrace, useTraceLibrary, type LibraryEntry } from '../../state/traceLibrary';
import { usePlanner } from '../../state/store';
import { formatDayHourMinute } from '../../core/workload/trace';
import { formatDuration } from './traceText';

/** Pick a stored trace as the scenario's workload, and move the timeline view to the window's start. */
export function replayEntry(draft: Scenario, entry: LibraryEntry): void {
  const w = traceWorkloadFor(entry, draft.workload);
  const st = usePlanner.getState();
  st.edit(withWorkload(draft, w));
  const from = boundSeconds(w.start);
  if (Number.isFinite(from)) st.setTimeline({ from, to: from + 20 });
}

export function TraceList() {
  const entries = useTraceLibrary((s) => s.entries);
  const draft = usePlanner((s) => s.draft);
  const selected = draft.workload.kind === 'trace' ? draft.workload.source.sha256 : undefined;
  if (entries === null) return <p className="note">reading the stored traces…</p>;
  if (entries.length === 0) return <p className="note">No traces stored in this browser yet.</p>;
  return (
    <div className="table-scroll">
      <table className="traces" data-testid="trace-list">
        <thead>
          <tr>
            <th scope="col">trace</th>
            <th scope="col">functions</th>
            <th scope="col">invocations</th>
            <th scope="col">span</th>
            <th scope="col">
              <span className="sr-only">actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.sha256} className={e.sha256 === selected ? 'selected' : undefined} data-testid="trace-entry" aria-current={e.sha256 === selected ? 'true' : undefined}>
              <td title={`sha256 ${e.sha256}\n${e.files.map((f) => f.name).join('\n')}`}>
                <div className="trace-name">{e.name}</div>
                <div className="note">
                  {e.format.toUpperCase()}
                  {e.synthetic ? (
                    <>
                      , <span className="badge synthetic" data-testid="synthetic-badge">synthetic sample</span>
                    </>
                  ) : null}
                  {e.persisted ? '' : ', this session only'}
                </div>
              </td>
              <td>{e.info.functions.toLocaleString('en-US')}</td>
              <td>{e.info.invocations.toLocaleString('en-US')}</td>
              <td>
                {formatDayHourMinute(e.info.start)}–{formatDayHourMinute(e.info.end)}
                <div className="note">{formatDuration(e.info.end - e.info.start)}</div>
              </td>
              <td className="row-actions">
                <button type="button" onClick={() => replayEntry(draft, e)} disabled={e.sha256 === selected} aria-label={`replay ${e.name}`}>
                  {e.sha256 === selected ? 'replaying' : 'Replay'}
                </button>{' '}
                <button type="button" onClick={() => void removeTrace(e.sha256)} aria-label={`delete ${e.name}`}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
