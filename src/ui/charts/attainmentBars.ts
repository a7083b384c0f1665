/** Per-model SLO attainment as horizontal bars (d3). */
import * as d3 from 'd3';

export interface AttainmentDatum {
  name: string;
  attainment: number | null;
  requests: number;
}

export function drawAttainmentBars(svgEl: SVGSVGElement, data: AttainmentDatum[]): void {
  const width = 520;
  const rowH = 28;
  const m = { top: 8, right: 120, bottom: 28, left: 90 };
  const height = m.top + m.bottom + rowH * data.length;
  const svg = d3.select(svgEl).attr('width', width).attr('height', height).attr('role', 'img');
  svg.attr('aria-label', 'SLO attainment per model');
  svg.selectAll('*').remove();
  const x = d3.scaleLinear().domain([0, 1]).range([m.left, width - m.right]);
  const y = d3
    .scaleBand<string>()
    .domain(data.map((d) => d.name))
    .range([m.top, height - m.bottom])
    .padding(0.2);
  const row = svg.append('g').selectAll('g').data(data).join('g').attr('class', 'bar-row');
  row
    .append('rect')
    .attr('class', 'bar')
    .attr('x', x(0))
    .attr('y', (d) => y(d.name)!)
    .attr('height', y.bandwidth())
    .attr('width', (d) => x(d.attainment ?? 0) - x(0))
    .attr('fill', '#3b6ea8');
  row
    .append('text')
    .attr('x', (d) => x(d.attainment ?? 0) + 6)
    .attr('y', (d) => y(d.name)! + y.bandwidth() / 2)
    .attr('dominant-baseline', 'middle')
    .attr('font-size', 12)
    .text((d) => `${d.attainment === null ? 'no requests' : (d.attainment * 100).toFixed(1) + ' %'} of ${d.requests}`);
  svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(5, '%'));
  svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y));
}
