/** Page state: the scenario being looked at and what the worker returned for it. */
import { create } from 'zustand';
import type { RunOutcome } from '../core/run';
import { defaultScenario } from '../core/scenario/defaults';
import type { Scenario } from '../core/scenario/types';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export interface PlannerState {
  scenario: Scenario;
  status: RunStatus;
  outcome: RunOutcome | null;
  setScenario: (s: Scenario) => void;
  setOutcome: (o: RunOutcome) => void;
  setStatus: (s: RunStatus) => void;
}

export const usePlanner = create<PlannerState>()((set) => ({
  scenario: defaultScenario(),
  status: 'idle',
  outcome: null,
  setScenario: (scenario) => set({ scenario }),
  setOutcome: (outcome) => set({ outcome, status: outcome.ok ? 'done' : 'error' }),
  setStatus: (status) => set({ status }),
}));
