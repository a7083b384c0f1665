/**
 * Palettes and the small shared toolkit of the chart modules: SVG reset, "no data" text, legends, number formats.
 * Everything is drawn with explicit attributes (fill, stroke, font) so that exported SVGs are self-contained.
 */
import * as d3 from 'd3';

const MODEL_PALETTE: readonly string[] = [...d3.schemeTableau10, ...d3.schemeDark2];
const RUN_PALETTE: readonly string[] = ['#1f3b73', '#c2410c', '#15803d', '#7e22ce', '#0e7490', '#a16207', '#be185d'];

/** Categorical colour of the model at `index` in the scenario's model list (readable on white). */
export function modelColour(index: number): string {
  if (!Number.isInteger(index) || index < 0) return '#9aa3ad';
  if (index < MODEL_PALETTE.length) return MODEL_PALETTE[index];
  // beyond the palette: golden-angle hues, darkish so that they stay readable on white
  return d3.hsl((index * 137.508) % 360, 0.55, 0.45).formatHex();
}

/** Colour of the run (policy) at `index`; darker and distinct from the model palette. */
export function runColour(index: number): string {
  if (!Number.isInteger(index) || index < 0) return '#5a6573';
  if (index < RUN_PALETTE.length) return RUN_PALETTE[index];
  return d3.hsl((index * 137.508 + 20) % 360, 0.7, 0.32).formatHex();
}

/** Rejected requests (timeline arrivals). */
export const rejectedColour = '#b3261e';

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const TEXT_COLOUR = '#1d232b';
export const MUTED_COLOUR = '#5a6573';
export const GRID_COLOUR = '#e3e7ec';
export const IDLE_COLOUR = '#eef0f3';

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
export type G = d3.Selection<SVGGElement, unknown, null, undefined>;

/** Clears the SVG (listeners of a previous zoom included) and sets size, viewBox, role, label and base font. */
export function resetSvg(el: SVGSVGElement, width: number, height: number, label: string): Svg {
  const svg = d3.select(el);
  svg.on('.zoom', null);
  svg.selectAll('*').remove();
  return svg
    .attr('viewBox', `0 0 ${round(width)} ${round(height)}`)
    .attr('width', round(width))
    .attr('height', round(height))
    .attr('role', 'img')
    .attr('aria-label', label)
    .attr('font-family', FONT_FAMILY)
    .attr('font-size', 11)
    .attr('fill', TEXT_COLOUR)
    .attr('color', TEXT_COLOUR)
    .style('max-width', '100%')
    .style('height', 'auto');
}

/** A complete chart saying there is nothing to show. */
export function drawNoData(el: SVGSVGElement, label: string, message = 'no data'): void {
  const svg = resetSvg(el, 360, 48, `${label}: ${message}`);
  svg.append('text').attr('class', 'no-data').attr('x', 180).attr('y', 28).attr('text-anchor', 'middle').attr('font-size', 12).attr('fill', MUTED_COLOUR).text(message);
}

/** Sets the font of an axis drawn by d3-axis (which uses sans-serif 10px by default). */
export function styleAxis(g: d3.Selection<SVGGElement, unknown, null, undefined>): void {
  g.attr('font-family', FONT_FAMILY).attr('font-size', 11);
  g.selectAll('.tick line').attr('stroke', '#8a94a1');
  g.select('.domain').attr('stroke', '#8a94a1');
}

/** Rough width of a label (no layout engine needed, so that the layouts stay pure). */
export function textWidth(s: string, fontSize = 11): number {
  return s.length * fontSize * 0.6;
}

export function truncate(s: string, maxChars: number): string {
  return s.length <= maxChars ? s : s.slice(0, Math.max(1, maxChars - 1)) + '…';
}

export interface LegendItem {
  label: string;
  colour: string;
  /** value of the data attribute (`data-run` / `data-model`) */
  key: string | number;
  /** true: drawn as a line sample instead of a square */
  line?: boolean;
}

const LEGEND_ROW = 16;

/** Positions of legend items in rows that wrap at maxWidth, and the height they need. */
export function legendLayout(items: readonly { label: string }[], maxWidth: number): { x: number; y: number; label: string }[] {
  let x = 0;
  let y = 0;
  const out: { x: number; y: number; label: string }[] = [];
  for (const it of items) {
    const label = truncate(it.label, 48);
    const w = 16 + textWidth(label) + 14;
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += LEGEND_ROW;
    }
    out.push({ x, y, label });
    x += w;
  }
  return out;
}

export function legendHeight(items: readonly { label: string }[], maxWidth: number): number {
  const l = legendLayout(items, maxWidth);
  return l.length === 0 ? 0 : l[l.length - 1].y + LEGEND_ROW;
}

/** Legend items in rows that wrap at maxWidth; returns the height used. */
export function drawLegend(parent: G, items: LegendItem[], maxWidth: number, attr: 'data-run' | 'data-model'): number {
  const layout = legendLayout(items, maxWidth);
  items.forEach((it, i) => {
    const { x, y, label } = layout[i];
    const g = parent.append('g').attr('class', 'legend-item').attr(attr, String(it.key)).attr('transform', `translate(${round(x)},${y})`);
    if (it.line) g.append('line').attr('x1', 0).attr('x2', 12).attr('y1', 6).attr('y2', 6).attr('stroke', it.colour).attr('stroke-width', 2.5);
    else g.append('rect').attr('width', 11).attr('height', 11).attr('y', 0.5).attr('rx', 2).attr('fill', it.colour);
    g.append('text').attr('x', 16).attr('y', 6).attr('dominant-baseline', 'middle').text(label);
    if (it.label !== label) g.append('title').text(it.label);
  });
  return legendHeight(items, maxWidth);
}

/** 0.973 -> "97.3 %", never rounding a partial attainment to 0 or 100; null -> "–". */
export function fmtPct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const s = (v * 100).toFixed(1);
  if (s === '100.0' && v < 1) return '>99.9 %';
  if (s === '0.0' && v > 0) return '<0.1 %';
  return `${s} %`;
}

const sig3 = d3.format('.3~g');
const thousands = d3.format(',.0f');

/** Seconds with 3 significant digits (no exponent for large values). */
export function fmtSeconds(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return `${Math.abs(v) >= 1000 ? thousands(v) : sig3(v)} s`;
}

export function fmtGB(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 100 ? v.toFixed(0) : sig3(v);
}

export function round(v: number): number {
  return Math.round(v * 100) / 100;
}
