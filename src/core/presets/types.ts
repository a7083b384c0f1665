/**
 * Presets: the paper's experiments as ready-made scenarios (issue 6). Each
 * says what it shows, which published number or claim it reproduces, and
 * carries everything needed to run it: a scenario, and where the experiment
 * is a comparison, the placements or policies to show side by side, or the
 * sweep to run. Plain data (JSON-serialisable), so a preset can travel in a
 * link like any scenario (its sweep is also in `scenario.ui.sweep`).
 */
import type { Scenario } from '../scenario/types';
import type { SweepVariable } from '../sweep/variables';

export interface PresetSweep {
  variable: SweepVariable;
  values: number[];
  policies: string[];
}

/** One scenario of a side-by-side comparison of given placements (e.g. one model per GPU vs a pipeline). */
export interface PresetVariant {
  label: string;
  scenario: Scenario;
}

/** The M/D/1 figure (section 3.4): curves of `md1Curves(D, utilisations)` with simulated points on top. */
export interface PresetMd1 {
  /** service time of one model on one GPU, seconds (after the simulator's per-stage penalty) */
  D: number;
  utilisations: number[];
  /** the simulator's fixed overhead added to every request (0.011 s): the simulated points sit this much above the formulas */
  overhead: number;
}

export interface Preset {
  id: string;
  title: string;
  /** a short explanation for the page: what it shows, what to look for */
  text: string;
  /** the published number or claim */
  reproduces: string;
  /** what this planner gives for it (the figures tests/unit/presets.test.ts computes), to show next to `reproduces` */
  ours: string;
  /** the scenario the page loads (for sweeps: the base of the sweep, with the sweep in `ui.sweep`) */
  scenario: Scenario;
  /** sweep presets: the variable, its values and the policies */
  sweep?: PresetSweep;
  /** policies to show side by side with the scenario's own placement or policy */
  compare?: string[];
  /** given placements to show side by side; the first one is `scenario` itself */
  variants?: PresetVariant[];
  /** the M/D/1 preset only */
  md1?: PresetMd1;
}
