/**
 * Trace viewer: request rate over the replay window, per model or in total:
 * the trace's own invocations (before scaling, dashed) against the replayed
 * arrivals the simulator gets (after scaling, solid) (d3).
 */
import * as d3 from 'd3';
import type { TraceView } from '../../core/workload/trace/view';
import { drawLegend, drawNoData, GRID_COLOUR, legendHeight, modelColour, MUTED_COLOUR, resetSvg, round, styleAxis, TEXT_COLOUR } from './colours';

/** Which models a trace chart shows: their sum, every model, or one (by index). */
export type TraceSelection = 'total' | 'each' | number;

export interface TraceRateSeries {
  label: string;
  colour: string;
  /** requests per second per bin */
  before: number[];
  after: number[];
}

export interface TraceRateData {
  start: number;
  binWidth: number;
  bins: number;
  series: TraceRateSeries[];
}

/** At most this many models are drawn one by one ("each"); beyond, the chart says so. */
export const TRACE_MAX_SERIES = 12;

export function traceRateData(view: TraceView, selection: TraceSelection): TraceRateData {
  const base = { start: view.start, binWidth: view.binWidth, bins: view.bins };
  if (selection === 'total') {
    const sum = (key: 'before' | 'after'): number[] => Array.from({ length: view.bins }, (_, b) => view.models.reduce((s, m) => s + m[key][b], 0));
    return { ...base, series: [{ label: `all ${view.models.length} models`, colour: TEXT_COLOUR, before: sum('before'), after: sum('after') }] };
  }
  const picked = selection === 'each' ? view.models.slice(0, TRACE_MAX_SERIES).map((m, i) => ({ m, i })) : [{ m: view.models[selection], i: selection }].filter((x) => x.m);
  return { ...base, series: picked.map(({ m, i }) => ({ label: m.name, colour: modelColour(i), before: m.before, after: m.after })) };
}

/** Time axis of the trace charts: minutes (or hours) into the window. */
export function traceTimeAxis(span: number): { unit: number; label: string } {
  return span > 6 * 3600 ? { unit: 3600, label: 'hours into the window' } : { unit: 60, label: 'minutes into the window' };
}

export function drawTraceRate(el: SVGSVGElement, data: TraceRateData): void {
  const title = 'Request rate over the window';
  if (data.series.length === 0 || data.bins === 0) return drawNoData(el, title);
  const width = 640;
  const items = [
    ...data.series.map((s, i) => ({ label: s.label, colour: s.colour, key: i })),
  ];
  const legendH = legendHeight(items, width - 16);
  const m = { top: 16 + legendH + 14, right: 16, bottom: 42, left: 56 };
  const height = m.top + 220 + m.bottom;
  const span = data.bins * data.binWidth;
  const axis = traceTimeAxis(span);
  const peak = d3.max(data.series.flatMap((s) => [...s.before, ...s.after])) ?? 0;
  const svg = resetSvg(
    el,
    width,
    height,
    `${title}: ${data.series.map((s) => `${s.label} peak ${d3.max(s.after)?.toFixed(2) ?? 0} req/s replayed, ${d3.max(s.before)?.toFixed(2) ?? 0} in the trace`).join('; ')}`,
  );
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), items, width - 16, 'data-model');
  svg.append('text').attr('x', 8).attr('y', 8 + legendH + 10).attr('fill', MUTED_COLOUR).attr('font-size', 11)
    .text('dashed: the trace (before scaling) · solid: the replay the simulator gets (after scaling)');
  const x = d3.scaleLinear().domain([0, span / axis.unit]).range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([0, peak > 0 ? peak * 1.05 : 1]).range([height - m.bottom, m.top]).nice();
  svg.append('g').selectAll('line').data(y.ticks(5)).join('line').attr('x1', m.left).attr('x2', width - m.right)
    .attr('y1', (d) => round(y(d))).attr('y2', (d) => round(y(d))).attr('stroke', GRID_COLOUR);
  styleAxis(svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(8)));
  styleAxis(svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5)));
  svg.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text(axis.label);
  svg.append('text').attr('transform', `translate(14,${(m.top + height - m.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('requests / s');
  // a step per bin: the rate is constant over it
  const steps = (rates: number[]): [number, number][] => rates.flatMap((r, b) => [[(b * data.binWidth) / axis.unit, r], [(Math.min(span, (b + 1) * data.binWidth)) / axis.unit, r]] as [number, number][]);
  const line = d3.line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
  data.series.forEach((s, i) => {
    const g = svg.append('g').attr('class', 'trace-series').attr('data-model', i);
    g.append('path').attr('class', 'trace-before').attr('fill', 'none').attr('stroke', s.colour).attr('stroke-opacity', 0.7).attr('stroke-width', 1.25)
      .attr('stroke-dasharray', '4 3').attr('d', line(steps(s.before)) ?? '');
    g.append('path').attr('class', 'trace-after').attr('fill', 'none').attr('stroke', s.colour).attr('stroke-width', 1.75).attr('d', line(steps(s.after)) ?? '');
  });
}
