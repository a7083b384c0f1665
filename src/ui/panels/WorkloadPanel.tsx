/**
 * Workload: Gamma / Poisson / deterministic (duration, seed), an uploaded
 * request log (CSV, parsed in a worker), or the replay of an Azure Functions
 * trace (TraceSection).
 */
import { useRef, useState } from 'react';
import type { Scenario, WorkloadSpec } from '../../core/scenario/types';
import { usePlanner } from '../../state/store';
import { useTraceLibrary } from '../../state/traceLibrary';
import { parseRequestLogFile } from '../../workers/uploadClient';
import { Issues, NumberField, Panel } from './fields';
import { replayEntry } from './TraceList';
import { TraceSection } from './TraceSection';

function switchKind(s: Scenario, kind: string): WorkloadSpec {
  const w = s.workload;
  const duration = w.kind === 'explicit' ? Math.max(60, Math.ceil(w.requests.at(-1)?.[0] ?? 600)) : w.kind === 'trace' ? 600 : w.duration;
  if (kind === 'deterministic') return { kind, duration };
  return { kind: kind as 'gamma' | 'poisson', duration, seed: w.kind === 'gamma' || w.kind === 'poisson' ? w.seed : 0 };
}

function RequestLogUpload() {
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'info' | 'error'; text: string; fraction?: number }>({ kind: 'idle', text: '' });
  const abort = useRef<AbortController | null>(null);
  return (
    <div className="upload">
      <label className="file-button">
        Upload a request log (CSV: timestamp, model)
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          data-testid="log-upload"
          disabled={state.kind === 'busy'}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            abort.current = new AbortController();
            setState({ kind: 'busy', text: `reading ${file.name}…`, fraction: 0 });
            const r = await parseRequestLogFile(
              file,
              (p) => setState({ kind: 'busy', text: `reading ${file.name}: ${p.rows.toLocaleString()} rows`, fraction: p.total > 0 ? p.bytes / p.total : 0 }),
              abort.current.signal,
            );
            abort.current = null;
            if (!r.ok) {
              setState({ kind: r.cancelled ? 'info' : 'error', text: r.cancelled ? `${file.name}: cancelled; the workload is unchanged` : `${file.name}: ${r.message}` });
              return;
            }
            const known = new Set(draft.models.map((m) => m.name));
            const missing = r.log.models.filter((m) => !known.has(m.name));
            if (missing.length > 0) {
              setState({
                kind: 'error',
                text: `${file.name}: the log names models the scenario does not have (${missing.slice(0, 5).map((m) => m.name).join(', ')}${missing.length > 5 ? ', …' : ''}); add them first or rename them. The workload is unchanged.`,
              });
              return;
            }
            edit({ ...draft, workload: r.workload });
            const bad = r.log.malformed.count > 0 ? `; ${r.log.malformed.count} malformed rows skipped (first: line ${r.log.malformed.examples[0].line}: ${r.log.malformed.examples[0].reason})` : '';
            setState({ kind: 'info', text: `${file.name}: ${r.log.requests.toLocaleString()} requests over ${r.log.duration.toFixed(1)} s${bad}` });
          }}
        />
      </label>
      {state.kind === 'busy' && (
        <div className="row">
          <progress max={1} value={state.fraction ?? 0} aria-label="upload progress" />
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {state.text && (
        <p className={state.kind === 'error' ? 'error-text' : 'note'} role={state.kind === 'error' ? 'alert' : 'status'} data-testid="log-upload-status">
          {state.text}
        </p>
      )}
    </div>
  );
}

export function WorkloadPanel() {
  const draft = usePlanner((s) => s.draft);
  const issues = usePlanner((s) => s.issues);
  const edit = usePlanner((s) => s.edit);
  const traces = useTraceLibrary((s) => s.entries);
  const w = draft.workload;
  const set = (next: WorkloadSpec): void => edit({ ...draft, workload: next });
  const pick = (kind: string): void => {
    if (kind === 'trace') {
      const latest = traces?.at(-1);
      if (latest) replayEntry(draft, latest);
    } else if (kind !== 'explicit') set(switchKind(draft, kind));
  };
  return (
    <Panel title="Workload" id="workload">
      <div className="row wrap">
        <label className="field">
          <span>arrivals</span>
          <select aria-label="arrival process" data-testid="workload-kind" value={w.kind} onChange={(e) => pick(e.target.value)}>
            <option value="gamma">Gamma (rate, cv per model)</option>
            <option value="poisson">Poisson (cv 1)</option>
            <option value="deterministic">deterministic</option>
            <option value="explicit" disabled={w.kind !== 'explicit'}>
              uploaded request log
            </option>
            <option value="trace" disabled={w.kind !== 'trace' && !traces?.length}>
              Azure Functions trace replay
            </option>
          </select>
        </label>
        {(w.kind === 'gamma' || w.kind === 'poisson' || w.kind === 'deterministic') && <NumberField label="duration (s)" value={w.duration} min={1} onChange={(v) => set({ ...w, duration: v })} width="6em" testId="duration" />}
        {(w.kind === 'gamma' || w.kind === 'poisson') && <NumberField label="seed" value={w.seed} min={0} step={1} onChange={(v) => set({ ...w, seed: v })} width="6em" testId="seed" />}
        {w.kind === 'explicit' && <p className="note">{w.requests.length.toLocaleString()} requests from an uploaded log</p>}
        {w.kind === 'trace' && (
          <p className="note">
            replay of the {w.format.toUpperCase()} trace “{w.source.name}” from {String(w.start)} to {String(w.end)}
          </p>
        )}
      </div>
      {w.kind !== 'trace' && <Issues issues={issues} prefix="workload" />}
      <RequestLogUpload />
      <TraceSection />
    </Panel>
  );
}
