/**
 * The paper's experiments as presets (docs/presets.md): every preset loads
 * (parses, survives a link), and each reproduces its qualitative claim when
 * run through the simulator, the policies and the sweep functions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/core/placement';
import { planScenario } from '../../src/core/plan';
import {
  alphaMax,
  betaMax,
  md1Curves,
  md1SimulatedPoints,
  MD1_UTILISATIONS,
  pipelineTimes,
  presetById,
  PRESETS,
  wPipeline,
  wPipelineEqual,
  wSimple,
  wSimpleEqual,
  type Preset,
} from '../../src/core/presets';
import { FIG1_Y, FIXED_OVERHEAD } from '../../src/core/presets/motivation';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/core/scenario/link';
import { parseScenario } from '../../src/core/scenario/parse';
import type { Scenario } from '../../src/core/scenario/types';
import { simulateScenario } from '../../src/core/sim/simulate';
import { applySweepValue, crossings, runSweep, sweepPlan, sweepPointScenario, type SweepPoint } from '../../src/core/sweep';

const preset = (id: string): Preset => {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};

/** Attainment of one sweep point (the value applied, the policy searched, the result simulated). */
const at = (p: Preset, value: number, policy: string): number => planScenario(sweepPointScenario(p.scenario, p.sweep!.variable, value, policy)).attainment;

/** The whole sweep of a preset, as a map policy -> value -> attainment. */
async function sweepTable(p: Preset, base: Scenario = p.scenario): Promise<{ points: SweepPoint[]; a: (policy: string, value: number) => number }> {
  const points = await runSweep(base, p.sweep!, (s) => planScenario(s));
  const a = (policy: string, value: number): number => {
    const pt = points.find((x) => x.policy === policy && x.value === value);
    if (!pt) throw new Error(`no point ${policy} @ ${value}`);
    return pt.attainment;
  };
  return { points, a };
}

/** Mean latencies of a variant preset: [pipeline, one model per GPU]. */
const variantMeans = (p: Preset): number[] => p.variants!.map((v) => simulateScenario(v.scenario).latencyMean!);

describe('the catalogue', () => {
  it('ids are unique; every preset (and variant) parses, survives a link, and names known policies', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['fig1-toy', 'fig2-poisson', 'fig2-cv3', 'fig2-skew', 'md1-queueing', 'sec32-memory', 'sec32-rate', 'sec32-cv', 'sec32-slo', 'sec32-alpha']),
    );
    for (const s of ['s1', 's2', 's3']) for (const v of ['devices', 'rate', 'cv', 'slo']) expect(ids).toContain(`${s}-${v}`);
    for (const v of ['rate', 'cv', 'slo']) expect(ids).toContain(`s4-${v}`);
    expect(ids).toEqual(expect.arrayContaining(['ablation-rate', 'ablation-cv']));
    for (const p of PRESETS) {
      expect(p.title.length, p.id).toBeGreaterThan(0);
      expect(p.text.length, p.id).toBeGreaterThan(80);
      expect(p.reproduces.length, p.id).toBeGreaterThan(10);
      expect(p.ours.length, p.id).toBeGreaterThan(5);
      for (const s of [p.scenario, ...(p.variants ?? []).map((v) => v.scenario)]) {
        const r = parseScenario(s);
        expect(r.ok ? [] : r.issues, p.id).toEqual([]);
        expect(s.meta?.preset, p.id).toBe(p.id);
        const back = decodeScenarioLink(encodeScenarioLink(s));
        expect(back.ok && back.scenario, p.id).toEqual(r.ok && r.scenario);
      }
      if (p.variants) expect(p.variants[0].scenario).toEqual(p.scenario);
      for (const name of [...(p.compare ?? []), ...(p.sweep?.policies ?? [])]) expect(() => resolvePolicy({ name }), `${p.id}: ${name}`).not.toThrow();
    }
  });

  it('sweep presets carry their sweep in ui.sweep, run its last policy, and every point is a valid scenario', () => {
    for (const p of PRESETS.filter((x) => x.sweep)) {
      const sw = p.sweep!;
      expect(p.scenario.ui?.sweep, p.id).toEqual({ variable: sw.variable, values: sw.values, policies: sw.policies });
      expect(p.scenario.policy?.name, p.id).toBe(sw.policies[sw.policies.length - 1]);
      expect(p.compare, p.id).toEqual(sw.policies.slice(0, -1));
      for (const pt of sweepPlan(p.scenario, sw)) {
        const r = parseScenario(pt.scenario);
        expect(r.ok ? [] : r.issues, `${p.id} ${pt.policy} @ ${pt.value}`).toEqual([]);
      }
    }
  });

  it('docs/presets.md lists every preset', () => {
    const doc = readFileSync(new URL('../../docs/presets.md', import.meta.url), 'utf8');
    for (const p of PRESETS) expect(doc, p.id).toContain(`\`${p.id}\``);
  });

  it('presetById gives a copy, and undefined for an unknown id', () => {
    const a = preset('fig2-poisson');
    a.scenario.models[0].rate = 99;
    expect(preset('fig2-poisson').scenario.models[0].rate).toBe(1.5);
    expect(presetById('fig99')).toBeUndefined();
  });
});

