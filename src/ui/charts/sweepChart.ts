/** A sweep: SLO attainment against the swept variable, one line per policy, the target line, each policy's crossing (d3). */
import * as d3 from 'd3';
import { drawLegend, drawNoData, fmtPct, GRID_COLOUR, legendHeight, MUTED_COLOUR, resetSvg, round, runColour, styleAxis } from './colours';

export interface SweepSeries {
  label: string;
  /** per x: the attainment (mean over seeds) and its spread (min and max over seeds; equal to it with one seed) */
  points: { x: number; y: number; lo: number; hi: number }[];
  /** the best x reaching the target, or null */
  crossing: number | null;
}

export interface SweepChartData {
  xLabel: string;
  target: number;
  series: SweepSeries[];
}

/** Points grouped per policy and x: mean, min and max attainment over seeds, sorted by x. */
export function sweepSeries(points: readonly { policy: string; value: number; attainment: number }[], policies: readonly string[]): { label: string; points: SweepSeries['points'] }[] {
  return policies.map((label) => {
    const byX = d3.group(points.filter((p) => p.policy === label), (p) => p.value);
    const pts = [...byX.entries()]
      .map(([x, ps]) => ({ x, y: d3.mean(ps, (p) => p.attainment)!, lo: d3.min(ps, (p) => p.attainment)!, hi: d3.max(ps, (p) => p.attainment)! }))
      .sort((a, b) => a.x - b.x);
    return { label, points: pts };
  });
}

export function drawSweepChart(el: SVGSVGElement, data: SweepChartData): void {
  const title = `SLO attainment against ${data.xLabel}`;
  const all = data.series.flatMap((s) => s.points);
  if (all.length === 0) return drawNoData(el, title, 'run the sweep to see its points');
  const width = 640;
  const legendItems = data.series.map((s, i) => ({ label: s.label, colour: runColour(i), key: i }));
  const legendH = legendHeight(legendItems, width - 16);
  const m = { top: 16 + legendH, right: 16, bottom: 42, left: 52 };
  const height = m.top + 240 + m.bottom;
  const svg = resetSvg(el, width, height, `${title}: ${data.series.map((s) => `${s.label} ${s.points.length} points`).join(', ')}`);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), legendItems, width - 16, 'data-run');
  const xs = d3.extent(all, (p) => p.x) as [number, number];
  const x = d3.scaleLinear().domain(xs[0] === xs[1] ? [xs[0] - 1, xs[1] + 1] : xs).range([m.left, width - m.right]).nice();
  const yMin = Math.min(0.9, d3.min(all, (p) => p.lo)!);
  const y = d3.scaleLinear().domain([Math.max(0, Math.floor(yMin * 20) / 20), 1]).range([height - m.bottom, m.top]);
  svg.append('g').attr('class', 'grid').selectAll('line').data(y.ticks(5)).join('line')
    .attr('x1', m.left).attr('x2', width - m.right).attr('y1', (d) => round(y(d))).attr('y2', (d) => round(y(d))).attr('stroke', GRID_COLOUR);
  const xAxis = svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(6));
  const yAxis = svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5, '%'));
  styleAxis(xAxis);
  styleAxis(yAxis);
  svg.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text(data.xLabel);
  // the target
  svg.append('line').attr('class', 'target').attr('x1', m.left).attr('x2', width - m.right).attr('y1', round(y(data.target))).attr('y2', round(y(data.target)))
    .attr('stroke', '#b3261e').attr('stroke-dasharray', '5 4');
  svg.append('text').attr('x', width - m.right - 4).attr('y', round(y(data.target)) - 4).attr('text-anchor', 'end').attr('fill', '#b3261e').text(`${fmtPct(data.target)} target`);
  data.series.forEach((s, i) => {
    const colour = runColour(i);
    const g = svg.append('g').attr('class', 'series').attr('data-run', i);
    if (s.points.some((p) => p.hi > p.lo)) {
      g.append('path').attr('class', 'band').attr('fill', colour).attr('fill-opacity', 0.15)
        .attr('d', d3.area<SweepSeries['points'][number]>().x((p) => x(p.x)).y0((p) => y(p.lo)).y1((p) => y(p.hi))(s.points) ?? '');
    }
    g.append('path').attr('class', 'sweep-line').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2)
      .attr('d', d3.line<SweepSeries['points'][number]>().x((p) => x(p.x)).y((p) => y(p.y))(s.points) ?? '');
    g.selectAll('circle').data(s.points).join('circle').attr('class', 'sweep-point').attr('data-x', (p) => p.x).attr('data-y', (p) => p.y)
      .attr('cx', (p) => round(x(p.x))).attr('cy', (p) => round(y(p.y))).attr('r', 3.5).attr('fill', colour)
      .append('title').text((p) => `${s.label} at ${p.x}: ${fmtPct(p.y)}`);
    if (s.crossing !== null) {
      g.append('line').attr('class', 'crossing').attr('x1', round(x(s.crossing))).attr('x2', round(x(s.crossing))).attr('y1', round(y(data.target))).attr('y2', height - m.bottom)
        .attr('stroke', colour).attr('stroke-dasharray', '2 3');
    }
  });
}
