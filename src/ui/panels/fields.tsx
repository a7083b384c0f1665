/** Small labelled inputs shared by the panels: a number field that commits valid numbers, and inline issues. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ScenarioIssue } from '../../core/scenario/errors';

export function NumberField(props: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  hint?: string;
  testId?: string;
  width?: string;
  /** the accessible name when the visible label is empty (table cells) */
  ariaLabel?: string;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  return (
    <label className="field" htmlFor={id} title={props.hint}>
      {props.label && <span>{props.label}</span>}
      <input
        id={id}
        aria-label={props.ariaLabel}
        type="number"
        inputMode="decimal"
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        data-testid={props.testId}
        style={props.width ? { width: props.width } : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.valueAsNumber;
          if (e.target.value !== '' && Number.isFinite(v)) props.onChange(v);
        }}
      />
    </label>
  );
}

/** Issues whose path starts with `prefix`, shown next to the control they concern. */
export function Issues({ issues, prefix, exact }: { issues: ScenarioIssue[]; prefix: string; exact?: boolean }) {
  const mine = issues.filter((i) => (exact ? i.path === prefix : i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`)));
  if (mine.length === 0) return null;
  return (
    <ul className="issues" role="alert">
      {mine.map((i, k) => (
        <li key={k}>
          {i.path !== prefix && <code>{i.path.slice(prefix.length).replace(/^\./, '')}</code>} {i.message}
        </li>
      ))}
    </ul>
  );
}

export function Panel({ title, children, id, actions }: { title: string; children: ReactNode; id: string; actions?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-h`} data-panel={id}>
      <div className="panel-head">
        <h2 id={`${id}-h`}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * A slider over a ratio on a log scale (0.01x to 100x feel the same), with the
 * value shown; `min` and `max` are the ratio's bounds. Arrow keys step by
 * `steps` per decade.
 */
export function LogSlider(props: { label: string; value: number; min: number; max: number; onChange: (v: number) => void; testId?: string; hint?: string; steps?: number }) {
  const perDecade = props.steps ?? 20;
  const lo = Math.log10(props.min);
  const hi = Math.log10(props.max);
  const pos = Math.min(hi, Math.max(lo, Math.log10(props.value > 0 ? props.value : props.min)));
  return (
    <label className="field slider" title={props.hint}>
      <span>
        {props.label} <strong data-testid={props.testId ? `${props.testId}-value` : undefined}>×{+props.value.toPrecision(3)}</strong>
      </span>
      <input
        type="range"
        aria-label={props.label}
        aria-valuetext={`${+props.value.toPrecision(3)}`}
        data-testid={props.testId}
        min={lo}
        max={hi}
        step={1 / perDecade}
        value={pos}
        onChange={(e) => props.onChange(Number((10 ** e.target.valueAsNumber).toPrecision(3)))}
      />
    </label>
  );
}
