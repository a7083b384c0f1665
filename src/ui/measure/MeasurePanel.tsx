/**
 * "Measure my GPU": device/backend information, model and run settings with
 * the time estimate, progress per stage with Cancel, and the results. Loaded
 * lazily by MeasureSection; opening it starts the measure worker, which looks
 * for a WebGPU adapter.
 */
import { useEffect } from 'react';
import { refreshBackend } from '../../state/measureRunner';
import { DeviceInfo } from './DeviceInfo';
import { MeasureResults } from './MeasureResults';
import { MeasureRun } from './MeasureRun';
import { MeasureSettings } from './MeasureSettings';

export default function MeasurePanel() {
  useEffect(() => {
    void refreshBackend();
  }, []);
  return (
    <div className="measure-panel" data-testid="measure-panel">
      <p className="note">
        Builds BERT-like models in the browser (random weights, nothing downloaded), runs each pipeline stage with onnxruntime-web in a worker and turns the
        stage latencies into a profile the planner can use. See docs/measure.md.
      </p>
      <DeviceInfo />
      <MeasureSettings />
      <MeasureRun />
      <MeasureResults />
    </div>
  );
}
