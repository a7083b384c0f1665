/**
 * The trace viewer (when the scenario replays a trace): each model's request
 * rate over the window and each fitted window's cv, before and after scaling,
 * with the rate-scale and cv-scale sliders that drive the planner directly
 * (they edit the scenario; the runs follow). The data comes from the runner
 * (computed on the pool from the same replay the simulations use).
 */
import { useCallback, useMemo, useState } from 'react';
import type { TraceWorkload } from '../../core/scenario/types';
import { withWorkload } from '../../state/traceEdits';
import { usePlanner } from '../../state/store';
import { drawTraceCv, traceCvData } from '../charts/traceCv';
import { drawTraceRate, TRACE_MAX_SERIES, traceRateData, type TraceSelection } from '../charts/traceRate';
import { LogSlider } from '../panels/fields';
import { formatDuration } from '../panels/traceText';
import { ChartView } from './ChartView';

function ScaleSliders({ w }: { w: TraceWorkload }) {
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const fit = w.fit ?? 'gamma';
  if (fit === 'vanilla') {
    return <LogSlider label="time scale (replay faster)" value={w.timeScale ?? 1} min={0.1} max={100} onChange={(v) => edit(withWorkload(draft, { ...w, timeScale: v }))} testId="trace-time-slider" />;
  }
  return (
    <div className="row wrap sliders">
      <LogSlider
        label="rate scale"
        value={w.rateScale ?? 1}
        min={0.001}
        max={100}
        onChange={(v) => edit(withWorkload(draft, { ...w, rateScale: v }))}
        testId="trace-rate-slider"
        hint="multiplies every window's fitted rate"
      />
      {fit === 'gamma' && (
        <LogSlider
          label={w.format === 'maf1' ? 'cv (absolute)' : 'cv scale'}
          value={w.cvScale ?? 1}
          min={0.1}
          max={20}
          onChange={(v) => edit(withWorkload(draft, { ...w, cvScale: v }))}
          testId="trace-cv-slider"
          hint={w.format === 'maf1' ? 'MAF1 has no timestamps: the cv of every window' : "multiplies each window's fitted cv"}
        />
      )}
    </div>
  );
}

export function TraceViewer() {
  const tv = usePlanner((s) => s.traceView);
  const w = usePlanner((s) => (s.draft.workload.kind === 'trace' ? s.draft.workload : null));
  const [selection, setSelection] = useState<TraceSelection>('total');
  const view = tv?.view ?? null;
  const models = view?.models.length ?? 0;
  const sel: TraceSelection = typeof selection === 'number' && selection >= models ? 'total' : selection;
  const rate = useMemo(() => (view ? traceRateData(view, sel) : null), [view, sel]);
  const cv = useMemo(() => (view ? traceCvData(view, sel) : null), [view, sel]);
  const drawRate = useCallback(drawTraceRate, []);
  const drawCv = useCallback(drawTraceCv, []);
  if (!w || !tv) return null;
  const controls = (
    <label className="field">
      <span>models</span>
      <select
        aria-label="models shown in the trace charts"
        data-testid="trace-view-models"
        value={String(sel)}
        onChange={(e) => setSelection(e.target.value === 'total' || e.target.value === 'each' ? e.target.value : Number(e.target.value))}
      >
        <option value="total">all models together</option>
        <option value="each">each model{models > TRACE_MAX_SERIES ? ` (first ${TRACE_MAX_SERIES})` : ''}</option>
        {view?.models.map((m, i) => (
          <option key={m.name} value={i}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
  const totals = view ? view.models.reduce((a, m) => ({ trace: a.trace + m.traceRequests, replay: a.replay + m.replayedRequests }), { trace: 0, replay: 0 }) : null;
  return (
    <section className="panel trace-viewer" aria-labelledby="trace-viewer-h" data-testid="trace-viewer">
      <div className="panel-head">
        <h2 id="trace-viewer-h">The trace you are planning for</h2>
      </div>
      <ScaleSliders w={w} />
      {tv.error && (
        <p className="error-text" role="alert" data-testid="trace-view-error">
          {tv.error}
        </p>
      )}
      {view && totals && (
        <p className="note" data-testid="trace-view-summary">
          Window of {formatDuration(view.end - view.start)}: {totals.trace.toLocaleString('en-US')} invocations in the trace, {totals.replay.toLocaleString('en-US')} requests
          replayed ({(totals.replay / (view.end - view.start)).toFixed(2)} req/s over {view.models.length} models)
          {view.fit !== 'vanilla' ? `; one fitted process per ${formatDuration(view.interval)} window` : '; the timestamps themselves (vanilla)'}; bins of{' '}
          {formatDuration(view.binWidth)}.
        </p>
      )}
      {view?.warnings.map((m) => (
        <p className="note" key={m}>
          {m}
        </p>
      ))}
      <ChartView id="trace-rate" title="Request rate, trace vs replay" data={rate} draw={drawRate} controls={controls} dim={tv.stale} />
      {view && view.fit !== 'vanilla' && <ChartView id="trace-cv" title="Burstiness per fitted window" data={cv} draw={drawCv} dim={tv.stale} />}
    </section>
  );
}
