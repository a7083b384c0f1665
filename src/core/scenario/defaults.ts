/**
 * The built-in default scenario: the paper's motivating case in miniature.
 * Four BERT-6.7B models (12.48 GB each) on four 13 GB GPUs: one model per GPU
 * cannot absorb a burst of one model, a 4-stage pipeline holding all four can
 * (statistical multiplexing). Bursty Gamma traffic, cv 3, SLO 5x.
 */
import type { Scenario } from './types';

export function defaultScenario(): Scenario {
  const models = ['bert-a', 'bert-b', 'bert-c', 'bert-d'];
  return {
    version: 1,
    name: 'Four BERT-6.7B on four GPUs: one 4-stage pipeline',
    cluster: { devices: 4, memoryGB: 13, devicesPerNode: 8 },
    models: models.map((name) => ({ name, profile: 'bert-6.7b', rate: 1.5, cv: 3, sloScale: 5 })),
    workload: { kind: 'gamma', duration: 600, seed: 0 },
    placement: { groups: [{ dp: 1, op: 1, pp: 4, models }] },
    simulation: { warmup: 10 },
  };
}

/** The same cluster and traffic, one model per GPU: the replication baseline. */
export function defaultReplicationScenario(): Scenario {
  const s = defaultScenario();
  s.name = 'Four BERT-6.7B on four GPUs: one model per GPU';
  s.placement = { groups: s.models.map((m) => ({ dp: 1, op: 1, pp: 1, models: [m.name] })) };
  return s;
}
