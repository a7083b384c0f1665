/** Empirical CDF of the latency of good requests, one line per run, with the SLOs as dashed lines (d3). */
import * as d3 from 'd3';
import { drawLegend, drawNoData, fmtSeconds, GRID_COLOUR, legendHeight, MUTED_COLOUR, resetSvg, round, runColour, styleAxis } from './colours';

export interface CdfRun {
  label: string;
  /** latencies of good requests, ascending: all of them or a quantile sample (up to ~400 points) */
  latencies: number[];
}

export interface SloLine {
  label: string;
  seconds: number;
}

export interface CdfData {
  runs: CdfRun[];
  slos: SloLine[];
}

export interface CdfOptions {
  width?: number;
  height?: number;
  /** SLO lines with a text label (the others are drawn unlabelled), default 4 */
  labelledSlos?: number;
}

export interface CdfPoint {
  x: number;
  y: number;
}

/**
 * The empirical CDF as the corners of a step function (draw with curveStepAfter): it starts at (min, 0); then, for
 * each distinct latency, the fraction of samples at or below it. x is non-decreasing, y strictly increasing to 1.
 */
export function cdfPoints(latencies: readonly number[]): CdfPoint[] {
  const xs = latencies.filter((v) => Number.isFinite(v)).slice();
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] < xs[i - 1]) {
      xs.sort((a, b) => a - b);
      break;
    }
  }
  const n = xs.length;
  if (n === 0) return [];
  const out: CdfPoint[] = [{ x: xs[0], y: 0 }];
  for (let i = 0; i < n; i++) if (i === n - 1 || xs[i + 1] !== xs[i]) out.push({ x: xs[i], y: (i + 1) / n });
  return out;
}

/** SLO lines sorted by value, duplicates (same seconds and label) dropped, non-positive / non-finite ones dropped. */
export function sloLines(slos: readonly SloLine[]): SloLine[] {
  const seen = new Set<string>();
  return slos
    .filter((s) => Number.isFinite(s.seconds) && s.seconds > 0)
    .filter((s) => {
      const k = `${s.seconds}|${s.label}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => a.seconds - b.seconds);
}

export function drawLatencyCdf(el: SVGSVGElement, data: CdfData, options: CdfOptions = {}): void {
  const title = 'Latency CDF of good requests';
  if (data.runs.length === 0) return drawNoData(el, title);
  const curves = data.runs.map((r) => cdfPoints(r.latencies));
  const slos = sloLines(data.slos);
  const maxLat = d3.max(curves, (c) => (c.length ? c[c.length - 1].x : undefined)) ?? 0;
  const maxSlo = slos.length ? slos[slos.length - 1].seconds : 0;
  const width = options.width ?? 640;
  const legendItems = data.runs.map((r, i) => ({ label: curves[i].length ? r.label : `${r.label} (no good requests)`, colour: runColour(i), key: i, line: true }));
  const legendH = legendHeight(legendItems, width - 16);
  const labelled = Math.min(slos.length, options.labelledSlos ?? 4);
  const sloLabelH = labelled * 12;
  const m = { top: 8 + legendH + 6 + sloLabelH + 4, right: 24, bottom: 40, left: 56 };
  const plotH = Math.max(120, (options.height ?? 320) - 8 - legendH - 10 - sloLabelH - 40);
  const height = m.top + plotH + m.bottom;
  const label = `${title}: ${data.runs.map((r, i) => `${r.label} ${curves[i].length ? `median ${fmtSeconds(median(r.latencies))}` : 'no good requests'}`).join(', ')}`;
  const svg = resetSvg(el, width, height, label);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), legendItems, width - 16, 'data-run');

  const xMax = Math.max(maxLat, maxSlo) * 1.05 || 1;
  const x = d3.scaleLinear().domain([0, xMax]).range([m.left, width - m.right]).nice();
  const y = d3.scaleLinear().domain([0, 1]).range([m.top + plotH, m.top]);
  const grid = svg.append('g').attr('class', 'grid');
  for (const t of y.ticks(5)) grid.append('line').attr('x1', m.left).attr('x2', width - m.right).attr('y1', round(y(t))).attr('y2', round(y(t))).attr('stroke', GRID_COLOUR);

  const xa = svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${m.top + plotH})`);
  xa.call(d3.axisBottom(x).ticks(6));
  styleAxis(xa);
  const ya = svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${m.left},0)`);
  ya.call(d3.axisLeft(y).ticks(5));
  styleAxis(ya);
  svg.append('text').attr('class', 'axis-label').attr('x', (m.left + width - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('latency (s)');
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(14,${m.top + plotH / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', MUTED_COLOUR)
    .text('fraction of good requests');

  const sg = svg.append('g').attr('class', 'slos');
  slos.forEach((s, i) => {
    const sx = round(x(s.seconds));
    sg.append('line')
      .attr('class', 'slo')
      .attr('data-seconds', s.seconds)
      .attr('x1', sx)
      .attr('x2', sx)
      .attr('y1', i < labelled ? m.top - sloLabelH + i * 12 - 2 : m.top)
      .attr('y2', m.top + plotH)
      .attr('stroke', '#6b7280')
      .attr('stroke-width', 1)
      .attr('stroke-dasharray', '4,3')
      .append('title')
      .text(`${s.label} (${fmtSeconds(s.seconds)})`);
    if (i < labelled) {
      const right = sx > width - m.right - 110;
      sg.append('text')
        .attr('class', 'slo-label')
        .attr('x', right ? sx - 3 : sx + 3)
        .attr('y', m.top - sloLabelH + i * 12 + 7)
        .attr('text-anchor', right ? 'end' : 'start')
        .attr('font-size', 10)
        .attr('fill', MUTED_COLOUR)
        .text(s.label);
    }
  });
  if (slos.length > labelled) {
    sg.append('text').attr('x', width - m.right).attr('y', m.top + plotH - 6).attr('text-anchor', 'end').attr('font-size', 10).attr('fill', MUTED_COLOUR).text(`${slos.length} SLOs (${labelled} labelled)`);
  }

  const line = d3
    .line<CdfPoint>()
    .x((p) => round(x(p.x)))
    .y((p) => round(y(p.y)))
    .curve(d3.curveStepAfter);
  const lines = svg.append('g').attr('class', 'curves');
  curves.forEach((c, i) => {
    if (c.length === 0) return;
    lines
      .append('path')
      .attr('class', 'cdf')
      .attr('data-run', i)
      .attr('data-points', c.length)
      .attr('d', line(c))
      .attr('fill', 'none')
      .attr('stroke', runColour(i))
      .attr('stroke-width', 2)
      .attr('stroke-linejoin', 'round')
      .append('title')
      .text(`${data.runs[i].label}: ${c.length - 1} distinct latencies, max ${fmtSeconds(c[c.length - 1].x)}`);
  });
  if (curves.every((c) => c.length === 0)) {
    svg.append('text').attr('class', 'no-data').attr('x', (m.left + width - m.right) / 2).attr('y', m.top + plotH / 2).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('no good requests');
  }
}

function median(sorted: readonly number[]): number {
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
}
