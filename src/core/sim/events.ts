/**
 * Per-request events of a time window, for a timeline view: which group served
 * each request and when each of its stages ran. The run before the window goes
 * through the plain kernel; inside the window requests are served one at a
 * time so every accepted request's stage times can be read off the clocks.
 * At most `maxEvents` events are recorded (the first ones of the window).
 */
import { runKernel } from './kernel';
import { lowerBound } from '../numeric/lowerBound';
import type { Simulation } from './simulation';

export interface RequestEvent {
  index: number;
  arrival: number;
  model: number;
  segment: number;
  /** group index inside its segment's placement; -1 for a model without a replica */
  group: number;
  good: boolean;
  finish: number;
  /** [start, end] of each stage (accepted requests only) */
  stages: [number, number][];
}

export interface EventWindow {
  from: number;
  to: number;
  /** requests arriving in [from, to) */
  total: number;
  events: RequestEvent[];
  truncated: boolean;
}

export function recordWindow(sim: Simulation, from: number, to: number, maxEvents = 5000): EventWindow {
  if (sim.input.batching) throw new Error('event windows are not available for the batching simulator');
  const { time, model } = sim.input.arrivals;
  const first = lowerBound(time, from);
  const last = lowerBound(time, to);
  if (sim.next > first) throw new Error('the simulation is already past the window start; record on a fresh run');
  sim.advanceTo(first);
  const dispatched = new Int32Array(1);
  const events: RequestEvent[] = [];
  const stop = Math.min(last, first + maxEvents);
  for (let i = first; i < stop; i++) {
    const seg = sim.segmentOf(i);
    const p = sim.input.placements[seg];
    const st = sim.states[seg];
    runKernel(p, st, sim.input.slo, time, model, sim.finish, sim.good, i, i + 1, dispatched, i);
    sim.next = i + 1;
    const g = dispatched[0];
    const stages: [number, number][] = [];
    if (sim.good[i] && g >= 0) {
      const r = replicaOf(p, model[i], g);
      for (let k = p.stageStart[g]; k < p.stageStart[g + 1]; k++) {
        const end = st.clock[k];
        stages.push([end - p.latency[p.replicaLatency[r] + (k - p.stageStart[g])], end]);
      }
    }
    events.push({ index: i, arrival: time[i], model: model[i], segment: seg, group: g, good: sim.good[i] === 1, finish: sim.finish[i], stages });
  }
  return { from, to, total: last - first, events, truncated: last - first > events.length };
}

function replicaOf(p: Simulation['input']['placements'][number], m: number, g: number): number {
  for (let r = p.replicaStart[m]; r < p.replicaStart[m + 1]; r++) if (p.replicaGroup[r] === g) return r;
  return -1;
}
