/**
 * The replay settings of the scenario's trace workload (docs/traces.md):
 * window, mapping, fit, interval, rate / cv / time scale, seed, and the
 * paper's settings as one-click presets. Invalid values are explained by the
 * scenario's own validation, next to the fields.
 */
import { useEffect, useId, useState } from 'react';
import type { ScenarioIssue } from '../../core/scenario/errors';
import type { TraceWorkload } from '../../core/scenario/types';
import { MAF1_DEFAULT_INTERVAL, MAF2_DEFAULT_INTERVAL } from '../../core/workload/trace';
import { applyPreset, boundSeconds, parseBound, TRACE_PRESETS, withWorkload } from '../../state/traceEdits';
import { usePlanner } from '../../state/store';
import { Issues, NumberField } from './fields';

/** A window bound: "day.hour.minute" or seconds, as typed. */
function BoundField({ label, value, onChange, testId }: { label: string; value: number | string; onChange: (v: number | string) => void; testId: string }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <label className="field" htmlFor={id} title="day.hour.minute (e.g. 13.0.0, 13.23.60) or seconds on the trace's timeline">
      <span>{label}</span>
      <input
        id={id}
        value={text}
        data-testid={testId}
        style={{ width: '7em' }}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseBound(e.target.value));
        }}
      />
    </label>
  );
}

/** A new fit, with the scales that do not apply to it back at their defaults (so the switch itself is valid). */
function switchFit(w: TraceWorkload, fit: NonNullable<TraceWorkload['fit']>): TraceWorkload {
  const { cvScale, rateScale, timeScale: _t, ...rest } = w;
  const out: TraceWorkload = { ...rest, fit };
  if (fit === 'gamma' && cvScale !== undefined) out.cvScale = cvScale;
  if (fit !== 'vanilla' && rateScale !== undefined) out.rateScale = rateScale;
  return out;
}

export function TraceSettings({ w, issues }: { w: TraceWorkload; issues: ScenarioIssue[] }) {
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const setTimeline = usePlanner((s) => s.setTimeline);
  const set = (next: TraceWorkload): void => edit(withWorkload(draft, next));
  const fit = w.fit ?? 'gamma';
  const vanilla = fit === 'vanilla';
  const presets = TRACE_PRESETS.filter((p) => p.format === w.format);
  return (
    <div className="trace-settings" data-testid="trace-settings">
      <div className="row wrap">
        {presets.map((p) => (
          <button
            key={p.id}
            type="button"
            data-testid={`preset-${p.id}`}
            onClick={() => {
              set(applyPreset(w, p));
              const from = boundSeconds(p.settings.start);
              setTimeline({ from, to: from + 20 });
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div className="row wrap">
        <BoundField label="window start" value={w.start} onChange={(v) => set({ ...w, start: v })} testId="trace-start" />
        <BoundField label="end" value={w.end} onChange={(v) => set({ ...w, end: v })} testId="trace-end" />
        <label className="field">
          <span>mapping</span>
          <select aria-label="function-to-model mapping" data-testid="trace-mapping" value={w.mapping ?? 'stripe'} onChange={(e) => set({ ...w, mapping: e.target.value as TraceWorkload['mapping'] })}>
            <option value="stripe">stripe (function i → model i mod M)</option>
            <option value="round_robin">round_robin (contiguous blocks)</option>
          </select>
        </label>
        <label className="field">
          <span>fit</span>
          <select aria-label="replay fit" data-testid="trace-fit" value={fit} onChange={(e) => set(switchFit(w, e.target.value as NonNullable<TraceWorkload['fit']>))}>
            <option value="gamma">Gamma per window</option>
            <option value="exponential">exponential (Poisson) per window</option>
            <option value="vanilla" disabled={w.format !== 'maf2'}>
              vanilla: the timestamps (MAF2)
            </option>
          </select>
        </label>
      </div>
      <div className="row wrap">
        {!vanilla && (
          <NumberField
            label="interval (s)"
            value={w.interval ?? (w.format === 'maf1' ? MAF1_DEFAULT_INTERVAL : MAF2_DEFAULT_INTERVAL)}
            min={1}
            onChange={(v) => set({ ...w, interval: v })}
            width="6em"
            testId="trace-interval"
            hint="one fitted process per window of this length"
          />
        )}
        {!vanilla && <NumberField label="rate scale" value={w.rateScale ?? 1} min={0} onChange={(v) => set({ ...w, rateScale: v })} width="6em" testId="trace-rate-scale" />}
        {fit === 'gamma' && (
          <NumberField
            label={w.format === 'maf1' ? 'cv (absolute)' : 'cv scale'}
            value={w.cvScale ?? 1}
            min={0}
            onChange={(v) => set({ ...w, cvScale: v })}
            width="5em"
            testId="trace-cv-scale"
            hint={w.format === 'maf1' ? 'MAF1 has no timestamps: this is the cv of every window' : 'multiplies each window\'s fitted cv'}
          />
        )}
        {vanilla && <NumberField label="time scale" value={w.timeScale ?? 1} min={0} onChange={(v) => set({ ...w, timeScale: v })} width="5em" testId="trace-time-scale" hint="replay the window this many times faster" />}
        {!vanilla && <NumberField label="seed" value={w.seed ?? 0} min={0} step={1} onChange={(v) => set({ ...w, seed: v })} width="6em" testId="trace-seed" />}
      </div>
      <Issues issues={issues} prefix="workload" />
    </div>
  );
}
