/** Section 3.4: mean latency of one model per GPU vs a 2-stage pipeline against utilisation: M/D/1 curves, simulated points (d3). */
import * as d3 from 'd3';
import { drawLegend, drawNoData, fmtSeconds, GRID_COLOUR, legendHeight, MUTED_COLOUR, resetSvg, round, runColour, styleAxis } from './colours';

export interface Md1ChartData {
  curves: { utilisation: number; wSimple: number; wPipeline: number }[];
  points: { utilisation: number; simple: number; pipeline: number }[];
}

export function drawMd1Chart(el: SVGSVGElement, data: Md1ChartData): void {
  const title = 'Mean latency against utilisation';
  if (data.curves.length === 0) return drawNoData(el, title);
  const width = 640;
  const items = [
    { label: 'one model per GPU: W_simple (formula), points simulated', colour: runColour(0), key: 0 },
    { label: '2-stage pipeline: W_pipeline (formula), points simulated', colour: runColour(1), key: 1 },
  ];
  const legendH = legendHeight(items, width - 16);
  const m = { top: 16 + legendH, right: 16, bottom: 42, left: 56 };
  const height = m.top + 240 + m.bottom;
  const svg = resetSvg(el, width, height, `${title}: ${data.curves.length} utilisations, ${data.points.length} simulated`);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), items, width - 16, 'data-run');
  const x = d3.scaleLinear().domain([0, 1]).range([m.left, width - m.right]);
  const ys = [...data.curves.flatMap((c) => [c.wSimple, c.wPipeline]), ...data.points.flatMap((p) => [p.simple, p.pipeline])].filter(Number.isFinite);
  const y = d3.scaleLinear().domain([0, d3.max(ys)! * 1.05]).range([height - m.bottom, m.top]).nice();
  svg.append('g').selectAll('line').data(y.ticks(5)).join('line').attr('x1', m.left).attr('x2', width - m.right).attr('y1', (d) => round(y(d))).attr('y2', (d) => round(y(d))).attr('stroke', GRID_COLOUR);
  styleAxis(svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(5, '%')));
  styleAxis(svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5)));
  svg.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('utilisation of each GPU');
  svg.append('text').attr('transform', `translate(14,${(m.top + height - m.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('mean latency (s)');
  const series: { key: 'wSimple' | 'wPipeline'; point: 'simple' | 'pipeline' }[] = [
    { key: 'wSimple', point: 'simple' },
    { key: 'wPipeline', point: 'pipeline' },
  ];
  series.forEach((s, i) => {
    const colour = runColour(i);
    svg.append('path').attr('class', 'md1-curve').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2)
      .attr('d', d3.line<Md1ChartData['curves'][number]>().x((c) => x(c.utilisation)).y((c) => y(c[s.key]))(data.curves.filter((c) => Number.isFinite(c[s.key]))) ?? '');
    svg.append('g').selectAll('circle').data(data.points.filter((p) => Number.isFinite(p[s.point]))).join('circle').attr('class', 'md1-point')
      .attr('cx', (p) => round(x(p.utilisation))).attr('cy', (p) => round(y(p[s.point]))).attr('r', 4).attr('fill', '#fff').attr('stroke', colour).attr('stroke-width', 2)
      .append('title').text((p) => `simulated at ${(p.utilisation * 100).toFixed(0)} %: ${fmtSeconds(p[s.point])}`);
  });
}

export interface OverheadLimitsData {
  /** load r = lambda D from 0 to 2 (exclusive) with alpha_max(r) and beta_max(r) */
  points: { r: number; alphaMax: number; betaMax: number }[];
}

/** Section 3.4: the largest pipeline overheads alpha (communication) and beta (uneven stages) for which the pipeline still wins. */
export function drawOverheadLimits(el: SVGSVGElement, data: OverheadLimitsData): void {
  const title = 'Largest tolerable pipeline overheads';
  const pts = data.points.filter((p) => Number.isFinite(p.alphaMax) && Number.isFinite(p.betaMax));
  if (pts.length === 0) return drawNoData(el, title);
  const width = 640;
  const items = [
    { label: 'alpha_max(r): communication overhead', colour: runColour(2), key: 0 },
    { label: 'beta_max(r): uneven stages', colour: runColour(3), key: 1 },
  ];
  const legendH = legendHeight(items, width - 16);
  const m = { top: 16 + legendH, right: 16, bottom: 42, left: 56 };
  const height = m.top + 200 + m.bottom;
  const svg = resetSvg(el, width, height, `${title}: alpha_max peaks at ${d3.max(pts, (p) => p.alphaMax)!.toFixed(3)}`);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), items, width - 16, 'data-run');
  const x = d3.scaleLinear().domain([0, 2]).range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([1, d3.max(pts, (p) => Math.max(p.alphaMax, p.betaMax))! * 1.02]).range([height - m.bottom, m.top]).nice();
  styleAxis(svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(8)));
  styleAxis(svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5)));
  svg.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('load r = total rate x D');
  (['alphaMax', 'betaMax'] as const).forEach((k, i) => {
    svg.append('path').attr('class', 'overhead-limit').attr('fill', 'none').attr('stroke', runColour(i + 2)).attr('stroke-width', 2)
      .attr('d', d3.line<OverheadLimitsData['points'][number]>().x((p) => x(p.r)).y((p) => y(p[k]))(pts) ?? '');
  });
}