describe('Fig. 1 toy: 2.5y vs 1.85y', () => {
  it('the pipeline gives exactly 1.85y; one model per GPU 2.5y plus the fixed 0.011 s (= 2.6y here)', () => {
    const p = preset('fig1-toy');
    const [pipe, simple] = variantMeans(p);
    const y = FIG1_Y;
    expect(pipe / y).toBeCloseTo(1.85, 6);
    expect(simple / y).toBeCloseTo(2.6, 6);
    expect((simple - FIXED_OVERHEAD) / y).toBeCloseTo(2.5, 6);
    // the finishing times: y, 2y, 3y, 4y (+ 0.011) and 1.1y, 1.6y, 2.1y, 2.6y
    expect(simulateScenario(p.variants![1].scenario).perModel.A.latencyP99! / y).toBeCloseTo(4.1, 6);
    expect(simulateScenario(p.variants![0].scenario).perModel.A.latencyP99! / y).toBeCloseTo(2.6, 6);
    expect(p.ours).toContain('1.85y');
    expect(p.ours).toContain('2.6y');
  });
});

describe('Fig. 2: two 6.7B-like models on two GPUs', () => {
  it('M/D/1 gives exactly 0.700 s and 0.550 s for D = 0.4 s, lambda = 3 req/s (1.5 per model)', () => {
    expect(wSimpleEqual(3, 0.4)).toBeCloseTo(0.7, 12);
    expect(wPipelineEqual(3, 0.4)).toBeCloseTo(0.55, 12);
    // the general forms agree: equal shares, an ideal 2-stage split
    expect(wSimple(3, 0.4, 0.5)).toBeCloseTo(0.7, 12);
    const { Ds, Dm } = pipelineTimes(0.4);
    expect(wPipeline(3, Ds, Dm)).toBeCloseTo(0.55, 12);
  });

  it('Poisson 1.5 req/s each: the pipeline is >= 1.2x faster, within 2 % of M/D/1 + 0.011 s', () => {
    const p = preset('fig2-poisson');
    const [pipe, simple] = variantMeans(p);
    expect(simple / pipe).toBeGreaterThanOrEqual(1.2);
    expect(Math.abs(simple / (0.7 + FIXED_OVERHEAD) - 1)).toBeLessThan(0.02);
    expect(Math.abs(pipe / (0.55 + FIXED_OVERHEAD) - 1)).toBeLessThan(0.02);
    expect(p.ours).toContain(`${simple.toFixed(3)} s -> ${pipe.toFixed(3)} s`);
    expect(p.ours).toContain(`${(simple / pipe).toFixed(2)}x`);
  });

  it('with the built-in bert-6.7b (uneven stages, communication) the gain is smaller but still there', () => {
    const p = preset('fig2-poisson');
    const [pipe, simple] = p.variants!.map((v) => {
      const s = structuredClone(v.scenario);
      for (const m of s.models) m.profile = 'bert-6.7b';
      delete s.profiles;
      return simulateScenario(s).latencyMean!;
    });
    expect(simple / pipe).toBeGreaterThan(1.15);
    expect(preset('fig2-poisson').ours).toContain(`${(simple / pipe).toFixed(2)}x`);
  });

  it('the gain grows with burstiness (CV 3, ~1.9x) and with a 20/80 split (several-fold)', () => {
    const poisson = variantMeans(preset('fig2-poisson'));
    const cv3p = preset('fig2-cv3');
    const skewp = preset('fig2-skew');
    const cv3 = variantMeans(cv3p);
    const skew = variantMeans(skewp);
    const g = (x: number[]) => x[1] / x[0];
    expect(g(cv3)).toBeGreaterThan(g(poisson));
    expect(g(cv3)).toBeGreaterThan(1.7);
    expect(g(skew)).toBeGreaterThan(g(cv3));
    expect(g(skew)).toBeGreaterThan(5);
    expect(cv3p.ours).toContain(`${g(cv3).toFixed(2)}x`);
    expect(skewp.ours).toContain(`${g(skew).toFixed(2)}x`);
  });
});

