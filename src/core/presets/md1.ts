/**
 * The paper's queueing check (section 3.4; reference doc section 6): two
 * models on two GPUs as M/D/1 queues. Poisson arrivals at a total rate
 * lambda, deterministic service D (one model's single-GPU latency).
 *
 * * Simple placement (one model per GPU, rate shares p and 1 - p): two
 *   separate M/D/1 queues,
 *   W_simple = D + p^2 lambda D^2 / (2 (1 - p lambda D)) + (1 - p)^2 lambda D^2 / (2 (1 - (1 - p) lambda D)).
 * * A 2-stage pipeline holding both models: one queue whose service rate is
 *   set by the largest stage D_m, while a request takes D_s end to end,
 *   W_pipeline = D_s + lambda D_m^2 / (2 (1 - lambda D_m)).
 *   Communication overhead alpha: D_s = 2 D_m = alpha D; uneven stages beta:
 *   D_s = D, D_m = beta D / 2.
 * * With r = lambda D, the largest overheads for which the pipeline still
 *   wins (equal rates, p = 1/2): alpha_max(r) and beta_max(r).
 *
 * Pure functions of numbers; the mean sojourn times are in the unit of D.
 * A load the queue cannot carry gives Infinity.
 */

/** M/D/1 mean sojourn time (waiting + service): D + lambda D^2 / (2 (1 - lambda D)). */
export function md1Wait(lambda: number, D: number): number {
  const rho = lambda * D;
  if (rho >= 1) return Infinity;
  return D + (lambda * D * D) / (2 * (1 - rho));
}

/** The waiting part of one of the simple placement's queues, weighted by its share of the requests. */
function weightedQueue(share: number, lambda: number, D: number): number {
  if (share === 0) return 0;
  const rho = share * lambda * D;
  if (rho >= 1) return Infinity;
  return (share * share * lambda * D * D) / (2 * (1 - rho));
}

/** Mean latency of the simple placement: one model per GPU, the first with a share p of the total rate lambda. */
export function wSimple(lambda: number, D: number, p = 0.5): number {
  return D + weightedQueue(p, lambda, D) + weightedQueue(1 - p, lambda, D);
}

/** Mean latency of one pipeline serving both models: single-input latency Ds, largest stage Dm. */
export function wPipeline(lambda: number, Ds: number, Dm: number): number {
  const rho = lambda * Dm;
  if (rho >= 1) return Infinity;
  return Ds + (lambda * Dm * Dm) / (2 * (1 - rho));
}

/** The pipeline's Ds and Dm for a single-GPU latency D, a communication overhead alpha and stage unevenness beta (both 1 = ideal 2-stage split). */
export function pipelineTimes(D: number, alpha = 1, beta = 1): { Ds: number; Dm: number } {
  return { Ds: alpha * D, Dm: (alpha * beta * D) / 2 };
}

/** The paper's equal-rate forms for Fig. 2: D + lambda D^2 / (4 - 2 lambda D) and D + lambda D^2 / (8 - 4 lambda D). */
export function wSimpleEqual(lambda: number, D: number): number {
  const den = 4 - 2 * lambda * D;
  return den <= 0 ? Infinity : D + (lambda * D * D) / den;
}

export function wPipelineEqual(lambda: number, D: number): number {
  const den = 8 - 4 * lambda * D;
  return den <= 0 ? Infinity : D + (lambda * D * D) / den;
}

/**
 * The largest communication overhead alpha (D_s = 2 D_m = alpha D) for which
 * the pipeline's mean latency is at most the simple placement's, at load
 * r = lambda D (0 < r < 2; equal rates). Peaks at about 1.138 near r = 1.17.
 */
export function alphaMax(r: number): number {
  return (-8 + r * r + Math.sqrt(64 - 96 * r + 56 * r * r - 12 * r ** 3 + r ** 4)) / (3 * (r * r - 2 * r));
}

/** The largest stage unevenness beta (D_s = D, D_m = beta D / 2) for which the pipeline still wins; falls from sqrt 2 at r = 0 to 1 at r = 2. */
export function betaMax(r: number): number {
  return (Math.sqrt(r * r - 4 * r + 8) - r) / (2 - r);
}

export interface Md1Point {
  /** per-GPU utilisation of the simple placement: lambda D / 2 */
  utilisation: number;
  /** total rate lambda (requests per second) */
  lambda: number;
  wSimple: number;
  wPipeline: number;
}

/**
 * W_simple and W_pipeline against utilisation u = lambda D / 2 (the load of
 * each GPU under the simple placement), for the given u values. `overhead`
 * is added to both (0.011 s puts the curves on the simulator's points).
 */
export function md1Curves(
  D: number,
  utilisations: readonly number[],
  opts: { alpha?: number; beta?: number; p?: number; overhead?: number } = {},
): Md1Point[] {
  const { Ds, Dm } = pipelineTimes(D, opts.alpha ?? 1, opts.beta ?? 1);
  const o = opts.overhead ?? 0;
  return utilisations.map((u) => {
    const lambda = (2 * u) / D;
    return { utilisation: u, lambda, wSimple: wSimple(lambda, D, opts.p ?? 0.5) + o, wPipeline: wPipeline(lambda, Ds, Dm) + o };
  });
}
