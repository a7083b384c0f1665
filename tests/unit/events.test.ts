/** Steppable runs and per-request event windows (for the timeline view). */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { parseScenarioOrThrow } from '../../src/core/scenario/parse';
import { recordWindow } from '../../src/core/sim/events';
import { prepareRun } from '../../src/core/sim/simulate';
import { lowerBound } from '../../src/core/numeric/lowerBound';
import { Simulation } from '../../src/core/sim/simulation';

describe('event windows', () => {
  const s = parseScenarioOrThrow(defaultScenario());
  const whole = new Simulation(prepareRun(s).input);
  whole.runToEnd();

  it('records the requests of a window with the same outcomes as a plain run', () => {
    const run = prepareRun(s);
    const sim = new Simulation(run.input);
    const w = recordWindow(sim, 100, 130, 10_000);
    const { time } = run.arrivals;
    expect(w.total).toBe(lowerBound(time, 130) - lowerBound(time, 100));
    expect(w.truncated).toBe(false);
    expect(w.events.length).toBe(w.total);
    for (const e of w.events) {
      expect(e.arrival).toBeGreaterThanOrEqual(100);
      expect(e.arrival).toBeLessThan(130);
      expect(e.finish).toBe(whole.finish[e.index]);
      expect(e.good).toBe(whole.good[e.index] === 1);
      if (e.good) {
        expect(e.stages).toHaveLength(4);
        expect(e.stages[0][0]).toBeGreaterThanOrEqual(e.arrival);
        for (let k = 1; k < 4; k++) expect(e.stages[k][0]).toBeGreaterThanOrEqual(e.stages[k - 1][1] - 1e-12);
        expect(e.finish).toBeCloseTo(e.stages[3][1] + 0.011, 12);
      } else {
        expect(e.stages).toEqual([]);
      }
    }
    // and the run continues exactly as a plain one
    sim.runToEnd();
    expect(Array.from(sim.finish)).toEqual(Array.from(whole.finish));
  });

  it('is bounded: at most maxEvents events, flagged as truncated', () => {
    const sim = new Simulation(prepareRun(s).input);
    const w = recordWindow(sim, 0, 600, 50);
    expect(w.events).toHaveLength(50);
    expect(w.truncated).toBe(true);
    expect(w.total).toBeGreaterThan(50);
  });

  it('refuses a window the run has already passed', () => {
    const sim = new Simulation(prepareRun(s).input);
    sim.runUntil(300);
    expect(() => recordWindow(sim, 100, 200)).toThrow(/already past the window start/);
  });
});
