/** Timeline of one window: per run, arrivals and the stage occupancy of each group; zoom and pan along time (d3). */
import * as d3 from 'd3';
import { drawLegend, drawNoData, fmtSeconds, legendHeight, modelColour, MUTED_COLOUR, rejectedColour, resetSvg, round, runColour, styleAxis, truncate } from './colours';

export interface TimelineEvent {
  arrival: number;
  /** index in `models` */
  model: number;
  /** group index in the run's placement; -1 for a model without a replica */
  group: number;
  good: boolean;
  finish: number;
  /** [start, end] of each stage (accepted requests only) */
  stages: [number, number][];
}

export interface TimelineRun {
  label: string;
  groups: { op: number; pp: number }[];
  truncated: boolean;
  /** requests arriving in [from, to) */
  total: number;
  events: TimelineEvent[];
}

export interface TimelineData {
  from: number;
  to: number;
  models: string[];
  runs: TimelineRun[];
}

export interface TimelineOptions {
  width?: number;
}

export interface TimelineHandle {
  /** back to the whole window */
  reset(): void;
  /** zoom by a factor (> 1: in) around the middle of the view */
  zoomBy(factor: number): void;
  /** pan by a fraction of the view's width (> 0: later in time) */
  panBy(fraction: number): void;
}

export interface Lane { run: number; group: number; stage: number; y: number; h: number; label: string }
export interface RunBand { run: number; top: number; height: number; arrivalsY: number; lanes: Lane[] }
export interface BusyMark { run: number; group: number; stage: number; model: number; start: number; end: number }

const HEAD = 18;
const ARRIVALS = 18;
const LANE = 14;
const GROUP_GAP = 4;
const BAND_GAP = 12;

/** Vertical layout: a band per run with a header, an arrivals row, then a lane per stage of each group. */
export function timelineLanes(data: TimelineData, top = 0): RunBand[] {
  let y = top;
  return data.runs.map((run, r) => {
    const bandTop = y;
    const arrivalsY = y + HEAD;
    y = arrivalsY + ARRIVALS;
    const lanes: Lane[] = [];
    run.groups.forEach((g, gi) => {
      for (let s = 0; s < Math.max(1, Math.floor(g.pp)); s++) {
        lanes.push({ run: r, group: gi, stage: s, y, h: LANE - 2, label: s === 0 ? `g${gi} (${g.op}, ${g.pp}) s0` : `s${s}` });
        y += LANE;
      }
      y += GROUP_GAP;
    });
    const band = { run: r, top: bandTop, height: y - bandTop, arrivalsY, lanes };
    y += BAND_GAP;
    return band;
  });
}

/** One busy rectangle per stage of each accepted request that has a lane (events of unknown groups are skipped). */
export function busyMarks(run: TimelineRun, r: number): BusyMark[] {
  const out: BusyMark[] = [];
  for (const e of run.events) {
    const g = run.groups[e.group];
    if (!e.good || !g) continue;
    e.stages.forEach(([start, end], s) => {
      if (s < Math.max(1, Math.floor(g.pp)) && Number.isFinite(start) && Number.isFinite(end)) out.push({ run: r, group: e.group, stage: s, model: e.model, start, end });
    });
  }
  return out;
}

let clipCounter = 0;
const CROSS = 'M-3,-3L3,3M-3,3L3,-3';
const TICK = 'M0,-6V6';

