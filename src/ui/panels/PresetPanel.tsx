/**
 * The paper, runnable: pick a preset (a figure or study of the paper) to load
 * its scenario, its compared policies and its sweep; the text says what to
 * look for and which published number it reproduces, next to ours. A shared
 * link of a preset names it (meta.preset), so the text comes back with it.
 */
import { presetById, PRESETS } from '../../core/presets';
import { usePlanner } from '../../state/store';
import { Panel } from './fields';

export function PresetPanel() {
  const scenario = usePlanner((s) => s.scenario);
  const load = usePlanner((s) => s.load);
  const setCompare = usePlanner((s) => s.setCompare);
  const id = typeof scenario.meta?.preset === 'string' ? scenario.meta.preset : '';
  const preset = id ? presetById(id) : undefined;
  return (
    <Panel title="The paper, runnable" id="presets">
      <label className="field">
        <span>preset</span>
        <select
          aria-label="preset"
          data-testid="preset"
          value={preset ? preset.id : ''}
          onChange={(e) => {
            const p = presetById(e.target.value);
            if (!p) return;
            if (load(p.scenario, `the preset "${p.title}"`)) setCompare(p.compare ?? []);
          }}
        >
          <option value="">(choose a figure or study of the paper)</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      {preset && (
        <div className="preset-text" data-testid="preset-text">
          <p>{preset.text}</p>
          <p className="note">
            <strong>Published:</strong> {preset.reproduces}
            <br />
            <strong>This planner:</strong> {preset.ours}
          </p>
          {preset.sweep && <p className="note">Run the Sweep panel below the views to draw this study.</p>}
          {preset.variants && preset.variants.length > 1 && (
            <div className="row wrap" role="group" aria-label="variants of this preset">
              {preset.variants.map((v) => (
                <button key={v.label} type="button" onClick={() => load({ ...v.scenario, meta: { ...(v.scenario.meta ?? {}), preset: preset.id } }, `the variant "${v.label}"`)}>
                  {v.label}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </Panel>
  );
}
