/** Data preparation of the d3 charts (the drawing itself is exercised in the browser tests). */
import { describe, expect, it } from 'vitest';
import { ALL_MODELS, barText, groupedBars, type AttainmentData } from '../../src/ui/charts/attainmentBars';
import { fmtGB, fmtPct, fmtSeconds, legendHeight, legendLayout, modelColour, rejectedColour, runColour } from '../../src/ui/charts/colours';
import { cdfPoints, sloLines } from '../../src/ui/charts/latencyCdf';
import { placementLayout, type PlacementData, type Rect } from '../../src/ui/charts/placementDiagram';
import { busyMarks, timelineLanes, type TimelineData } from '../../src/ui/charts/timeline';
import { utilisationBars } from '../../src/ui/charts/utilisation';

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Rect, b: Rect): boolean => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

describe('colours', () => {
  it('gives distinct model colours for the first 18 models and valid colours after', () => {
    const first = Array.from({ length: 18 }, (_, i) => modelColour(i));
    expect(new Set(first).size).toBe(18);
    for (let i = 0; i < 60; i++) expect(modelColour(i)).toMatch(/^#[0-9a-f]{6}$/i);
    expect(modelColour(-1)).toMatch(/^#/);
  });
  it('gives runs colours distinct from each other and from the models and rejections', () => {
    const runs = Array.from({ length: 5 }, (_, i) => runColour(i));
    expect(new Set(runs).size).toBe(5);
    for (const c of runs) expect(c).not.toBe(rejectedColour);
    for (let i = 0; i < 10; i++) expect(runs).not.toContain(modelColour(i));
  });
  it('formats numbers', () => {
    expect(fmtPct(0.973)).toBe('97.3 %');
    expect(fmtPct(1)).toBe('100.0 %');
    expect(fmtPct(0.99999)).toBe('>99.9 %');
    expect(fmtPct(0.00001)).toBe('<0.1 %');
    expect(fmtPct(null)).toBe('–');
    expect(fmtSeconds(0.4)).toBe('0.4 s');
    expect(fmtSeconds(0.123456)).toBe('0.123 s');
    expect(fmtSeconds(12.345)).toBe('12.3 s');
    expect(fmtSeconds(3600)).toBe('3,600 s');
    expect(fmtGB(13.456)).toBe('13.5');
  });
  it('wraps legends', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ label: `a fairly long label ${i}` }));
    const l = legendLayout(items, 300);
    expect(l.every((p) => p.x + 16 <= 300)).toBe(true);
    expect(legendHeight(items, 300)).toBe(l[l.length - 1].y + 16);
    expect(legendHeight([], 300)).toBe(0);
  });
});

describe('attainment bars', () => {
  const data: AttainmentData = {
    models: ['m0', 'm1', 'm2'],
    runs: [
      { label: 'A', overall: { attainment: 0.9, requests: 100 }, perModel: { m0: { attainment: 1, requests: 60 }, m1: { attainment: 0.75, requests: 40 }, m2: { attainment: null, requests: 0 } } },
      { label: 'B', overall: { attainment: 0.5, requests: 100 }, perModel: { m0: { attainment: 0.5, requests: 60 } } },
    ],
  };
  it('has an "all models" row first, then one row per model with one bar per run', () => {
    const rows = groupedBars(data);
    expect(rows.map((r) => r.key)).toEqual([ALL_MODELS, 'm0', 'm1', 'm2']);
    for (const r of rows) expect(r.bars.map((b) => b.run)).toEqual([0, 1]);
    expect(rows[0].bars[1]).toMatchObject({ attainment: 0.5, requests: 100 });
    expect(rows[2].bars[1]).toMatchObject({ attainment: null, requests: 0 }); // model missing from run B
    expect(rows[3].bars[0].attainment).toBeNull();
  });
  it('labels bars with the attainment and the requests behind it', () => {
    expect(barText(0.75, 40)).toBe('75.0 % of 40 requests');
    expect(barText(1, 1)).toBe('100.0 % of 1 request');
    expect(barText(null, 0)).toBe('no requests');
  });
  it('copes with no runs and no models', () => {
    expect(groupedBars({ runs: [], models: [] })).toEqual([{ key: ALL_MODELS, label: 'all models', bars: [] }]);
  });
});

