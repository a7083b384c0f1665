/** Placement diagram: per run, the cluster's nodes and GPUs, the groups with their stages, models and memory (d3). */
import * as d3 from 'd3';
import { drawLegend, drawNoData, fmtGB, IDLE_COLOUR, legendHeight, modelColour, MUTED_COLOUR, rejectedColour, resetSvg, round, runColour, truncate } from './colours';

export interface PlacementGroupData {
  op: number;
  pp: number;
  models: string[];
  /** length pp: GB used on each GPU of the stage */
  memoryPerStageGB: number[];
}

export interface PlacementRunData {
  label: string;
  /** drawn under the title (e.g. "first of 3 segments") */
  note?: string;
  groups: PlacementGroupData[];
}

export interface PlacementData {
  devices: number;
  devicesPerNode: number;
  memoryGB: number;
  models: string[];
  runs: PlacementRunData[];
}

export interface PlacementOptions {
  /** widest viewBox (default 960) */
  maxWidth?: number;
}

export interface Rect { x: number; y: number; w: number; h: number }
export interface GpuCell extends Rect {
  gpu: number;
  node: number;
  /** -1: unused */
  group: number;
  stage: number;
  usedGB: number | null;
  /** beyond the cluster's devices (an invalid placement) */
  overflow: boolean;
}
export interface StageBox { stage: number; gpus: number[]; rects: Rect[] }
export interface ChipBox extends Rect { model: string; modelIndex: number }
export interface GroupBox { group: number; op: number; pp: number; first: number; count: number; label: string; parts: Rect[]; stages: StageBox[]; chips: ChipBox[] }
export interface RunLayout { run: number; label: string; note?: string; top: number; height: number; nodes: (Rect & { node: number })[]; gpus: GpuCell[]; groups: GroupBox[]; needed: number }
export interface PlacementLayout { width: number; height: number; legendHeight: number; runs: RunLayout[] }

const GAP = 8; // between GPU cells
const NODE_PAD = 6;
const NODE_GAP = 12;
const NODE_LABEL = 16;
const GROUP_LABEL = 14;
const STAGE_ROW = 14;
const CELL_H = 44;
const CHIP = 11;
const CHIP_PITCH = 14;
const MARGIN = 8;

const size = (v: number): number => (Number.isFinite(v) ? Math.max(1, Math.floor(v)) : 1);

