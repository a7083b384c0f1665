/**
 * One whole measurement: plan for the backend, run every session, assemble
 * the profile. Runs wherever onnxruntime-web does (the page's measure worker;
 * Node in the tests); never touches the DOM.
 */
import type { BackendInfo } from './backend';
import { precisionFor } from './backend';
import { configProblems } from './bertConfig';
import { runMeasurement, type MeasureHooks, type OrtModule, type SessionMeasurement } from './measure';
import { backendLimits, planMeasurement, type MeasurementPlan } from './plan';
import { assembleProfile, measuredProfileId, type MeasuredModel, type MeasurementSettings } from './profile';
import { checkTimingOptions } from './timing';
import type { Profile } from '../core/profiles/types';

export interface MeasureModelRequest {
  model: MeasuredModel;
  settings: MeasurementSettings;
}

export interface MeasureOutcome {
  id: string;
  profile: Profile;
  plan: MeasurementPlan;
  sessions: SessionMeasurement[];
}

export function planFor(model: MeasuredModel, backend: BackendInfo): MeasurementPlan {
  const problems = configProblems(model.config);
  if (problems.length > 0) throw new Error(`invalid model settings: ${problems.join('; ')}`);
  return planMeasurement(model.config, precisionFor(backend.kind, backend.adapter), backendLimits(backend.kind, backend.adapter));
}

export async function measureModel(ort: OrtModule, backend: BackendInfo, req: MeasureModelRequest, hooks: MeasureHooks = {}, date = new Date()): Promise<MeasureOutcome> {
  checkTimingOptions(req.settings);
  const plan = planFor(req.model, backend);
  const sessions = await runMeasurement(ort, { config: req.model.config, plan, backend: backend.kind, warmup: req.settings.warmup, runs: req.settings.runs, seed: req.settings.seed }, hooks);
  const profile = assembleProfile({
    model: req.model,
    plan,
    sessions,
    backend,
    settings: req.settings,
    date: date.toISOString(),
    runtime: ort.env.versions?.web ?? 'unknown',
  });
  return { id: measuredProfileId(req.model, backend), profile, plan, sessions };
}
