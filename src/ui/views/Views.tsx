/**
 * The result views, every one showing all runs side by side: placement
 * diagram, attainment, latency CDF, timeline of a window, group utilisation.
 * Each turns the runs' summaries (RunView, computed in workers) into its
 * chart's data; the charts live in ../charts, one per file.
 */
import { useCallback, useMemo, useRef } from 'react';
import { isSegmented, type GroupSpec } from '../../core/scenario/types';
import type { RunView } from '../../core/sim/view';
import { useShallow } from 'zustand/react/shallow';
import { usePlanner, type RunState } from '../../state/store';
import { drawAttainmentBars, type AttainmentData } from '../charts/attainmentBars';
import { drawLatencyCdf, type CdfData } from '../charts/latencyCdf';
import { drawPlacementDiagram, type PlacementData } from '../charts/placementDiagram';
import { drawTimeline, type TimelineData, type TimelineHandle } from '../charts/timeline';
import { drawUtilisation, type UtilisationData } from '../charts/utilisation';
import { NumberField } from '../panels/fields';
import { ChartView } from './ChartView';
import { useLatencySources } from './Summary';

type Shown = { run: RunState; view: RunView };

/**
 * The runs that have results. Progress and status updates replace the run
 * objects many times a second; a chart's data only changes when a result (or
 * a label) does, so this selects those, shallowly compared, and nothing is
 * redrawn otherwise. Staleness (dimming) is read separately: it must not
 * trigger a redraw either.
 */
function useShownRuns(): Shown[] {
  const keys = usePlanner(useShallow((s) => s.runs.flatMap((r) => [r.view, r.label])));
  return useMemo(() => {
    const out: Shown[] = [];
    for (const r of usePlanner.getState().runs) if (r.view) out.push({ run: r, view: r.view });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys]);
}

/** Whether any shown result is being replaced by a new search (its view is dimmed meanwhile). */
function useAnyStale(): boolean {
  return usePlanner((s) => s.runs.some((r) => r.view !== null && r.stale));
}

function firstGroups(v: RunView): { groups: GroupSpec[]; note?: string } {
  const p = v.results.placement;
  if (!isSegmented(p)) return { groups: p.groups };
  return { groups: p.segments[0]?.groups ?? [], note: `first of ${p.segments.length} time segments (re-planned every window)` };
}

function PlacementView({ shown }: { shown: Shown[] }) {
  const stale = useAnyStale();
  const scenario = usePlanner((s) => s.scenario);
  const data = useMemo<PlacementData | null>(() => {
    if (shown.length === 0) return null;
    return {
      devices: scenario.cluster.devices,
      devicesPerNode: scenario.cluster.devicesPerNode ?? 8,
      memoryGB: scenario.cluster.memoryGB,
      models: scenario.models.map((m) => m.name),
      runs: shown.map(({ run, view }) => {
        const { groups, note } = firstGroups(view);
        return {
          label: run.label,
          note,
          groups: groups.map((g, i) => ({ op: g.op, pp: g.pp, models: g.models, memoryPerStageGB: view.memory[i]?.perStageGB ?? new Array(g.pp).fill(0) })),
        };
      }),
    };
  }, [shown, scenario]);
  return (
    <ChartView
      id="placement"
      title="Placement"
      data={data}
      draw={drawPlacementDiagram}
      dim={stale}
      caption="Each group of GPUs holds the models drawn in it (a model on several groups has several replicas); bars show the weight memory used on each GPU against the budget."
    />
  );
}

function AttainmentView({ shown }: { shown: Shown[] }) {
  const stale = useAnyStale();
  const models = usePlanner((s) => s.scenario.models);
  const data = useMemo<AttainmentData | null>(
    () =>
      shown.length === 0
        ? null
        : {
            models: models.map((m) => m.name),
            runs: shown.map(({ run, view }) => ({
              label: run.label,
              overall: { attainment: view.results.attainment, requests: view.results.window.requests },
              perModel: Object.fromEntries(Object.entries(view.results.perModel).map(([n, m]) => [n, { attainment: m.attainment, requests: m.requests }])),
            })),
          },
    [shown, models],
  );
  return <ChartView id="attainment" title="SLO attainment per model" data={data} draw={drawAttainmentBars} dim={stale} caption="Share of requests served within their SLO, after the warmup trimming; the number of requests behind each bar is printed next to it." />;
}

function CdfView({ shown }: { shown: Shown[] }) {
  const stale = useAnyStale();
  const data = useMemo<CdfData | null>(() => {
    if (shown.length === 0) return null;
    const slo = shown[0].view.sloSeconds;
    const distinct = new Map<number, string[]>();
    for (const [name, s] of Object.entries(slo)) distinct.set(s, [...(distinct.get(s) ?? []), name]);
    return {
      runs: shown.map(({ run, view }) => ({ label: run.label, latencies: view.latencySample })),
      slos: [...distinct.entries()].map(([seconds, names]) => ({ seconds, label: `SLO ${names.length > 2 ? `${names.length} models` : names.join(', ')} ${seconds.toFixed(3)} s` })),
    };
  }, [shown]);
  const sources = useLatencySources();
  return (
    <ChartView
      id="cdf"
      title="Latency of good requests"
      data={data}
      draw={drawLatencyCdf}
      dim={stale}
      caption={`Cumulative distribution of the latency of requests that met their SLO (all models); dashed lines mark the SLOs. Simulated with the stage latencies of ${sources}.`}
    />
  );
}