/** Every rectangle of the diagram (absolute coordinates), GPUs in order, groups on consecutive GPUs in group order. */
export function placementLayout(data: PlacementData, options: PlacementOptions = {}): PlacementLayout {
  const maxWidth = options.maxWidth ?? 960;
  const dpn = size(data.devicesPerNode);
  const inner = maxWidth - 2 * MARGIN - 2 * NODE_PAD;
  const cellW = Math.max(30, Math.min(84, Math.floor((inner + GAP) / dpn) - GAP));
  const nodeW = 2 * NODE_PAD + dpn * cellW + (dpn - 1) * GAP;
  const clusterNodes = Math.max(1, Math.ceil(data.devices / dpn));
  const perRow = Math.max(1, Math.min(clusterNodes, Math.floor((maxWidth - 2 * MARGIN + NODE_GAP) / (nodeW + NODE_GAP))));
  const width = 2 * MARGIN + perRow * nodeW + (perRow - 1) * NODE_GAP;
  const modelIndex = new Map(data.models.map((m, i) => [m, i]));
  const legend = legendHeight(data.models.map((label) => ({ label })), width - 2 * MARGIN);
  let top = MARGIN + (legend > 0 ? legend + 8 : 0);
  const runs: RunLayout[] = data.runs.map((run, r) => {
    const needed = run.groups.reduce((s, g) => s + size(g.op) * size(g.pp), 0);
    const total = Math.max(data.devices, needed);
    const nodes = Math.ceil(total / dpn);
    // horizontal positions first
    const cellX = (gpu: number): number => MARGIN + ((Math.floor(gpu / dpn) % perRow) * (nodeW + NODE_GAP)) + NODE_PAD + (gpu % dpn) * (cellW + GAP);
    const owner = new Int32Array(total).fill(-1);
    const stageOf = new Int32Array(total).fill(-1);
    const firsts: number[] = [];
    let next = 0;
    run.groups.forEach((g, gi) => {
      firsts.push(next);
      for (let k = 0; k < size(g.op) * size(g.pp); k++, next++) {
        owner[next] = gi;
        stageOf[next] = Math.floor(k / size(g.op));
      }
    });
    // contiguous runs of GPUs inside one node
    const spans = (gpus: number[]): number[][] => {
      const out: number[][] = [];
      for (const gpu of gpus) {
        const last = out[out.length - 1];
        if (last && Math.floor(last[last.length - 1] / dpn) === Math.floor(gpu / dpn) && last[last.length - 1] === gpu - 1) last.push(gpu);
        else out.push([gpu]);
      }
      return out;
    };
    const spanW = (s: number[]): number => s.length * (cellW + GAP) - GAP;
    let chipRows = 1;
    const chipsPerRow = run.groups.map((g, gi) => {
      const first = spans(range(firsts[gi], size(g.op) * size(g.pp)))[0];
      const n = Math.max(1, Math.floor((spanW(first) + 6 - 8 + CHIP_PITCH - CHIP) / CHIP_PITCH));
      chipRows = Math.max(chipRows, Math.ceil(g.models.length / n));
      return n;
    });
    const groupH = GROUP_LABEL + STAGE_ROW + CELL_H + chipRows * CHIP_PITCH + 6;
    const nodeH = NODE_LABEL + groupH + 6;
    const headH = 18 + (run.note ? 14 : 0) + (needed > data.devices ? 14 : 0);
    const rowTop = (gpu: number): number => top + headH + Math.floor(Math.floor(gpu / dpn) / perRow) * (nodeH + NODE_GAP);
    const nodeRects = range(0, nodes).map((n) => ({ node: n, x: cellX(n * dpn) - NODE_PAD, y: rowTop(n * dpn), w: nodeW, h: nodeH }));
    const gpus: GpuCell[] = range(0, total).map((gpu) => {
      const g = owner[gpu];
      const stage = stageOf[gpu];
      const used = g >= 0 ? run.groups[g].memoryPerStageGB[stage] : undefined;
      return {
        gpu, node: Math.floor(gpu / dpn), group: g, stage, usedGB: g >= 0 ? (Number.isFinite(used) ? (used as number) : null) : null, overflow: gpu >= data.devices,
        x: cellX(gpu), y: rowTop(gpu) + NODE_LABEL + GROUP_LABEL + STAGE_ROW, w: cellW, h: CELL_H,
      };
    });
    const groups: GroupBox[] = run.groups.map((g, gi) => {
      const op = size(g.op);
      const pp = size(g.pp);
      const all = range(firsts[gi], op * pp);
      const parts = spans(all).map((s) => ({ x: cellX(s[0]) - 3, y: rowTop(s[0]) + NODE_LABEL, w: spanW(s) + 6, h: groupH }));
      const stages = range(0, pp).map((k) => {
        const sg = all.slice(k * op, (k + 1) * op);
        return { stage: k, gpus: sg, rects: spans(sg).map((s) => ({ x: cellX(s[0]), y: rowTop(s[0]) + NODE_LABEL + GROUP_LABEL, w: spanW(s), h: STAGE_ROW - 2 })) };
      });
      const p0 = parts[0];
      const chips = g.models.map((model, i) => ({
        model, modelIndex: modelIndex.get(model) ?? -1,
        x: p0.x + 4 + (i % chipsPerRow[gi]) * CHIP_PITCH, y: p0.y + GROUP_LABEL + STAGE_ROW + CELL_H + 4 + Math.floor(i / chipsPerRow[gi]) * CHIP_PITCH, w: CHIP, h: CHIP,
      }));
      return { group: gi, op, pp, first: firsts[gi], count: op * pp, label: `g${gi} (${op}, ${pp})`, parts, stages, chips };
    });
    const rows = Math.ceil(nodes / perRow);
    const height = headH + rows * nodeH + (rows - 1) * NODE_GAP;
    const out: RunLayout = { run: r, label: run.label, note: run.note, top, height, nodes: nodeRects, gpus, groups, needed };
    top += height + 18;
    return out;
  });
  return { width, height: top - 18 + MARGIN, legendHeight: legend, runs };
}

function range(from: number, count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => from + i);
}