describe('placement layout', () => {
  const data: PlacementData = {
    devices: 16,
    devicesPerNode: 8,
    memoryGB: 16,
    models: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
    runs: [
      {
        label: 'replication',
        groups: [
          { op: 1, pp: 1, models: ['a', 'b'], memoryPerStageGB: [10] },
          { op: 2, pp: 2, models: ['a', 'c', 'd'], memoryPerStageGB: [6.5, 6.25] },
          { op: 1, pp: 4, models: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], memoryPerStageGB: [15, 15, 15, 14] },
          { op: 4, pp: 1, models: [], memoryPerStageGB: [0] }, // GPUs 9..12: across no node boundary
        ],
      },
      { label: 'one pipeline', note: 'first of 2 segments', groups: [{ op: 2, pp: 4, models: ['a'], memoryPerStageGB: [1, 2, 3, 4] }, { op: 1, pp: 2, models: ['b'], memoryPerStageGB: [5, 5] }] },
      { label: 'nothing placed', groups: [] },
      { label: 'across nodes', groups: [{ op: 1, pp: 6, models: ['a'], memoryPerStageGB: [1, 1, 1, 1, 1, 1] }, { op: 4, pp: 2, models: ['b'], memoryPerStageGB: [2, 2] }] },
    ],
  };
  const L = placementLayout(data);

  it('covers every GPU of the cluster exactly once, without overlaps, inside its node', () => {
    for (const run of L.runs) {
      expect(run.gpus.map((g) => g.gpu)).toEqual(Array.from({ length: 16 }, (_, i) => i));
      expect(run.nodes).toHaveLength(2);
      for (const g of run.gpus) {
        expect(inside(g, run.nodes[g.node])).toBe(true);
        expect(g.node).toBe(Math.floor(g.gpu / 8));
        expect(g.overflow).toBe(false);
      }
      for (let i = 0; i < run.gpus.length; i++) for (let j = i + 1; j < run.gpus.length; j++) expect(overlaps(run.gpus[i], run.gpus[j])).toBe(false);
      expect(run.gpus.every((g) => g.x >= 0 && g.x + g.w <= L.width && g.y >= run.top && g.y + g.h <= run.top + run.height)).toBe(true);
    }
  });

  it('puts groups on consecutive, non-overlapping GPU ranges in group order, with pp stages of op GPUs', () => {
    for (const [r, run] of L.runs.entries()) {
      let next = 0;
      expect(run.groups).toHaveLength(data.runs[r].groups.length);
      for (const [gi, g] of run.groups.entries()) {
        const spec = data.runs[r].groups[gi];
        expect(g.first).toBe(next);
        expect(g.count).toBe(spec.op * spec.pp);
        expect(g.label).toBe(`g${gi} (${spec.op}, ${spec.pp})`);
        expect(g.stages).toHaveLength(spec.pp);
        expect(g.stages.flatMap((s) => s.gpus)).toEqual(Array.from({ length: g.count }, (_, i) => next + i));
        for (const s of g.stages) expect(s.gpus).toHaveLength(spec.op);
        for (let gpu = g.first; gpu < g.first + g.count; gpu++) {
          const cell = run.gpus[gpu];
          expect(cell.group).toBe(gi);
          expect(g.parts.some((p) => inside(cell, p))).toBe(true);
        }
        next += g.count;
      }
      for (const cell of run.gpus.slice(next)) expect(cell.group).toBe(-1);
      // outlines of different groups do not overlap
      const parts = run.groups.flatMap((g) => g.parts.map((p) => ({ ...p, g: g.group })));
      for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) if (parts[i].g !== parts[j].g) expect(overlaps(parts[i], parts[j])).toBe(false);
    }
  });

  it('splits a group across nodes into one outline per node', () => {
    const run = L.runs[3];
    expect(run.groups[0].parts).toHaveLength(1); // GPUs 0..5
    expect(run.groups[1].parts).toHaveLength(2); // GPUs 6..13
    expect(run.groups[1].stages[0].rects).toHaveLength(2); // GPUs 6,7 | 8,9
  });

  it('gives each GPU the memory of its stage, and unused GPUs none', () => {
    for (const [r, run] of L.runs.entries()) {
      for (const cell of run.gpus) {
        if (cell.group < 0) expect(cell.usedGB).toBeNull();
        else expect(cell.usedGB).toBe(data.runs[r].groups[cell.group].memoryPerStageGB[cell.stage]);
      }
    }
    expect(L.runs[1].gpus.map((g) => g.usedGB)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, null, null, null, null, null, null]);
  });

  it('draws a chip per model of a group, inside it, coloured by the model index', () => {
    for (const [r, run] of L.runs.entries()) {
      for (const g of run.groups) {
        expect(g.chips.map((c) => c.model)).toEqual(data.runs[r].groups[g.group].models);
        for (const c of g.chips) {
          expect(inside(c, g.parts[0])).toBe(true);
          expect(c.modelIndex).toBe(data.models.indexOf(c.model));
        }
        for (let i = 0; i < g.chips.length; i++) for (let j = i + 1; j < g.chips.length; j++) expect(overlaps(g.chips[i], g.chips[j])).toBe(false);
      }
    }
  });

  it('stacks the runs vertically', () => {
    for (let r = 1; r < L.runs.length; r++) expect(L.runs[r].top).toBeGreaterThanOrEqual(L.runs[r - 1].top + L.runs[r - 1].height);
    const last = L.runs[L.runs.length - 1];
    expect(L.height).toBeGreaterThanOrEqual(last.top + last.height);
  });

  it('shows GPUs a placement needs beyond the cluster as overflow', () => {
    const over = placementLayout({ ...data, devices: 4, runs: [{ label: 'x', groups: [{ op: 2, pp: 3, models: ['a'], memoryPerStageGB: [1, 1, 1] }] }] });
    expect(over.runs[0].needed).toBe(6);
    expect(over.runs[0].gpus.map((g) => g.overflow)).toEqual([false, false, false, false, true, true]);
  });

  it('handles many GPUs per node and a single GPU', () => {
    const wide = placementLayout({ ...data, devices: 32, devicesPerNode: 32, runs: [{ label: 'x', groups: [{ op: 1, pp: 1, models: ['a'], memoryPerStageGB: [1] }] }] });
    expect(wide.runs[0].gpus).toHaveLength(32);
    expect(wide.width).toBeGreaterThan(0);
    const one = placementLayout({ ...data, devices: 1, devicesPerNode: 8, runs: [{ label: 'x', groups: [] }] });
    expect(one.runs[0].nodes).toHaveLength(1);
    expect(one.runs[0].gpus).toHaveLength(1);
  });
});

