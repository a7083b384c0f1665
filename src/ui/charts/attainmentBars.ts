/** SLO attainment, "all models" then per model, one horizontal bar per run (d3). */
import * as d3 from 'd3';
import { drawLegend, drawNoData, legendHeight, fmtPct, GRID_COLOUR, MUTED_COLOUR, resetSvg, round, runColour, styleAxis, textWidth, truncate } from './colours';

export interface AttainmentFigure {
  /** fraction 0..1; null when the model had no request in the window */
  attainment: number | null;
  /** requests behind the figure */
  requests: number;
}

export interface AttainmentRun {
  label: string;
  overall: { attainment: number; requests: number };
  perModel: Record<string, AttainmentFigure>;
}

export interface AttainmentData {
  runs: AttainmentRun[];
  models: string[];
}

export interface AttainmentOptions {
  /** total width of the viewBox (default 640) */
  width?: number;
}

/** The key (data-model) of the "all models" row. */
export const ALL_MODELS = '__all__';

export interface BarRow {
  /** model name, or ALL_MODELS */
  key: string;
  label: string;
  bars: { run: number; runLabel: string; attainment: number | null; requests: number }[];
}

/** Rows of the chart: "all models" first, then each model; one bar per run in run order. */
export function groupedBars(data: AttainmentData): BarRow[] {
  const rows: BarRow[] = [
    {
      key: ALL_MODELS,
      label: 'all models',
      bars: data.runs.map((r, i) => ({ run: i, runLabel: r.label, attainment: r.overall.requests > 0 ? r.overall.attainment : null, requests: r.overall.requests })),
    },
  ];
  for (const m of data.models) {
    rows.push({
      key: m,
      label: m,
      bars: data.runs.map((r, i) => {
        const f = r.perModel[m];
        return { run: i, runLabel: r.label, attainment: f?.attainment ?? null, requests: f?.requests ?? 0 };
      }),
    });
  }
  return rows;
}

export function barText(attainment: number | null, requests: number): string {
  const n = `of ${requests.toLocaleString('en-US')} request${requests === 1 ? '' : 's'}`;
  return attainment === null ? `no requests` : `${fmtPct(attainment)} ${n}`;
}

export function drawAttainmentBars(el: SVGSVGElement, data: AttainmentData, options: AttainmentOptions = {}): void {
  const title = 'SLO attainment per model';
  if (data.runs.length === 0) return drawNoData(el, title);
  const rows = groupedBars(data);
  const nRuns = data.runs.length;
  const width = options.width ?? 640;
  const barH = nRuns > 3 ? 12 : 15;
  const rowGap = 10;
  const rowH = nRuns * (barH + 2) + rowGap;
  const labelChars = 22;
  const longest = Math.max(...rows.map((r) => textWidth(truncate(r.label, labelChars), 12)));
  const longestText = Math.max(...rows.flatMap((r) => r.bars.map((b) => textWidth(barText(b.attainment, b.requests)))));
  const m = { left: Math.min(170, Math.max(70, longest + 14)), right: Math.max(90, longestText + 12), top: 0, bottom: 34 };
  const plotW = width - m.left - m.right;

  // the legend first, to know its height
  const legendItems = data.runs.map((r, i) => ({ label: r.label, colour: runColour(i), key: i }));
  m.top = legendHeight(legendItems, width - 8) + 10;
  const height = m.top + rows.length * rowH + m.bottom;

  const label = `${title}: ${data.runs.map((r) => `${r.label} ${fmtPct(r.overall.requests > 0 ? r.overall.attainment : null)}`).join(', ')}`;
  const svg = resetSvg(el, width, height, label);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(4,4)'), legendItems, width - 8, 'data-run');

  const x = d3.scaleLinear().domain([0, 1]).range([m.left, m.left + plotW]);
  const grid = svg.append('g').attr('class', 'grid');
  for (const t of x.ticks(5)) {
    grid.append('line').attr('x1', round(x(t))).attr('x2', round(x(t))).attr('y1', m.top - 4).attr('y2', height - m.bottom).attr('stroke', GRID_COLOUR);
  }

  rows.forEach((row, r) => {
    const y0 = m.top + r * rowH;
    const g = svg.append('g').attr('class', 'bar-row').attr('data-model', row.key);
    g.append('text')
      .attr('class', 'row-label')
      .attr('x', m.left - 8)
      .attr('y', y0 + (rowH - rowGap) / 2)
      .attr('text-anchor', 'end')
      .attr('dominant-baseline', 'middle')
      .attr('font-size', 12)
      .attr('font-weight', row.key === ALL_MODELS ? 600 : 400)
      .text(truncate(row.label, labelChars))
      .append('title')
      .text(row.label);
    for (const b of row.bars) {
      const y = y0 + b.run * (barH + 2);
      const w = b.attainment === null ? 0 : Math.max(0, x(Math.min(1, b.attainment)) - x(0));
      g.append('rect')
        .attr('class', row.key === ALL_MODELS ? 'bar overall' : 'bar')
        .attr('data-run', b.run)
        .attr('data-model', row.key)
        .attr('data-attainment', b.attainment === null ? '' : b.attainment)
        .attr('data-requests', b.requests)
        .attr('x', round(x(0)))
        .attr('y', round(y))
        .attr('width', round(w))
        .attr('height', barH)
        .attr('fill', runColour(b.run))
        .append('title')
        .text(`${b.runLabel} · ${row.label}: ${barText(b.attainment, b.requests)}`);
      g.append('text')
        .attr('class', 'bar-label')
        .attr('x', round(x(0) + w + 5))
        .attr('y', round(y + barH / 2))
        .attr('dominant-baseline', 'middle')
        .attr('fill', b.attainment === null ? MUTED_COLOUR : null)
        .text(barText(b.attainment, b.requests));
    }
  });

  const axis = svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - m.bottom})`);
  axis.call(d3.axisBottom(x).ticks(5, '.0%'));
  styleAxis(axis);
  svg.append('text').attr('x', m.left + plotW / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('SLO attainment (% of requests)');
}

