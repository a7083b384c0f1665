/**
 * Model and run settings, what will be measured (whole stages, or one layer
 * scaled by the layer count) and how long it should take - said before the
 * measurement starts. Invalid settings say what is wrong and disable Start.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeModel, MODEL_PRESETS, PAPER_SEQUENCE, SHORT_SEQUENCE } from '../../gpu/bertConfig';
import { assumedSpeed, estimateSeconds, formatDuration } from '../../gpu/estimate';
import { planFor } from '../../gpu/measureModel';
import type { MeasurementPlan } from '../../gpu/plan';
import { checkTimingOptions, MIN_TIMED_RUNS } from '../../gpu/timing';
import { modelFromSettings, useMeasure, type CustomSizes } from '../../state/measureStore';
import { NumberField } from '../panels/fields';

export interface PlanState {
  plan: MeasurementPlan | null;
  problem: string | null;
}

/** The plan for the current settings and backend, or what is wrong with them. */
export function usePlan(): PlanState & { estimate: number | null } {
  const presetId = useMeasure((s) => s.presetId);
  const shortSequence = useMeasure((s) => s.shortSequence);
  const custom = useMeasure((s) => s.custom);
  const warmup = useMeasure((s) => s.warmup);
  const runs = useMeasure((s) => s.runs);
  const backend = useMeasure((s) => s.backend);
  return useMemo(() => {
    try {
      checkTimingOptions({ warmup, runs });
    } catch (e) {
      return { plan: null, problem: (e as Error).message, estimate: null };
    }
    if (!backend) return { plan: null, problem: null, estimate: null };
    try {
      const plan = planFor(modelFromSettings({ presetId, shortSequence, custom }), backend);
      return { plan, problem: null, estimate: estimateSeconds(plan, warmup + runs, assumedSpeed(backend)) };
    } catch (e) {
      return { plan: null, problem: (e as Error).message, estimate: null };
    }
  }, [presetId, shortSequence, custom, warmup, runs, backend]);
}

export function MeasureSettings() {
  const s = useMeasure(
    useShallow((st) => ({
      presetId: st.presetId,
      shortSequence: st.shortSequence,
      custom: st.custom,
      warmup: st.warmup,
      runs: st.runs,
      seed: st.seed,
      status: st.status,
      setSettings: st.setSettings,
    })),
  );
  const running = s.status === 'running';
  const model = modelFromSettings(s);
  const { plan, problem, estimate } = usePlan();
  const setCustom = (patch: Partial<CustomSizes>): void => s.setSettings({ custom: { ...s.custom, ...patch } });
  return (
    <fieldset className="measure-settings" disabled={running}>
      <legend>What to measure</legend>
      <div className="row wrap">
        <label className="field">
          <span>model</span>
          <select aria-label="model to measure" data-testid="measure-model" value={s.presetId} onChange={(e) => s.setSettings({ presetId: e.target.value })}>
            {MODEL_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} (hidden {p.config.hidden}, {p.config.layers} layers, {p.config.heads} heads)
              </option>
            ))}
            <option value="custom">custom (tiny by default, for quick tries)</option>
          </select>
        </label>
        {s.presetId !== 'custom' && (
          <label className="field checkbox">
            <input type="checkbox" data-testid="measure-short" checked={s.shortSequence} onChange={(e) => s.setSettings({ shortSequence: e.target.checked })} />
            short sequence ({SHORT_SEQUENCE} tokens instead of the paper&apos;s {PAPER_SEQUENCE})
          </label>
        )}
      </div>
      {s.presetId === 'custom' && (
        <div className="row wrap" role="group" aria-label="custom model sizes">
          <NumberField label="hidden" value={s.custom.hidden} min={1} step={1} onChange={(v) => setCustom({ hidden: v })} width="5em" testId="measure-hidden" />
          <NumberField label="heads" value={s.custom.heads} min={1} step={1} onChange={(v) => setCustom({ heads: v })} width="4em" testId="measure-heads" />
          <NumberField label="layers" value={s.custom.layers} min={1} step={1} onChange={(v) => setCustom({ layers: v })} width="4em" testId="measure-layers" />
          <NumberField label="sequence" value={s.custom.sequence} min={1} step={1} onChange={(v) => setCustom({ sequence: v })} width="5em" testId="measure-sequence" />
        </div>
      )}
      <div className="row wrap">
        <NumberField label="warm-up runs" value={s.warmup} min={1} step={1} onChange={(v) => s.setSettings({ warmup: v })} width="4em" testId="measure-warmup" hint="untimed runs first: the first WebGPU run compiles shaders" />
        <NumberField label="timed runs" value={s.runs} min={MIN_TIMED_RUNS} step={1} onChange={(v) => s.setSettings({ runs: v })} width="4em" testId="measure-runs" hint={`at least ${MIN_TIMED_RUNS}`} />
        <NumberField label="seed" value={s.seed} min={0} step={1} onChange={(v) => s.setSettings({ seed: v })} width="5em" hint="seed of the random weights and inputs" />
      </div>
      <p className="note" data-testid="measure-model-size">
        {model.name}: {describeModel(model.config)}
      </p>
      {problem && (
        <p className="error-text" role="alert" data-testid="measure-problem">
          {problem}
        </p>
      )}
      {plan && (
        <p className="note" data-testid="measure-plan">
          {plan.mode === 'full'
            ? `Measures every stage of pp ${plan.degrees.join(', ')} as it is (${plan.sessions.length} sessions, ${plan.precision === 'float16' ? 'fp16' : 'fp32'}).`
            : `Measures one layer, the embedding and the head (${plan.precision === 'float16' ? 'fp16' : 'fp32'}) and scales the layer by the layer count: ${plan.reason}.`}{' '}
          <strong data-testid="measure-estimate">Estimated time: {formatDuration(estimate ?? NaN)}.</strong>
        </p>
      )}
    </fieldset>
  );
}
