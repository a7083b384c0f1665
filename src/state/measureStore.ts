/**
 * State of the "Measure my GPU" panel (zustand): the settings, the backend the
 * worker found, the running measurement's progress, and the measured profiles
 * (kept in localStorage by measurePersist.ts). The worker calls live in
 * measureRunner.ts.
 */
import { create } from 'zustand';
import type { BackendInfo } from '../gpu/backend';
import { MODEL_PRESETS, SHORT_SEQUENCE, TINY_CONFIG, type BertConfig } from '../gpu/bertConfig';
import type { MeasureProgress } from '../gpu/measure';
import type { MeasuredModel, MeasurementSettings } from '../gpu/profile';
import { DEFAULT_WARMUP_RUNS, MIN_TIMED_RUNS } from '../gpu/timing';
import type { BackendChoice } from '../workers/measureApi';
import { loadMeasuredProfiles, saveMeasuredProfiles, type MeasuredProfiles } from './measurePersist';
import type { Profile } from '../core/profiles/types';

export type MeasureStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** The custom model's editable sizes (the rest follows BERT: ffn = 4 hidden). */
export interface CustomSizes {
  hidden: number;
  heads: number;
  layers: number;
  sequence: number;
}

export interface MeasureSettingsState {
  choice: BackendChoice;
  /** a preset id, or "custom" */
  presetId: string;
  shortSequence: boolean;
  custom: CustomSizes;
  warmup: number;
  runs: number;
  seed: number;
}

export interface MeasureState extends MeasureSettingsState {
  backend: BackendInfo | null;
  backendError: string | null;
  detecting: boolean;
  status: MeasureStatus;
  progress: MeasureProgress | null;
  /** sessions finished in the running measurement: key and median seconds (for the time left) */
  finished: { key: string; label: string; median: number; iqr: number }[];
  startedAt: number | null;
  error: string | null;
  /** measured profiles by id, newest last */
  results: MeasuredProfiles;
  /** the result shown */
  shown: string | null;
  /** a save to localStorage failed */
  storageFailed: boolean;
  setSettings: (patch: Partial<MeasureSettingsState>) => void;
  patch: (patch: Partial<MeasureState>) => void;
  addResult: (id: string, profile: Profile) => void;
  removeResult: (id: string) => void;
}

export const DEFAULT_CUSTOM: CustomSizes = { hidden: TINY_CONFIG.hidden, heads: TINY_CONFIG.heads, layers: TINY_CONFIG.layers, sequence: TINY_CONFIG.sequence };

export const DEFAULT_SETTINGS: MeasureSettingsState = {
  choice: 'auto',
  presetId: MODEL_PRESETS[0].id,
  shortSequence: true,
  custom: DEFAULT_CUSTOM,
  warmup: DEFAULT_WARMUP_RUNS,
  runs: MIN_TIMED_RUNS,
  seed: 1,
};

/** The model the settings describe. */
export function modelFromSettings(s: Pick<MeasureSettingsState, 'presetId' | 'shortSequence' | 'custom'>): MeasuredModel {
  const preset = MODEL_PRESETS.find((p) => p.id === s.presetId);
  if (preset) {
    const config: BertConfig = { ...preset.config, sequence: s.shortSequence ? SHORT_SEQUENCE : preset.config.sequence };
    return { id: preset.id, name: `${preset.name}${s.shortSequence ? `, sequence ${SHORT_SEQUENCE}` : ''}`, builtin: preset.builtin, config };
  }
  const c = s.custom;
  const config: BertConfig = { ...TINY_CONFIG, hidden: c.hidden, heads: c.heads, layers: c.layers, sequence: c.sequence, ffn: 4 * c.hidden };
  return { id: 'custom', name: `custom BERT (hidden ${c.hidden}, ${c.layers} layers)`, builtin: null, config };
}

export function settingsOf(s: MeasureSettingsState): MeasurementSettings {
  return { warmup: s.warmup, runs: s.runs, seed: s.seed };
}

export const useMeasure = create<MeasureState>()((set, get) => {
  const results = loadMeasuredProfiles();
  const ids = Object.keys(results);
  return {
    ...DEFAULT_SETTINGS,
    backend: null,
    backendError: null,
    detecting: false,
    status: 'idle',
    progress: null,
    finished: [],
    startedAt: null,
    error: null,
    results,
    shown: ids.length > 0 ? ids[ids.length - 1] : null,
    storageFailed: false,
    setSettings: (patch) => set(patch),
    patch: (patch) => set(patch),
    addResult: (id, profile) => {
      const next = { ...get().results };
      delete next[id]; // re-measured: moves to the end
      next[id] = profile;
      set({ results: next, shown: id, storageFailed: !saveMeasuredProfiles(next) });
    },
    removeResult: (id) => {
      const next = { ...get().results };
      delete next[id];
      const rest = Object.keys(next);
      set({ results: next, shown: get().shown === id ? (rest.at(-1) ?? null) : get().shown, storageFailed: !saveMeasuredProfiles(next) });
    },
  };
});
