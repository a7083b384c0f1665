/**
 * Measured profiles (kept across reloads): the one shown with its provenance,
 * stage table and built-in comparison; "use this profile" adds it to the
 * scenario's profiles (the planner can use it at once), "export JSON" saves it
 * in the format the Models panel's upload reads.
 */
import { useState } from 'react';
import { measuredView } from '../../gpu/measuredView';
import { measuredProfilesJson } from '../../state/measurePersist';
import { useMeasure } from '../../state/measureStore';
import { usePlanner } from '../../state/store';
import { downloadText } from '../charts/exportChart';
import { BuiltinComparison } from './BuiltinComparison';
import { ResultTable } from './ResultTable';

export function MeasureResults() {
  const results = useMeasure((s) => s.results);
  const shown = useMeasure((s) => s.shown);
  const patch = useMeasure((s) => s.patch);
  const removeResult = useMeasure((s) => s.removeResult);
  const storageFailed = useMeasure((s) => s.storageFailed);
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const [used, setUsed] = useState<string | null>(null);
  const ids = Object.keys(results);
  if (ids.length === 0) return <p className="note">No measurements yet. Results are kept in this browser across reloads.</p>;
  const id = shown && results[shown] ? shown : ids[ids.length - 1];
  const profile = results[id];
  const view = measuredView(profile);
  const inScenario = draft.profiles?.[id] === profile || JSON.stringify(draft.profiles?.[id]) === JSON.stringify(profile);
  return (
    <section className="measure-result" aria-label="measurement result" data-testid="measure-result">
      <div className="row wrap">
        <label className="field">
          <span>result</span>
          <select aria-label="measured profile shown" data-testid="measure-result-id" value={id} onChange={(e) => patch({ shown: e.target.value })}>
            {ids.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
      </div>
      <dl className="measure-facts">
        <dt>model</dt>
        <dd>{view.model}</dd>
        <dt>backend</dt>
        <dd data-testid="measure-result-backend" className={view.gpuMeasurement ? undefined : 'not-gpu'}>
          {view.backend}
        </dd>
        <dt>device</dt>
        <dd>{view.device}</dd>
        <dt>fallback adapter</dt>
        <dd data-testid="measure-result-fallback">{view.backendKind === 'webgpu' ? (view.fallbackAdapter ? 'yes (software adapter)' : 'no') : 'no GPU (wasm)'}</dd>
        <dt>precision</dt>
        <dd>{view.precision}</dd>
        <dt>measured</dt>
        <dd>
          {view.date}, {view.warmup ?? '?'} warm-up + {view.runs ?? '?'} timed runs per stage
        </dd>
        {view.scaledFromOneLayer && (
          <>
            <dt>scaled</dt>
            <dd data-testid="measure-scaled">{view.scaling}</dd>
          </>
        )}
        <dt>nodes off the GPU</dt>
        <dd data-testid="measure-offgpu">
          {view.backendKind !== 'webgpu'
            ? 'not applicable (CPU backend)'
            : view.nodesOffGpu.length > 0
              ? `${view.nodesOffGpu.length}: ${view.nodesOffGpu.join('; ')}`
              : view.placementUnknown.length > 0
                ? `unknown: onnxruntime reported no placements for ${view.placementUnknown.join(', ')}`
                : 'none: onnxruntime placed every node on WebGPU'}
        </dd>
      </dl>
      <ResultTable view={view} />
      <BuiltinComparison profile={profile} builtin={view.builtin} />
      <div className="row wrap">
        <button
          type="button"
          className="primary"
          data-testid="measure-use"
          onClick={() => {
            edit({ ...draft, profiles: { ...(draft.profiles ?? {}), [id]: profile } });
            setUsed(id);
          }}
        >
          Use this profile
        </button>
        <button type="button" data-testid="measure-export" onClick={() => downloadText(measuredProfilesJson({ [id]: profile }, 2), `${id}.json`, 'application/json')}>
          Export JSON
        </button>
        <button type="button" data-testid="measure-remove" onClick={() => removeResult(id)} aria-label={`remove the measurement ${id}`}>
          Remove
        </button>
      </div>
      {(used === id || inScenario) && (
        <p className="note" role="status" data-testid="measure-used">
          &ldquo;{id}&rdquo; is in the scenario&apos;s profiles: choose it as a model&apos;s profile in the Models panel.
        </p>
      )}
      {storageFailed && (
        <p className="error-text" role="alert">
          The browser would not store the measurements (storage full or disabled); export them as JSON to keep them.
        </p>
      )}
    </section>
  );
}
