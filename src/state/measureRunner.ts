/**
 * Starts and cancels measurements for the Measure panel: asks the worker for
 * the backend, runs the measurement there with progress into the store, and
 * keeps the resulting profile. One measurement at a time; Cancel terminates
 * the worker.
 */
import { detectBackend, measureInWorker } from '../workers/measureClient';
import { modelFromSettings, settingsOf, useMeasure } from './measureStore';

let controller: AbortController | null = null;

export async function refreshBackend(): Promise<void> {
  const st = useMeasure.getState();
  st.patch({ detecting: true, backendError: null });
  try {
    const backend = await detectBackend(useMeasure.getState().choice);
    useMeasure.getState().patch({ backend, detecting: false });
  } catch (e) {
    useMeasure.getState().patch({ backend: null, detecting: false, backendError: `could not start the measure worker: ${(e as Error)?.message ?? String(e)}` });
  }
}

export async function startMeasurement(): Promise<void> {
  const st = useMeasure.getState();
  if (st.status === 'running') return;
  const model = modelFromSettings(st);
  controller = new AbortController();
  const mine = controller;
  st.patch({ status: 'running', progress: null, finished: [], error: null, startedAt: performance.now() });
  const reply = await measureInWorker(
    { model, settings: settingsOf(st) },
    st.choice,
    (p) => {
      if (controller !== mine) return;
      const s = useMeasure.getState();
      const finished = p.phase === 'done' && p.result ? [...s.finished, { key: p.key, label: p.label, median: p.result.stats.median, iqr: p.result.stats.iqr }] : s.finished;
      s.patch({ progress: p, finished });
    },
    mine.signal,
  );
  if (controller !== mine) return;
  controller = null;
  const s = useMeasure.getState();
  if (reply.ok) {
    s.addResult(reply.id, reply.profile);
    s.patch({ status: 'done', progress: null });
  } else if (mine.signal.aborted) {
    s.patch({ status: 'cancelled', progress: null });
    void refreshBackend(); // a fresh worker for the next measurement
  } else {
    s.patch({ status: 'error', error: reply.message, progress: null });
  }
}

export function cancelMeasurement(): void {
  controller?.abort();
}