export function drawPlacementDiagram(el: SVGSVGElement, data: PlacementData, options: PlacementOptions = {}): void {
  const title = 'Placement of models on GPUs';
  if (data.runs.length === 0 || data.devices <= 0) return drawNoData(el, title);
  const L = placementLayout(data, options);
  const label = `${title}: ${data.runs.map((r) => `${r.label}, ${r.groups.length} group${r.groups.length === 1 ? '' : 's'}`).join('; ')}`;
  const svg = resetSvg(el, L.width, L.height, label);
  const legendItems = data.models.map((m, i) => ({ label: m, colour: modelColour(i), key: m }));
  drawLegend(svg.append('g').attr('class', 'legend').attr('transform', `translate(${MARGIN},${MARGIN})`), legendItems, L.width - 2 * MARGIN, 'data-model');
  for (const run of L.runs) {
    const p = svg.append('g').attr('class', 'run-panel').attr('data-run', run.run);
    p.append('rect').attr('x', MARGIN).attr('y', run.top + 2).attr('width', 4).attr('height', 12).attr('fill', runColour(run.run));
    p.append('text').attr('class', 'run-title').attr('x', MARGIN + 9).attr('y', run.top + 12).attr('font-size', 12).attr('font-weight', 600).text(truncate(run.label, 90));
    let y = run.top + 12;
    if (run.note) p.append('text').attr('class', 'run-note').attr('x', MARGIN + 9).attr('y', (y += 14)).attr('fill', MUTED_COLOUR).attr('font-style', 'italic').text(run.note);
    if (run.needed > data.devices) {
      p.append('text').attr('class', 'run-warning').attr('x', MARGIN + 9).attr('y', (y += 14)).attr('fill', rejectedColour).text(`the placement needs ${run.needed} GPUs; the cluster has ${data.devices}`);
    }
    for (const n of run.nodes) {
      p.append('rect').attr('class', 'node').attr('data-node', n.node).attr('x', n.x).attr('y', n.y).attr('width', n.w).attr('height', n.h).attr('rx', 5).attr('fill', '#f7f8fa').attr('stroke', '#c4cbd4');
      p.append('text').attr('class', 'node-label').attr('x', n.x + 6).attr('y', n.y + 12).attr('font-size', 10).attr('fill', MUTED_COLOUR).text(`node ${n.node}`);
    }
    for (const g of run.groups) {
      const gg = p.append('g').attr('class', 'group').attr('data-run', run.run).attr('data-group', g.group).attr('data-op', g.op).attr('data-pp', g.pp);
      gg.append('title').text(`${g.label}: ${g.count} GPU${g.count === 1 ? '' : 's'} (GPU ${g.first}–${g.first + g.count - 1}); ${g.chips.map((c) => c.model).join(', ') || 'no model'}`);
      for (const part of g.parts) {
        gg.append('rect').attr('class', 'group-outline').attr('x', round(part.x)).attr('y', part.y).attr('width', round(part.w)).attr('height', part.h).attr('rx', 4).attr('fill', '#fff').attr('stroke', '#51606f').attr('stroke-width', 1.5);
      }
      gg.append('text').attr('class', 'group-label').attr('x', round(g.parts[0].x + 4)).attr('y', g.parts[0].y + 11).attr('font-weight', 600).text(g.label);
      for (const s of g.stages) {
        for (const r of s.rects) {
          gg.append('rect').attr('class', 'stage').attr('data-stage', s.stage).attr('x', round(r.x)).attr('y', r.y).attr('width', round(r.w)).attr('height', r.h).attr('rx', 2).attr('fill', '#e8eef6');
          gg.append('text').attr('x', round(r.x + r.w / 2)).attr('y', r.y + r.h / 2).attr('text-anchor', 'middle').attr('dominant-baseline', 'middle').attr('font-size', 9).attr('fill', MUTED_COLOUR).text(r.w >= 44 ? `stage ${s.stage}` : `s${s.stage}`);
        }
      }
      for (const c of g.chips) {
        gg.append('rect').attr('class', 'model-chip').attr('data-model', c.model).attr('x', round(c.x)).attr('y', c.y).attr('width', c.w).attr('height', c.h).attr('rx', 2).attr('fill', modelColour(c.modelIndex)).attr('stroke', '#fff').append('title').text(c.model);
      }
    }
    const cells = p.append('g').attr('class', 'gpus');
    for (const c of run.gpus) drawGpu(cells, c, data.memoryGB);
  }
}

function drawGpu(parent: d3.Selection<SVGGElement, unknown, null, undefined>, c: GpuCell, budget: number): void {
  const idle = c.group < 0;
  const g = parent.append('g').attr('class', idle ? 'gpu-cell idle' : 'gpu-cell');
  const used = c.usedGB ?? 0;
  g.append('rect').attr('class', 'gpu').attr('data-gpu', c.gpu).attr('data-group', c.group).attr('data-used-gb', c.usedGB ?? '')
    .attr('x', round(c.x)).attr('y', c.y).attr('width', c.w).attr('height', c.h).attr('rx', 3)
    .attr('fill', idle ? IDLE_COLOUR : '#fff').attr('stroke', c.overflow ? rejectedColour : idle ? '#c9ced6' : '#9aa3ad').attr('stroke-dasharray', c.overflow || idle ? '3,2' : null)
    .append('title').text(idle ? `GPU ${c.gpu}: unused` : `GPU ${c.gpu}, stage ${c.stage}: ${fmtGB(used)} of ${fmtGB(budget)} GB`);
  const fill = idle ? '#a3abb5' : MUTED_COLOUR;
  g.append('text').attr('x', round(c.x + 4)).attr('y', c.y + 11).attr('font-size', 10).attr('fill', fill).text(`GPU ${c.gpu}`);
  if (idle) {
    g.append('text').attr('x', round(c.x + 4)).attr('y', c.y + 32).attr('font-size', 10).attr('fill', fill).text('unused');
    return;
  }
  const bw = c.w - 8;
  const frac = budget > 0 ? Math.min(1, used / budget) : 0;
  g.append('rect').attr('class', 'mem-budget').attr('x', round(c.x + 4)).attr('y', c.y + 16).attr('width', bw).attr('height', 8).attr('fill', '#e3e7ec');
  g.append('rect').attr('class', 'mem-used').attr('data-gpu', c.gpu).attr('x', round(c.x + 4)).attr('y', c.y + 16).attr('width', round(bw * frac)).attr('height', 8)
    .attr('fill', used > budget ? rejectedColour : '#4b6584');
  const text = c.w >= 70 ? `${fmtGB(used)} / ${fmtGB(budget)} GB` : `${fmtGB(used)}/${fmtGB(budget)}`;
  g.append('text').attr('x', round(c.x + 4)).attr('y', c.y + 37).attr('font-size', 10).attr('fill', used > budget ? rejectedColour : null).text(text);
}
