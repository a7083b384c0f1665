/**
 * Sweep one variable of the current scenario over a list of values for
 * several policies, in the worker pool: points appear as they finish, Cancel
 * stops the rest; the 99 % crossing per policy in words; CSV, SVG and PNG.
 */
import { useEffect, useMemo, useState } from 'react';
import { crossings, crossingSentences, pointsToCsv, SWEEP_VARIABLE_INFO, SWEEP_VARIABLES, type SweepVariable } from '../../core/sweep';
import type { EnginePool } from '../../pool/enginePool';
import { usePlanner } from '../../state/store';
import { cancelSweep, startSweep, sweepOf, useSweep, withSweep } from '../../state/sweepRunner';
import { downloadText } from '../charts/exportChart';
import { drawSweepChart, sweepSeries, type SweepChartData } from '../charts/sweepChart';
import { PolicyChips } from '../panels/PolicyChips';
import { ChartView } from './ChartView';

const TARGET = 0.99;

export function SweepPanel({ pool }: { pool: EnginePool }) {
  const scenario = usePlanner((s) => s.scenario);
  const edit = usePlanner((s) => s.edit);
  const draft = usePlanner((s) => s.draft);
  const sweep = useSweep();
  const spec = sweepOf(scenario);
  const [valuesText, setValuesText] = useState(spec.values.join(', '));
  const [valuesError, setValuesError] = useState<string | null>(null);
  const [seedsText, setSeedsText] = useState((spec.seeds ?? []).join(', '));
  // a scenario loaded from elsewhere (a preset, a link, a file) brings its own values
  const specValues = spec.values.join(', ');
  useEffect(() => {
    setValuesText((t) => (t.split(',').map((x) => Number(x.trim())).join(', ') === specValues ? t : specValues));
    setValuesError(null);
  }, [specValues]);
  const setSpec = (patch: Partial<typeof spec>): void => edit(withSweep(draft, { ...spec, ...patch }));
  const shown = sweep.spec ?? spec;
  const data = useMemo<SweepChartData | null>(() => {
    if (sweep.points.length === 0) return null;
    const cross = crossings(sweep.points, shown.variable, TARGET);
    return {
      xLabel: SWEEP_VARIABLE_INFO[shown.variable].label,
      target: TARGET,
      series: sweepSeries(sweep.points, shown.policies).map((s) => ({ ...s, crossing: cross.find((c) => c.policy === s.label)?.value ?? null })),
    };
  }, [sweep.points, shown]);
  const sentences = sweep.points.length > 0 && sweep.status !== 'running' ? crossingSentences(sweep.points, shown.variable, TARGET) : [];
  return (
    <div className="sweep" data-testid="sweep-panel">
      <ChartView
        id="sweep"
        title="Sweep"
        data={data}
        draw={drawSweepChart}
        empty={sweep.status === 'running' ? 'waiting for the first point…' : 'Run the sweep to draw attainment against the value, one line per policy.'}
        controls={
          <div className="sweep-controls">
            <div className="row wrap">
              <label className="field">
                <span>vary</span>
                <select aria-label="sweep variable" data-testid="sweep-var" value={spec.variable} onChange={(e) => setSpec({ variable: e.target.value as SweepVariable })}>
                  {SWEEP_VARIABLES.map((v) => (
                    <option key={v} value={v}>
                      {SWEEP_VARIABLE_INFO[v].label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>values</span>
                <input
                  aria-label="sweep values"
                  data-testid="sweep-values"
                  value={valuesText}
                  onChange={(e) => {
                    setValuesText(e.target.value);
                    const parts = e.target.value.split(',').map((x) => x.trim()).filter(Boolean);
                    const nums = parts.map(Number);
                    const bad = parts.find((_, i) => !(nums[i] > 0));
                    if (parts.length === 0 || bad !== undefined) setValuesError(bad !== undefined ? `"${bad}" is not a positive number` : 'give at least one value');
                    else {
                      setValuesError(null);
                      setSpec({ values: nums });
                    }
                  }}
                />
              </label>
              <label className="field" title="extra workload seeds: the chart shows the min-max band over the scenario's own seed and these">
                <span>extra seeds (bands)</span>
                <input
                  aria-label="extra seeds for bands"
                  data-testid="sweep-seeds"
                  value={seedsText}
                  onChange={(e) => {
                    setSeedsText(e.target.value);
                    const parts = e.target.value.split(',').map((x) => x.trim()).filter(Boolean);
                    const nums = parts.map(Number);
                    if (nums.every((v) => Number.isInteger(v) && v >= 0)) setSpec({ seeds: nums });
                  }}
                  size={8}
                />
              </label>
              <button type="button" className="primary" data-testid="sweep-run" disabled={sweep.status === 'running' || valuesError !== null} onClick={() => void startSweep(pool, scenario, spec)}>
                Run sweep ({spec.values.length * spec.policies.length * (1 + (spec.seeds?.length ?? 0))} points)
              </button>
              <button type="button" data-testid="sweep-cancel" disabled={sweep.status !== 'running'} onClick={cancelSweep}>
                Cancel
              </button>
              <button type="button" data-testid="sweep-csv" disabled={sweep.points.length === 0} onClick={() => downloadText(pointsToCsv(sweep.points), `sweep-${shown.variable}.csv`, 'text/csv')}>
                CSV
              </button>
            </div>
            {valuesError && (
              <p className="error-text" role="alert">
                values: {valuesError}
              </p>
            )}
            <PolicyChips selected={spec.policies} onChange={(next) => next.length > 0 && setSpec({ policies: next })} label="policies in the sweep" />
            <p className="note" data-testid="sweep-status" aria-live="polite">
              {sweep.status === 'running' && (
                <>
                  <progress max={sweep.total} value={sweep.points.length} aria-label="sweep progress" /> {sweep.points.length} of {sweep.total} points
                </>
              )}
              {sweep.status === 'done' && `${sweep.points.length} points`}
              {sweep.status === 'cancelled' && `cancelled after ${sweep.points.length} of ${sweep.total} points`}
              {sweep.status === 'error' && <span className="error-text">cannot run the sweep: {sweep.error}</span>}
            </p>
          </div>
        }
        caption={
          sentences.length > 0 ? (
            <span data-testid="sweep-summary">
              {sentences.map((s, i) => (
                <span key={i} className="sentence">
                  {s}.{' '}
                </span>
              ))}
            </span>
          ) : (
            'Each point is the scenario with that value, placed by the policy and simulated; the dashed red line is the 99 % target.'
          )
        }
      />
    </div>
  );
}
