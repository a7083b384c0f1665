/**
 * The guided walkthrough of the multiplexing trade-off: each step loads a
 * scenario (from the paper's presets), points at the controls to touch, asks
 * for a prediction, and only then shows the result with what to look for.
 */
import { presetById } from '../../core/presets';
import type { Scenario } from '../../core/scenario/types';

export interface TeachingStep {
  title: string;
  /** the preset whose scenario the step loads */
  preset: string;
  /** policies run next to the scenario's own placement */
  compare: string[];
  /** the panels to highlight (their data-panel ids) */
  highlight: string[];
  /** what the step sets up, and what to touch */
  setup: string;
  question: string;
  options: string[];
  /** index of the right option */
  answer: number;
  /** shown after the reveal: what to look for in the results */
  look: string;
}

export const TEACHING_STEPS: TeachingStep[] = [
  {
    title: 'Two models, two GPUs',
    preset: 'fig2-poisson',
    compare: ['sr-greedy'],
    highlight: ['placement', 'summary'],
    setup:
      'Two large models (about 0.4 s each, 13.4 GB) share two GPUs with 14 GB each. "Your placement" splits both models into a 2-stage pipeline over both GPUs; selective replication (sr-greedy) can only put one model on each GPU. Traffic: Poisson, 1.5 requests per second per model.',
    question: 'Which placement gives the lower mean latency?',
    options: ['one model per GPU', 'the 2-stage pipeline over both GPUs', 'the same'],
    answer: 1,
    look: 'The pipeline serves a request of either model with both GPUs: while one model is idle, its GPU works for the other. Mean latency drops from about 0.70 s to 0.55 s (the paper\'s Fig. 2). Compare the latency CDFs.',
  },
  {
    title: 'Bursty traffic',
    preset: 'fig2-cv3',
    compare: ['sr-greedy'],
    highlight: ['models', 'cdf'],
    setup: 'The same two models and GPUs, but the arrivals come in bursts (coefficient of variation 3 instead of 1). The cv column of the models table sets it.',
    question: 'Does the pipeline\'s advantage over one model per GPU grow or shrink with bursts?',
    options: ['it grows', 'it shrinks', 'it stays the same'],
    answer: 0,
    look: 'A burst of one model meets both GPUs in the pipeline instead of one queue: the gap in mean latency grows to about 1.9x. Look at the timeline: bursts spread over both stages.',
  },
  {
    title: 'Skewed traffic',
    preset: 'fig2-skew',
    compare: ['sr-greedy'],
    highlight: ['models', 'utilisation'],
    setup: 'Now one model gets 80 % of the traffic and the other 20 %. With one model per GPU, one GPU is busy and the other mostly idle.',
    question: 'How much lower is the pipeline\'s mean latency now?',
    options: ['about the same as before (1.3x)', 'a lot lower (several times)', 'higher: the busy model suffers'],
    answer: 1,
    look: 'Group utilisation shows it: one model per GPU leaves a GPU idle while the busy model queues; the pipeline shares both. The paper reports about 6.6x.',
  },
  {
    title: 'The cost of splitting a model',
    preset: 'sec32-alpha',
    compare: ['sr-greedy'],
    highlight: ['sweep'],
    setup: 'Pipelines are not free: stages are uneven and communicate. The pipeline overhead alpha makes a pipelined model take alpha x its single-GPU latency. Run the sweep below the views (8 GPUs, 8 models, CV 3).',
    question: 'At alpha = 1.5, which wins: replication or the 8-stage pipeline?',
    options: ['the pipeline, always', 'replication', 'they tie'],
    answer: 1,
    look: 'Multiplexing only pays while the overhead is small: somewhere between alpha 1.0 and 1.5 the lines cross. That is why AlpaServe searches over parallel configurations instead of always pipelining.',
  },
  {
    title: 'Tight latency targets',
    preset: 's1-slo',
    compare: ['sr-greedy', 'clockwork++'],
    highlight: ['sweep', 'summary'],
    setup: 'Many small models on a few GPUs. The SLO scale says how many single-GPU latencies a request may take. Run the sweep over the SLO scale.',
    question: 'With an SLO of 1x the single-GPU latency, what share of requests does selective replication serve in time?',
    options: ['most of them', 'about half', 'none'],
    answer: 2,
    look: 'With SLO scale 1 a replica has no slack for any queueing plus the fixed overhead, so replication serves nothing in time; AlpaServe\'s intra-op parallelism cuts the latency itself and still serves a good share.',
  },
  {
    title: 'How many GPUs do I need?',
    preset: 's1-devices',
    compare: ['sr-greedy', 'clockwork++'],
    highlight: ['sweep'],
    setup: 'Capacity planning: run the sweep over the number of GPUs and read where each policy reaches 99 % SLO attainment.',
    question: 'Compared with selective replication, how many GPUs does AlpaServe need for 99 %?',
    options: ['more', 'about the same', 'fewer (about half)'],
    answer: 2,
    look: 'The sentences under the sweep chart give the ratio: the paper reports up to 2.3x fewer devices for the same SLO attainment.',
  },
];

/** The scenario a step loads (the preset's, or nothing when the preset is missing). */
export function stepScenario(step: TeachingStep): Scenario | null {
  return presetById(step.preset)?.scenario ?? null;
}