export function drawTimeline(el: SVGSVGElement, data: TimelineData, options: TimelineOptions = {}): TimelineHandle {
  const title = 'Timeline of requests';
  const noop: TimelineHandle = { reset() {}, zoomBy() {}, panBy() {} };
  if (data.runs.length === 0 || !(data.to > data.from)) {
    drawNoData(el, title);
    return noop;
  }
  const width = options.width ?? 960;
  const m = { left: 120, right: 16, bottom: 36 };
  const legendItems = data.models.map((name, i) => ({ label: name, colour: modelColour(i), key: i }));
  const legendItemsAll = [...legendItems, { label: 'rejected', colour: rejectedColour, key: 'rejected' }];
  const legendH = legendHeight(legendItemsAll, width - 16);
  const bands = timelineLanes(data, 8 + legendH + 8);
  const last = bands[bands.length - 1];
  const plotBottom = last.top + last.height;
  const height = plotBottom + m.bottom;
  const events = d3.sum(data.runs, (r) => r.events.length);
  const svg = resetSvg(el, width, height, `${title} from ${fmtSeconds(data.from)} to ${fmtSeconds(data.to)}: ${events} requests in ${data.runs.length} run${data.runs.length === 1 ? '' : 's'}`);
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,8)'), legendItemsAll, width - 16, 'data-model');

  const x0 = d3.scaleLinear().domain([data.from, data.to]).range([m.left, width - m.right]);
  const clipId = `timeline-clip-${++clipCounter}`;
  svg.append('defs').append('clipPath').attr('id', clipId).append('rect').attr('x', m.left).attr('y', 0).attr('width', width - m.left - m.right).attr('height', height);

  const labels = svg.append('g').attr('class', 'lane-labels');
  const plot = svg.append('g').attr('class', 'plot').attr('clip-path', `url(#${clipId})`);
  const busySel: d3.Selection<SVGRectElement, BusyMark, SVGGElement, unknown>[] = [];
  const arrivalSel: { sel: d3.Selection<SVGPathElement, TimelineEvent, SVGGElement, unknown>; y: number }[] = [];
  bands.forEach((band, r) => {
    const run = data.runs[r];
    labels.append('rect').attr('x', 4).attr('y', band.top + 3).attr('width', 4).attr('height', 12).attr('fill', runColour(r));
    const shown = run.truncated ? ` · showing first ${run.events.length.toLocaleString('en-US')} of ${run.total.toLocaleString('en-US')} requests` : ` · ${run.total.toLocaleString('en-US')} requests`;
    labels.append('text').attr('class', 'run-title').attr('data-run', r).attr('x', 12).attr('y', band.top + 13).attr('font-weight', 600).text(truncate(run.label, 60))
      .append('tspan').attr('class', run.truncated ? 'truncated-note' : 'count-note').attr('font-weight', 400).attr('fill', MUTED_COLOUR).text(shown);
    labels.append('text').attr('x', m.left - 6).attr('y', band.arrivalsY + ARRIVALS / 2).attr('text-anchor', 'end').attr('dominant-baseline', 'middle').attr('fill', MUTED_COLOUR).text('arrivals');
    for (const lane of band.lanes) {
      plot.append('rect').attr('class', 'lane').attr('data-run', r).attr('data-group', lane.group).attr('data-stage', lane.stage)
        .attr('x', m.left).attr('y', lane.y).attr('width', width - m.left - m.right).attr('height', lane.h).attr('fill', '#f3f5f8');
      labels.append('text').attr('x', m.left - 6).attr('y', lane.y + lane.h / 2).attr('text-anchor', 'end').attr('dominant-baseline', 'middle').attr('font-size', 10).text(lane.label);
    }
    if (band.lanes.length === 0) labels.append('text').attr('x', m.left + 4).attr('y', band.arrivalsY + ARRIVALS + 10).attr('font-size', 10).attr('fill', MUTED_COLOUR).text('no groups');
    const laneY = new Map(band.lanes.map((l) => [`${l.group}:${l.stage}`, l]));
    busySel.push(
      // shared attributes sit on the group (inherited): fewer DOM writes per mark keep a redraw short
      plot.append('g').attr('class', 'busy-marks').attr('data-run', r).attr('stroke', '#fff').attr('stroke-width', 0.5).attr('height', LANE - 2)
        .selectAll<SVGRectElement, BusyMark>('rect').data(busyMarks(run, r)).join('rect')
        .attr('class', 'busy').attr('data-model', (b) => b.model)
        .attr('y', (b) => laneY.get(`${b.group}:${b.stage}`)!.y).attr('height', LANE - 2)
        .attr('fill', (b) => modelColour(b.model)),
    );
    const ay = band.arrivalsY + ARRIVALS / 2;
    arrivalSel.push({
      y: ay,
      sel: plot.append('g').attr('class', 'arrivals').attr('data-run', r).attr('fill', 'none').attr('stroke-width', 1.2)
        .selectAll<SVGPathElement, TimelineEvent>('path').data(run.events).join('path')
        .attr('class', (e) => (e.good ? 'arrival accepted' : 'arrival rejected'))
        .attr('d', (e) => (e.good ? TICK : CROSS))
        .attr('stroke', (e) => (e.good ? modelColour(e.model) : rejectedColour)),
    });
  });

  const axis = svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${plotBottom})`);
  svg.append('text').attr('class', 'axis-label').attr('x', (m.left + width - m.right) / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('fill', MUTED_COLOUR).text('time (s) · scroll or + / − to zoom, drag or ← / → to pan, 0 to reset');

  const render = (x: d3.ScaleLinear<number, number>): void => {
    for (const s of busySel) s.attr('x', (b) => round(x(b.start))).attr('width', (b) => Math.max(0.5, round(x(b.end) - x(b.start))));
    for (const a of arrivalSel) a.sel.attr('transform', (e) => `translate(${round(x(e.arrival))},${a.y})`);
    axis.call(d3.axisBottom(x).ticks(Math.max(2, Math.floor((width - m.left - m.right) / 90))));
    styleAxis(axis);
  };
  const extent: [[number, number], [number, number]] = [[m.left, 0], [width - m.right, height]];
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 10_000])
    .extent(extent)
    .translateExtent(extent)
    .on('zoom', (ev: d3.D3ZoomEvent<SVGSVGElement, unknown>) => render(ev.transform.rescaleX(x0)));
  svg.call(zoom);
  svg.call(zoom.transform, d3.zoomIdentity); // renders (and forgets the zoom of a previous drawing)
  const handle: TimelineHandle = {
    reset: () => svg.call(zoom.transform, d3.zoomIdentity),
    zoomBy: (factor) => svg.call(zoom.scaleBy, factor, [(m.left + width - m.right) / 2, 0]),
    panBy: (fraction) => {
      const t = d3.zoomTransform(el);
      svg.call(zoom.transform, t.translate((-fraction * (width - m.left - m.right)) / t.k, 0));
    },
  };
  // keyboard: the chart takes focus; + / - zoom, arrows pan, 0 or Home resets
  svg.attr('tabindex', 0).attr('aria-keyshortcuts', '+ - ArrowLeft ArrowRight 0 Home');
  svg.on('keydown.timeline', (ev: KeyboardEvent) => {
    const act: Record<string, () => void> = {
      '+': () => handle.zoomBy(1.5),
      '=': () => handle.zoomBy(1.5),
      '-': () => handle.zoomBy(1 / 1.5),
      ArrowRight: () => handle.panBy(0.1),
      ArrowLeft: () => handle.panBy(-0.1),
      '0': handle.reset,
      Home: handle.reset,
    };
    const f = act[ev.key];
    if (!f) return;
    ev.preventDefault();
    f();
  });
  return handle;
}
