/** The backend the measurement will use: WebGPU adapter (name, fallback flag) or the labelled CPU (wasm) backend. */
import { adapterName } from '../../gpu/backend';
import { refreshBackend } from '../../state/measureRunner';
import { useMeasure } from '../../state/measureStore';
import type { BackendChoice } from '../../workers/measureApi';

const mib = (b: number): string => `${Math.round(b / 2 ** 20)} MiB`;

export function DeviceInfo() {
  const backend = useMeasure((s) => s.backend);
  const error = useMeasure((s) => s.backendError);
  const detecting = useMeasure((s) => s.detecting);
  const choice = useMeasure((s) => s.choice);
  const running = useMeasure((s) => s.status === 'running');
  const setSettings = useMeasure((s) => s.setSettings);
  return (
    <div className="measure-device">
      <label className="field">
        <span>backend</span>
        <select
          aria-label="measurement backend"
          data-testid="measure-choice"
          value={choice}
          disabled={running}
          onChange={(e) => {
            setSettings({ choice: e.target.value as BackendChoice });
            void refreshBackend();
          }}
        >
          <option value="auto">WebGPU if this browser has an adapter, else CPU (wasm)</option>
          <option value="wasm">CPU (wasm) only</option>
        </select>
      </label>
      {detecting && <p className="note">looking for a WebGPU adapter…</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {backend && (
        <dl className="measure-facts" data-testid="measure-device">
          <dt>measures on</dt>
          <dd data-testid="measure-backend" className={backend.kind === 'wasm' || backend.adapter?.isFallbackAdapter ? 'not-gpu' : undefined}>
            {backend.label}
          </dd>
          {backend.adapter && (
            <>
              <dt>adapter</dt>
              <dd>
                {adapterName(backend.adapter)} (vendor {backend.adapter.vendor || '?'}, architecture {backend.adapter.architecture || '?'})
              </dd>
              <dt>fallback adapter</dt>
              <dd data-testid="measure-fallback">{backend.adapter.isFallbackAdapter ? 'yes: a software adapter, not your GPU' : 'no'}</dd>
              <dt>precision</dt>
              <dd>{backend.adapter.shaderF16 ? 'fp16 (shader-f16)' : 'fp32 (the adapter has no shader-f16)'}</dd>
              <dt>largest buffer</dt>
              <dd>{mib(Math.min(backend.adapter.maxBufferSize, backend.adapter.maxStorageBufferBindingSize))}</dd>
            </>
          )}
          {backend.kind === 'wasm' && (
            <>
              <dt>precision</dt>
              <dd>fp32</dd>
              <dt>threads</dt>
              <dd>
                {backend.threads}
                {backend.crossOriginIsolated ? '' : ' (the page is not cross-origin isolated: one thread)'}
              </dd>
            </>
          )}
          {backend.webgpuUnavailable && (
            <>
              <dt>WebGPU</dt>
              <dd data-testid="measure-webgpu-why">{backend.webgpuUnavailable}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