function TimelineView({ shown }: { shown: Shown[] }) {
  const stale = useAnyStale();
  const timeline = usePlanner((s) => s.timeline);
  const setTimeline = usePlanner((s) => s.setTimeline);
  const models = usePlanner((s) => s.scenario.models);
  const handle = useRef<TimelineHandle | null>(null);
  const sources = useLatencySources();
  const data = useMemo<TimelineData | null>(() => {
    const withWindow = shown.filter((s) => s.view.window);
    if (withWindow.length === 0) return null;
    const w = withWindow[0].view.window!;
    return {
      from: w.from,
      to: w.to,
      models: models.map((m) => m.name),
      runs: withWindow.map(({ run, view }) => {
        const win = view.window!;
        const p = view.results.placement;
        // a placement that changes over time: show the segment most of the window's requests fall in
        let segment = 0;
        if (isSegmented(p)) {
          const counts = new Map<number, number>();
          for (const e of win.events) counts.set(e.segment, (counts.get(e.segment) ?? 0) + 1);
          segment = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
        }
        const groups = isSegmented(p) ? p.segments[segment]?.groups ?? [] : p.groups;
        return {
          label: isSegmented(p) ? `${run.label} (segment from ${p.segments[segment]?.start.toFixed(0)} s)` : run.label,
          groups: groups.map((g) => ({ op: g.op, pp: g.pp })),
          truncated: win.truncated,
          total: win.total,
          events: win.events.filter((e) => e.segment === segment),
        };
      }),
    };
  }, [shown, models]);
  const draw = useCallback((svg: SVGSVGElement, d: TimelineData) => {
    handle.current = drawTimeline(svg, d);
  }, []);
  const controls = (
    <div className="row wrap">
      <NumberField label="from (s)" value={timeline.from} min={0} onChange={(v) => v < timeline.to && setTimeline({ from: v, to: timeline.to })} width="6em" testId="window-from" />
      <NumberField label="to (s)" value={timeline.to} min={0} onChange={(v) => v > timeline.from && setTimeline({ from: timeline.from, to: v })} width="6em" testId="window-to" />
      <button type="button" onClick={() => handle.current?.zoomBy(1.5)} aria-label="zoom in" data-testid="timeline-zoom-in">
        +
      </button>
      <button type="button" onClick={() => handle.current?.zoomBy(1 / 1.5)} aria-label="zoom out" data-testid="timeline-zoom-out">
        −
      </button>
      <button type="button" onClick={() => handle.current?.panBy(-0.25)} aria-label="pan earlier">
        ←
      </button>
      <button type="button" onClick={() => handle.current?.panBy(0.25)} aria-label="pan later">
        →
      </button>
      <button type="button" onClick={() => handle.current?.reset()}>
        Reset zoom
      </button>
    </div>
  );
  return (
    <ChartView
      id="timeline"
      title="Timeline"
      data={data}
      draw={draw}
      controls={controls}
      dim={stale}
      caption={`Arrivals (ticks: accepted, crosses: rejected) and what each pipeline stage of each group executes, coloured by model; stage times from ${sources}. Scroll to zoom, drag to pan (or focus the chart: + / − zoom, ← / → pan, 0 resets), or type the window.`}
    />
  );
}

function UtilisationView({ shown }: { shown: Shown[] }) {
  const stale = useAnyStale();
  const data = useMemo<UtilisationData | null>(() => {
    const single = shown.filter((s) => s.view.results.untrimmed.groups);
    if (single.length === 0) return null;
    return {
      runs: single.map(({ run, view }) => {
        const p = view.results.placement;
        const groups = isSegmented(p) ? [] : p.groups;
        return {
          label: run.label,
          groups: (view.results.untrimmed.groups ?? []).map((g, i) => ({ label: `g${i} (${groups[i]?.op},${groups[i]?.pp})`, busyFraction: g.busyFraction, requests: g.requests })),
        };
      }),
    };
  }, [shown]);
  return <ChartView id="utilisation" title="Group utilisation" data={data} draw={drawUtilisation} dim={stale} caption="Fraction of the run each group's GPUs spend executing accepted requests (mean over its stages). Placements that change over time are left out." />;
}

export function Views() {
  const shown = useShownRuns();
  const hidden = usePlanner((s) => s.hidden);
  const cls = (id: string, wide = false): string => [wide ? 'wide' : '', hidden.includes(id) ? 'hidden-by-link' : ''].join(' ').trim();
  return (
    <div className="views">
      <div className={cls('placement', true)}>
        <PlacementView shown={shown} />
      </div>
      <div className={cls('attainment')}>
        <AttainmentView shown={shown} />
      </div>
      <div className={cls('cdf')}>
        <CdfView shown={shown} />
      </div>
      <div className={cls('timeline', true)}>
        <TimelineView shown={shown} />
      </div>
      <div className={cls('utilisation')}>
        <UtilisationView shown={shown} />
      </div>
    </div>
  );
}
