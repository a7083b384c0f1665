/**
 * Section 3.2: when does model parallelism pay? 8 GPUs, 8 BERT-2.7B models
 * (bert-2.6b: 5.03 GB, 0.238 s), Gamma traffic with CV 3. Replication is
 * Selective Replication (sr-greedy: every GPU a (1,1,1) group, filled with
 * replicas of the most unserved models until memory is full); model
 * parallelism is one 8-stage pipeline over all 8 GPUs holding every model
 * (mp-greedy-8). Each study sweeps one variable.
 */
import type { Scenario } from '../scenario/types';
import { equalModels, sweepPreset } from './build';
import type { Preset } from './types';

export const STUDY_POLICIES = ['sr-greedy', 'mp-greedy-8'];

/** The studies' base: 8 GPUs of 13 GB, 8 x bert-2.6b at `rate` req/s each, CV `cv`, SLO 5x, 600 s (shorter than the paper's runs, for the page). */
export function studyBase(rate = 1.5, cv = 3): Scenario {
  return {
    version: 1,
    cluster: { devices: 8, memoryGB: 13 },
    models: equalModels('bert-2.6b', 8, rate, cv, 5),
    workload: { kind: 'gamma', duration: 600, seed: 0 },
    policy: { name: 'mp-greedy-8' },
  };
}

const SETTING =
  '8 GPUs, 8 BERT-2.7B models (5.03 GB, 0.238 s on one GPU), Gamma arrivals; replication = Selective Replication (sr-greedy) ' +
  'on 13 GB GPUs (2 replicas per GPU), model parallelism = one 8-stage pipeline holding all 8 models (mp-greedy-8). 600 s of traffic.';

export const STUDY_PRESETS: Preset[] = [
  sweepPreset({
    id: 'sec32-memory',
    title: 'Section 3.2: memory budget',
    text:
      `${SETTING} 1.5 req/s per model, CV 3, SLO 5x. The memory per GPU grows from room for 1 replica (6 GB) to room for all 8 ` +
      '(41 GB). With little memory each model has one or two replicas and bursts queue on them; the pipeline needs only 5.03 GB ' +
      'per GPU for all models and multiplexes every burst over 8 GPUs. As memory grows replication places more replicas and ' +
      'catches up: the pipeline\'s advantage is largest when memory is scarce.',
    reproduces: 'model parallelism helps most when memory per GPU is small; with enough memory replication catches up',
    ours: 'sr-greedy reaches 99 % at 21 GB per GPU (0.733 at 6 GB), the pipeline at 6 GB (0.999 throughout): 3.5x less memory; at 41 GB replication 1.000 vs 0.999',
    base: studyBase(),
    sweep: { variable: 'memoryGB', values: [6, 11, 16, 21, 26, 31, 36, 41], policies: STUDY_POLICIES },
  }),
  sweepPreset({
    id: 'sec32-rate',
    title: 'Section 3.2: arrival rate',
    text:
      `${SETTING} CV 3, SLO 5x; the rate per model is 1.5 req/s x the value (0.75 to 9 req/s). At low rates the pipeline ` +
      'absorbs bursts; near saturation the cluster is busy anyway, there is little to multiplex, and the pipeline\'s overhead ' +
      '(uneven stages, communication) costs throughput: replication catches up and wins.',
    reproduces: 'model parallelism helps at low rates; near saturation replication catches up or wins',
    ours: 'the pipeline leads up to 4x the rate (0.963 vs 0.812 at 2x); at 5x and 6x (60 and 72 req/s, beyond the cluster\'s ~33) replication wins: 0.504 vs 0.496, 0.438 vs 0.412',
    base: studyBase(),
    sweep: { variable: 'rateScale', values: [0.5, 1, 2, 3, 4, 5, 6], policies: STUDY_POLICIES },
  }),
  sweepPreset({
    id: 'sec32-cv',
    title: 'Section 3.2: burstiness (CV)',
    text:
      `${SETTING} 1.5 req/s per model, SLO 5x; the CV of every model's arrivals is the value (the base scenario has CV 1, ` +
      'so the scale is the CV itself). The burstier the traffic, the more one model\'s burst needs more than its own replicas, ' +
      'and the larger the pipeline\'s advantage.',
    reproduces: 'model parallelism\'s advantage grows with the CV',
    ours: 'equal at CV 1 (1.000); CV 3: 0.999 vs 0.918; CV 8: 0.806 vs 0.423; 99 % up to CV 4 (pipeline) vs CV 1 (replication)',
    base: studyBase(1.5, 1),
    sweep: { variable: 'cvScale', values: [1, 2, 3, 4, 5, 6, 8], policies: STUDY_POLICIES },
  }),
  sweepPreset({
    id: 'sec32-slo',
    title: 'Section 3.2: SLO',
    text:
      `${SETTING} 1.5 req/s per model, CV 3; the SLO of every model is the value x its single-GPU latency. Tight SLOs leave no ` +
      'time to queue behind a burst, so spreading bursts over 8 GPUs matters most; with loose SLOs both placements serve ' +
      'almost everything.',
    reproduces: 'model parallelism helps most when the SLO is tight; with loose SLOs replication catches up',
    ours: 'SLO 1.5x: 0.742 vs 0.530, 2x: 0.908 vs 0.633; 99 % at SLO 4x (pipeline) vs 20x (replication): 5x tighter; both 1.000 at 20x',
    base: studyBase(),
    sweep: { variable: 'sloScale', values: [1.5, 2, 3, 4, 5, 7.5, 10, 20], policies: STUDY_POLICIES },
  }),
  sweepPreset({
    id: 'sec32-alpha',
    title: 'Section 3.2: pipeline overhead alpha',
    text:
      `${SETTING} 3 req/s per model (a loaded cluster), CV 3, SLO 5x. Every pipelined configuration takes alpha x the ` +
      'single-GPU latency (stages keeping their proportions); replication does not pipeline, so its line is flat. ' +
      'At alpha 1 the pipeline wins clearly; as alpha grows its latency and its stage times grow, and at alpha 1.5 ' +
      'replication wins. Raise the rate (rate scale) and the crossing moves to a smaller alpha.',
    reproduces: 'the pipeline overhead alpha (1.0 to 1.5) decides where replication catches up or wins',
    ours: 'the pipeline falls from 0.971 at alpha 1 to 0.795 at 1.5, replication stays at 0.812: replication wins at alpha 1.5; at 4 req/s per model it wins from alpha 1.3',
    base: studyBase(3),
    sweep: { variable: 'alpha', values: [1, 1.1, 1.2, 1.3, 1.4, 1.5], policies: STUDY_POLICIES },
  }),
];