describe('latency CDF', () => {
  it('rises strictly to 1 over non-decreasing latencies', () => {
    const lat = [0.1, 0.2, 0.2, 0.2, 0.3, 0.5, 0.5, 1.2];
    const p = cdfPoints(lat);
    expect(p[0]).toEqual({ x: 0.1, y: 0 });
    expect(p[p.length - 1]).toEqual({ x: 1.2, y: 1 });
    for (let i = 1; i < p.length; i++) {
      expect(p[i].y).toBeGreaterThan(p[i - 1].y);
      expect(p[i].x).toBeGreaterThanOrEqual(p[i - 1].x);
    }
    for (let i = 2; i < p.length; i++) expect(p[i].x).toBeGreaterThan(p[i - 1].x);
    expect(p.find((q) => q.x === 0.2)!.y).toBe(4 / 8);
  });
  it('sorts unsorted input, drops non-finite values, copes with empty and single samples', () => {
    expect(cdfPoints([0.3, 0.1, NaN, 0.2]).map((q) => q.x)).toEqual([0.1, 0.1, 0.2, 0.3]);
    expect(cdfPoints([])).toEqual([]);
    expect(cdfPoints([0.25])).toEqual([{ x: 0.25, y: 0 }, { x: 0.25, y: 1 }]);
    expect(cdfPoints([0.4, 0.4, 0.4])).toEqual([{ x: 0.4, y: 0 }, { x: 0.4, y: 1 }]);
  });
  it('sorts SLO lines and drops duplicates and invalid ones', () => {
    const s = sloLines([{ label: 'b', seconds: 0.8 }, { label: 'a', seconds: 0.4 }, { label: 'a', seconds: 0.4 }, { label: 'z', seconds: 0 }, { label: 'n', seconds: NaN }]);
    expect(s.map((x) => x.label)).toEqual(['a', 'b']);
  });
});

