/**
 * The "Measure my GPU" section among the inputs: collapsed at first; opening
 * it loads the panel (and with it the measure worker and onnxruntime-web), so
 * none of that is in the page's initial bundle.
 */
import { lazy, Suspense, useState } from 'react';

const MeasurePanel = lazy(() => import('./MeasurePanel'));

export function MeasureSection() {
  const [opened, setOpened] = useState(false);
  return (
    <details className="panel measure-section" data-panel="measure" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary data-testid="measure-open">
        <h2>Measure my GPU</h2>
        <span className="note"> latency profiles of BERT models measured in this browser (WebGPU, or the CPU)</span>
      </summary>
      {opened && (
        <Suspense fallback={<p className="note">loading the measurement panel…</p>}>
          <MeasurePanel />
        </Suspense>
      )}
    </details>
  );
}
