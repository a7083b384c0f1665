/** Busy fraction of each group, one bar per run (d3). */
import * as d3 from 'd3';
import { drawLegend, drawNoData, fmtPct, GRID_COLOUR, legendHeight, MUTED_COLOUR, resetSvg, round, runColour, styleAxis, truncate } from './colours';

export interface UtilisationGroup {
  /** e.g. "g0 (1, 2)" */
  label: string;
  /** 0..1 */
  busyFraction: number;
  requests: number;
}

export interface UtilisationData {
  runs: { label: string; groups: UtilisationGroup[] }[];
}

export interface UtilisationOptions {
  height?: number;
}

export interface UtilisationSlot {
  /** group index */
  index: number;
  /** the groups' common label, or "g<index>" when the runs' groups at this index differ */
  label: string;
  /** true when runs have different groups at this index */
  mixed: boolean;
  bars: { run: number; runLabel: string; label: string; busyFraction: number; requests: number }[];
}

/** One slot per group index (runs may have different placements); a bar per run that has a group there. */
export function utilisationBars(data: UtilisationData): UtilisationSlot[] {
  const n = d3.max(data.runs, (r) => r.groups.length) ?? 0;
  return Array.from({ length: n }, (_, index) => {
    const bars = data.runs.flatMap((r, run) => {
      const g = r.groups[index];
      return g ? [{ run, runLabel: r.label, label: g.label, busyFraction: clamp01(g.busyFraction), requests: g.requests }] : [];
    });
    const labels = new Set(bars.map((b) => b.label));
    return { index, label: labels.size === 1 ? bars[0].label : `g${index}`, mixed: labels.size > 1, bars };
  });
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

export function drawUtilisation(el: SVGSVGElement, data: UtilisationData, options: UtilisationOptions = {}): void {
  const title = 'GPU group utilisation';
  const slots = utilisationBars(data);
  if (data.runs.length === 0 || slots.length === 0) return drawNoData(el, title);
  const nRuns = data.runs.length;
  const slotW = Math.max(nRuns * 4 + 6, Math.min(nRuns * 22 + 14, 1400 / slots.length));
  const m = { left: 52, right: 12, bottom: 40 };
  const plotW = Math.max(260, slots.length * slotW);
  const width = m.left + plotW + m.right;
  const legendItems = data.runs.map((r, i) => ({ label: r.label, colour: runColour(i), key: i }));
  const legendH = legendHeight(legendItems, width - 16);
  const rotate = slots.some((s) => s.label.length * 6.6 > slotW);
  const bottom = m.bottom + (rotate ? 30 : 0);
  const top = 8 + legendH + 14;
  const plotH = Math.max(120, (options.height ?? 280) - top - bottom);
  const height = top + plotH + bottom;
  const label = `${title}: ${data.runs.map((r) => `${r.label} mean ${fmtPct(d3.mean(r.groups, (g) => clamp01(g.busyFraction)) ?? null)} busy over ${r.groups.length} groups`).join('; ')}`;
  const svg = resetSvg(el, width, height, label);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), legendItems, width - 16, 'data-run');

  const x = d3.scaleBand<number>().domain(slots.map((s) => s.index)).range([m.left, m.left + plotW]).paddingInner(0.2).paddingOuter(0.1);
  const y = d3.scaleLinear().domain([0, 1]).range([top + plotH, top]);
  const grid = svg.append('g').attr('class', 'grid');
  for (const t of y.ticks(5)) grid.append('line').attr('x1', m.left).attr('x2', m.left + plotW).attr('y1', round(y(t))).attr('y2', round(y(t))).attr('stroke', GRID_COLOUR);

  const sub = d3.scaleBand<number>().domain(d3.range(nRuns)).range([0, x.bandwidth()]).padding(0.08);
  const showValues = sub.bandwidth() >= 26;
  const bars = svg.append('g').attr('class', 'bars');
  for (const slot of slots) {
    for (const b of slot.bars) {
      const bx = round((x(slot.index) ?? 0) + (sub(b.run) ?? 0));
      const h = y(0) - y(b.busyFraction);
      bars
        .append('rect')
        .attr('class', 'util')
        .attr('data-run', b.run)
        .attr('data-group', slot.index)
        .attr('data-busy', b.busyFraction)
        .attr('x', bx)
        .attr('y', round(y(b.busyFraction)))
        .attr('width', round(sub.bandwidth()))
        .attr('height', round(h))
        .attr('fill', runColour(b.run))
        .append('title')
        .text(`${b.runLabel} · ${b.label}: ${fmtPct(b.busyFraction)} busy, ${b.requests.toLocaleString('en-US')} requests`);
      if (showValues) {
        bars.append('text').attr('class', 'util-label').attr('x', round(bx + sub.bandwidth() / 2)).attr('y', round(y(b.busyFraction) - 3))
          .attr('text-anchor', 'middle').attr('font-size', 9).text(`${Math.round(b.busyFraction * 100)}%`);
      }
    }
  }
  const every = Math.max(1, Math.ceil(12 / Math.max(1, x.step())));
  const xa = svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${top + plotH})`);
  xa.call(d3.axisBottom(x).tickValues(slots.filter((s) => s.index % every === 0).map((s) => s.index)).tickFormat((i) => truncate(slots[i].label, 18)));
  styleAxis(xa);
  if (rotate) xa.selectAll('text').attr('text-anchor', 'end').attr('transform', 'rotate(-35)').attr('dx', '-0.4em').attr('dy', '0.6em');
  const ya = svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${m.left},0)`);
  ya.call(d3.axisLeft(y).ticks(5, '.0%'));
  styleAxis(ya);
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${top + plotH / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('busy (% of the run)');
  svg.append('text').attr('class', 'axis-label').attr('x', m.left + plotW / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR)
    .text(slots.some((s) => s.mixed) ? 'group (placements differ: hover a bar for its group)' : 'group (op, pp)');
}
