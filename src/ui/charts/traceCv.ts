/**
 * Trace viewer: the coefficient of variation of each fitted window, per model:
 * the estimate from the trace (before scaling, dashed; MAF1 has none: its cv
 * is set, not fitted) against the cv of the process replayed (after scaling,
 * solid) (d3).
 */
import * as d3 from 'd3';
import type { TraceView } from '../../core/workload/trace/view';
import { drawLegend, drawNoData, GRID_COLOUR, legendHeight, modelColour, MUTED_COLOUR, resetSvg, round, styleAxis } from './colours';
import { TRACE_MAX_SERIES, traceTimeAxis, type TraceSelection } from './traceRate';

export interface TraceCvSeries {
  label: string;
  colour: string;
  /** windows as seconds from the window start; null: no process (fewer than 3 invocations, or no fit) */
  windows: { from: number; to: number; before: number | null; after: number | null }[];
}

export interface TraceCvData {
  span: number;
  series: TraceCvSeries[];
  /** MAF1: no cv is estimated from per-minute counts */
  fitted: boolean;
}

export function traceCvData(view: TraceView, selection: TraceSelection): TraceCvData {
  const picked = typeof selection === 'number' ? [selection] : view.models.slice(0, TRACE_MAX_SERIES).map((_, i) => i);
  return {
    span: view.end - view.start,
    fitted: view.format === 'maf2',
    series: picked
      .filter((i) => view.models[i])
      .map((i) => ({
        label: view.models[i].name,
        colour: modelColour(i),
        windows: view.models[i].windows.map((w) => ({ from: w.start - view.start, to: w.end - view.start, before: w.fitted?.cv ?? null, after: w.replayed?.cv ?? null })),
      })),
  };
}

export function drawTraceCv(el: SVGSVGElement, data: TraceCvData): void {
  const title = 'Burstiness (cv) per fitted window';
  const values = data.series.flatMap((s) => s.windows.flatMap((w) => [w.before, w.after])).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return drawNoData(el, title, 'no window has a fitted process (each needs at least 3 invocations)');
  const width = 640;
  const items = data.series.map((s, i) => ({ label: s.label, colour: s.colour, key: i }));
  const legendH = legendHeight(items, width - 16);
  const m = { top: 16 + legendH + 14, right: 16, bottom: 42, left: 56 };
  const height = m.top + 180 + m.bottom;
  const axis = traceTimeAxis(data.span);
  const svg = resetSvg(el, width, height, `${title}: ${data.series.map((s) => `${s.label} ${s.windows.filter((w) => w.after !== null).length} windows`).join('; ')}`);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), items, width - 16, 'data-model');
  svg.append('text').attr('x', 8).attr('y', 8 + legendH + 10).attr('fill', MUTED_COLOUR).attr('font-size', 11)
    .text(data.fitted ? 'dashed: fitted to the trace (before scaling) · solid: replayed (after scaling) · cv 1 = Poisson' : 'MAF1 has per-minute counts only: the cv is set (the cv field), not fitted · cv 1 = Poisson');
  const x = d3.scaleLinear().domain([0, data.span / axis.unit]).range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([0, Math.max(1.2, d3.max(values)! * 1.1)]).range([height - m.bottom, m.top]).nice();
  svg.append('g').selectAll('line').data(y.ticks(5)).join('line').attr('x1', m.left).attr('x2', width - m.right)
    .attr('y1', (d) => round(y(d))).attr('y2', (d) => round(y(d))).attr('stroke', GRID_COLOUR);
  svg.append('line').attr('class', 'poisson').attr('x1', m.left).attr('x2', width - m.right).attr('y1', round(y(1))).attr('y2', round(y(1))).attr('stroke', MUTED_COLOUR).attr('stroke-dasharray', '1 3');
  styleAxis(svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(8)));
  styleAxis(svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5)));
  svg.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text(axis.label);
  svg.append('text').attr('transform', `translate(14,${(m.top + height - m.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('cv of the gaps');
  data.series.forEach((s, i) => {
    const g = svg.append('g').attr('class', 'trace-series').attr('data-model', i);
    for (const key of ['before', 'after'] as const) {
      const segs = s.windows.filter((w) => w[key] !== null);
      g.selectAll(`line.cv-${key}`).data(segs).join('line').attr('class', `cv-${key}`)
        .attr('x1', (w) => round(x(w.from / axis.unit))).attr('x2', (w) => round(x(w.to / axis.unit)))
        .attr('y1', (w) => round(y(w[key]!))).attr('y2', (w) => round(y(w[key]!)))
        .attr('stroke', s.colour).attr('stroke-width', key === 'after' ? 2.5 : 1.5).attr('stroke-opacity', key === 'after' ? 1 : 0.7)
        .attr('stroke-dasharray', key === 'after' ? null : '4 3')
        .append('title').text((w) => `${s.label}, ${(w.from / 60).toFixed(0)}–${(w.to / 60).toFixed(0)} min: cv ${w[key]!.toFixed(2)} ${key === 'after' ? 'replayed' : 'fitted'}`);
    }
  });
}