describe('Section 3.4: M/D/1', () => {
  it('alpha_max peaks at ~1.138 near r = 1.17; beta_max falls from sqrt 2 to 1; at those overheads the pipeline ties', () => {
    let best = { r: 0, a: 0 };
    for (let r = 0.01; r < 2; r += 0.01) if (alphaMax(r) > best.a) best = { r, a: alphaMax(r) };
    expect(best.a).toBeCloseTo(1.138, 3);
    expect(best.r).toBeCloseTo(1.17, 2);
    expect(betaMax(1e-9)).toBeCloseTo(Math.SQRT2, 6);
    expect(betaMax(2 - 1e-6)).toBeCloseTo(1, 4);
    for (const r of [0.3, 0.8, 1.2, 1.7]) {
      const D = 0.4;
      const lambda = r / D;
      const a = pipelineTimes(D, alphaMax(r));
      const b = pipelineTimes(D, 1, betaMax(r));
      expect(wPipeline(lambda, a.Ds, a.Dm)).toBeCloseTo(wSimple(lambda, D), 10);
      expect(wPipeline(lambda, b.Ds, b.Dm)).toBeCloseTo(wSimple(lambda, D), 10);
      for (let k = 1; k < 20; k++) {
        const beta = 1 + (k / 20) * (betaMax(r) - 1);
        const t = pipelineTimes(D, 1, beta);
        expect(wPipeline(lambda, t.Ds, t.Dm)).toBeLessThan(wSimple(lambda, D));
      }
    }
  });

  it('simulated points (Poisson, deterministic service) sit on the curves + 0.011 s: within 2 % up to u = 0.8', () => {
    const p = preset('md1-queueing');
    const pts = md1SimulatedPoints(MD1_UTILISATIONS);
    const cur = md1Curves(p.md1!.D, MD1_UTILISATIONS, { overhead: p.md1!.overhead });
    pts.forEach((pt, i) => {
      const tol = pt.utilisation <= 0.8 ? 0.02 : 0.1;
      expect(Math.abs(pt.simple / cur[i].wSimple - 1), `simple @ ${pt.utilisation}`).toBeLessThan(tol);
      expect(Math.abs(pt.pipeline / cur[i].wPipeline - 1), `pipeline @ ${pt.utilisation}`).toBeLessThan(tol);
      expect(pt.pipeline).toBeLessThan(pt.simple);
    });
    // the preset's own scenario is the u = 0.6 point (Fig. 2's setting)
    expect(simulateScenario(p.scenario).latencyMean).toBe(pts[5].pipeline);
  });
});

describe('Section 3.2 studies: replication (sr-greedy) vs an 8-stage pipeline (mp-greedy-8)', () => {
  const SR = 'sr-greedy';
  const MP = 'mp-greedy-8';

  it('memory: the pipeline wins big when memory is scarce; replication catches up when every GPU can hold every model', async () => {
    const p = preset('sec32-memory');
    const { points, a } = await sweepTable(p);
    expect(a(MP, 6) - a(SR, 6)).toBeGreaterThan(0.2);
    expect(a(SR, 41)).toBeGreaterThanOrEqual(a(MP, 41));
    const c = Object.fromEntries(crossings(points, 'memoryGB').map((x) => [x.policy, x.value]));
    expect(c).toEqual({ [SR]: 21, [MP]: 6 });
  });

  it('rate: the pipeline wins at low rates; near saturation replication catches up and wins', async () => {
    const p = preset('sec32-rate');
    const { a } = await sweepTable(p);
    for (const v of [0.5, 1, 2, 3]) expect(a(MP, v), `@${v}`).toBeGreaterThan(a(SR, v));
    for (const v of [5, 6]) expect(a(SR, v), `@${v}`).toBeGreaterThan(a(MP, v));
  });

  it('CV: the pipeline\'s advantage grows with burstiness', async () => {
    const p = preset('sec32-cv');
    const { a } = await sweepTable(p);
    const gap = (v: number) => a(MP, v) - a(SR, v);
    expect(gap(1)).toBeCloseTo(0, 2);
    expect(gap(3)).toBeGreaterThan(0.05);
    expect(gap(8)).toBeGreaterThan(gap(3));
  });

  it('SLO: the pipeline wins most at tight SLOs; with loose SLOs both serve everything', async () => {
    const p = preset('sec32-slo');
    const { a } = await sweepTable(p);
    for (const v of p.sweep!.values) expect(a(MP, v), `@${v}`).toBeGreaterThanOrEqual(a(SR, v));
    expect(a(MP, 2) - a(SR, 2)).toBeGreaterThan(0.2);
    expect(a(SR, 20)).toBeGreaterThanOrEqual(0.99);
    expect(a(MP, 20)).toBeGreaterThanOrEqual(0.99);
  });

  it('alpha: the pipeline wins at alpha 1, replication at 1.5; at a higher rate the crossing moves to a smaller alpha', async () => {
    const p = preset('sec32-alpha');
    const { a } = await sweepTable(p);
    const values = p.sweep!.values;
    for (let i = 1; i < values.length; i++) expect(a(MP, values[i])).toBeLessThan(a(MP, values[i - 1]));
    expect(a(MP, 1)).toBeGreaterThan(a(SR, 1));
    expect(a(SR, 1.5)).toBeGreaterThan(a(MP, 1.5));
    const crossing = (f: (policy: string, v: number) => number) => values.find((v) => f(SR, v) >= f(MP, v));
    expect(crossing(a)).toBe(1.5);
    const busier = await sweepTable(p, applySweepValue(p.scenario, 'rateScale', 4 / 3));
    expect(crossing(busier.a)).toBe(1.3);
  });
});