describe('timeline', () => {
  const data: TimelineData = {
    from: 10,
    to: 20,
    models: ['m0', 'm1'],
    runs: [
      {
        label: 'A',
        groups: [{ op: 1, pp: 2 }, { op: 2, pp: 1 }],
        truncated: false,
        total: 4,
        events: [
          { arrival: 10.5, model: 0, group: 0, good: true, finish: 11, stages: [[10.5, 10.7], [10.7, 11]] },
          { arrival: 11, model: 1, group: 1, good: true, finish: 11.5, stages: [[11, 11.5]] },
          { arrival: 12, model: 1, group: 1, good: false, finish: 0, stages: [] },
          { arrival: 13, model: 0, group: -1, good: false, finish: 0, stages: [] },
        ],
      },
      { label: 'B', groups: [{ op: 1, pp: 4 }], truncated: true, total: 100, events: [{ arrival: 10.1, model: 0, group: 0, good: true, finish: 10.9, stages: [[10.1, 10.3], [10.3, 10.5], [10.5, 10.7], [10.7, 10.9]] }] },
      { label: 'C (no groups)', groups: [], truncated: false, total: 1, events: [{ arrival: 15, model: 0, group: -1, good: false, finish: 0, stages: [] }] },
    ],
  };
  it('has one lane per stage of each group of each run, in order, without overlaps', () => {
    const bands = timelineLanes(data, 30);
    const lanes = bands.flatMap((b) => b.lanes);
    expect(lanes).toHaveLength(data.runs.reduce((s, r) => s + r.groups.reduce((t, g) => t + g.pp, 0), 0));
    expect(bands[0].lanes.map((l) => [l.group, l.stage])).toEqual([[0, 0], [0, 1], [1, 0]]);
    expect(bands[1].lanes).toHaveLength(4);
    expect(bands[2].lanes).toHaveLength(0);
    expect(bands[0].top).toBe(30);
    for (let i = 1; i < lanes.length; i++) expect(lanes[i].y).toBeGreaterThanOrEqual(lanes[i - 1].y + lanes[i - 1].h);
    for (const b of bands) for (const l of b.lanes) expect(l.y >= b.arrivalsY && l.y + l.h <= b.top + b.height).toBe(true);
    for (let i = 1; i < bands.length; i++) expect(bands[i].top).toBeGreaterThanOrEqual(bands[i - 1].top + bands[i - 1].height);
  });
  it('marks each stage of each accepted request, and skips stages without a lane', () => {
    expect(busyMarks(data.runs[0], 0)).toEqual([
      { run: 0, group: 0, stage: 0, model: 0, start: 10.5, end: 10.7 },
      { run: 0, group: 0, stage: 1, model: 0, start: 10.7, end: 11 },
      { run: 0, group: 1, stage: 0, model: 1, start: 11, end: 11.5 },
    ]);
    expect(busyMarks(data.runs[1], 1)).toHaveLength(4);
    expect(busyMarks(data.runs[2], 2)).toHaveLength(0);
    const stray = { ...data.runs[0], events: [{ arrival: 1, model: 0, group: 5, good: true, finish: 2, stages: [[1, 2]] as [number, number][] }] };
    expect(busyMarks(stray, 0)).toHaveLength(0);
  });
});

describe('utilisation', () => {
  it('lines up groups by index across runs and labels slots whose runs differ generically', () => {
    const slots = utilisationBars({
      runs: [
        { label: 'A', groups: [{ label: 'g0 (1, 2)', busyFraction: 0.5, requests: 10 }, { label: 'g1 (1, 1)', busyFraction: 1.2, requests: 5 }] },
        { label: 'B', groups: [{ label: 'g0 (1, 2)', busyFraction: 0.25, requests: 10 }] },
        { label: 'C', groups: [{ label: 'g0 (4, 1)', busyFraction: NaN, requests: 0 }, { label: 'g1 (1, 1)', busyFraction: 0.1, requests: 5 }, { label: 'g2 (2, 1)', busyFraction: 0.3, requests: 1 }] },
      ],
    });
    expect(slots.map((s) => s.label)).toEqual(['g0', 'g1 (1, 1)', 'g2 (2, 1)']);
    expect(slots.map((s) => s.mixed)).toEqual([true, false, false]);
    expect(slots.map((s) => s.bars.map((b) => b.run))).toEqual([[0, 1, 2], [0, 2], [2]]);
    expect(slots[1].bars[0].busyFraction).toBe(1); // clamped
    expect(slots[0].bars[2].busyFraction).toBe(0); // NaN -> 0
    expect(utilisationBars({ runs: [] })).toEqual([]);
  });
});
