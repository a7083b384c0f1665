/** Start and Cancel, and the progress of a running measurement: per stage (session), its phase and runs, the time left. */
import { useEffect, useState } from 'react';
import { assumedSpeed, formatDuration, remainingSeconds } from '../../gpu/estimate';
import { formatMs } from '../../gpu/measuredView';
import { cancelMeasurement, startMeasurement } from '../../state/measureRunner';
import { useMeasure } from '../../state/measureStore';
import { usePlan } from './MeasureSettings';

const PHASE: Record<string, string> = {
  building: 'generating weights and building the graph',
  creating: 'creating the session',
  'warm-up': 'warm-up runs',
  timing: 'timed runs',
  done: 'done',
};

/** Re-renders every second while `on`, for the elapsed time. */
function useTick(on: boolean): void {
  const [, set] = useState(0);
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => set((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [on]);
}

export function MeasureRun() {
  const status = useMeasure((s) => s.status);
  const progress = useMeasure((s) => s.progress);
  const finished = useMeasure((s) => s.finished);
  const error = useMeasure((s) => s.error);
  const startedAt = useMeasure((s) => s.startedAt);
  const backend = useMeasure((s) => s.backend);
  const warmup = useMeasure((s) => s.warmup);
  const runs = useMeasure((s) => s.runs);
  const { plan } = usePlan();
  const running = status === 'running';
  useTick(running);
  const elapsed = running && startedAt !== null ? (performance.now() - startedAt) / 1000 : 0;
  const left = running && plan && backend ? remainingSeconds(plan, warmup + runs, finished, assumedSpeed(backend)) : null;
  return (
    <div className="measure-run">
      <div className="row wrap">
        <button type="button" className="primary" data-testid="measure-start" disabled={running || !plan} onClick={() => void startMeasurement()}>
          Start measuring
        </button>
        <button type="button" data-testid="measure-cancel" disabled={!running} onClick={cancelMeasurement}>
          Cancel
        </button>
        <span role="status" className="note" data-testid="measure-status">
          {running && (progress ? `stage ${progress.session + 1} of ${progress.sessions}: ${progress.label}, ${PHASE[progress.phase]}${progress.phase === 'warm-up' || progress.phase === 'timing' ? ` (run ${progress.run} of ${progress.runs})` : ''}` : 'starting the measure worker…')}
          {status === 'done' && 'measurement finished'}
          {status === 'cancelled' && 'measurement cancelled'}
        </span>
      </div>
      {running && (
        <div data-testid="measure-progress">
          <progress max={progress?.sessions ?? 1} value={progress ? progress.session + (progress.phase === 'done' ? 1 : progress.run / Math.max(1, progress.runs)) : 0} aria-label="measurement progress" />
          <span className="note">
            {' '}
            {Math.round(elapsed)} s elapsed{left !== null ? `, ${formatDuration(left)} left` : ''}
          </span>
        </div>
      )}
      {finished.length > 0 && (running || status === 'cancelled') && (
        <ol className="measure-finished" data-testid="measure-finished">
          {finished.map((f) => (
            <li key={f.key}>
              {f.label}: {formatMs(f.median)} (IQR {formatMs(f.iqr)})
            </li>
          ))}
        </ol>
      )}
      {status === 'error' && error && (
        <p className="error-text" role="alert" data-testid="measure-error">
          The measurement failed: {error}
        </p>
      )}
    </div>
  );
}