describe('end to end (S1-S4)', () => {
  it('SLO scale <= 1: SR and Clockwork++ serve nothing while AlpaServe (intra-op groups) does (S1, S2, S3)', () => {
    for (const [id, alpaserve, values] of [
      ['s1-slo', 'mp-search', [0.75, 1]],
      ['s2-slo', 'mp-search', [1]],
      ['s3-slo', 'alpaserve', [0.75]],
    ] as const) {
      const p = preset(id);
      for (const v of values) {
        expect(at(p, v, 'sr-greedy'), `${id} sr @ ${v}`).toBe(0);
        expect(at(p, v, 'clockwork++'), `${id} clockwork++ @ ${v}`).toBe(0);
        expect(at(p, v, alpaserve), `${id} ${alpaserve} @ ${v}`).toBeGreaterThan(0.3);
      }
    }
  });

  it('S1 over GPUs: AlpaServe >= Clockwork++ >= SR at every point, and needs 2x / 2.5x fewer GPUs for 99 %', async () => {
    const p = preset('s1-devices');
    const { points, a } = await sweepTable(p);
    for (const v of p.sweep!.values) {
      expect(a('mp-search', v), `@${v}`).toBeGreaterThanOrEqual(a('clockwork++', v));
      expect(a('clockwork++', v), `@${v}`).toBeGreaterThanOrEqual(a('sr-greedy', v));
    }
    const c = Object.fromEntries(crossings(points, 'devices').map((x) => [x.policy, x.value]));
    expect(c).toEqual({ 'sr-greedy': 20, 'clockwork++': 16, 'mp-search': 8 });
  });

  it('at the base point of S2 and S3: AlpaServe >= Clockwork++ >= SR', () => {
    for (const [id, alpaserve] of [
      ['s2-devices', 'mp-search'],
      ['s3-devices', 'alpaserve'],
    ] as const) {
      const p = preset(id);
      const d = p.scenario.cluster.devices;
      const [sr, cw, ap] = ['sr-greedy', 'clockwork++', alpaserve].map((pol) => at(p, d, pol));
      expect(ap, id).toBeGreaterThanOrEqual(cw);
      expect(cw, id).toBeGreaterThanOrEqual(sr);
      expect(ap, id).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('S4: at low rate AlpaServe beats every fixed split with two shared (op 4, pp 8) groups; at 8 req/s it matches the best split it can express', () => {
    const p = preset('s4-rate');
    const equal = ['mp-equal-16-1', 'mp-equal-8-2', 'mp-equal-4-4', 'mp-equal-2-8'];
    const low = planScenario(sweepPointScenario(p.scenario, 'rateScale', 0.0625, 'mp-search'));
    for (const e of equal) expect(low.attainment, e).toBeGreaterThan(at(p, 0.0625, e));
    expect(low.search?.chosen).toBe('2x(1,4,8)');
    const full = at(p, 1, 'mp-search');
    for (const e of ['mp-equal-8-2', 'mp-equal-4-4', 'mp-equal-2-8']) expect(full, e).toBeGreaterThanOrEqual(at(p, 1, e));
  });
});

describe('ablation', () => {
  it('round robin <= greedy <= greedy + group sizes <= + group partitioning at the base point; round robin never reaches 99 %', () => {
    const p = preset('ablation-rate');
    const [rr, greedy, search, sep] = p.sweep!.policies.map((pol) => at(p, 1, pol));
    expect(rr).toBeLessThan(greedy);
    expect(greedy).toBeLessThan(search);
    expect(search).toBeLessThanOrEqual(sep);
    for (const v of p.sweep!.values) expect(at(p, v, 'mp-round-robin'), `@${v}`).toBeLessThan(0.99);
  });
});
