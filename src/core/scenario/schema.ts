/**
 * The zod schema of scenario v1: shapes, types and ranges of single fields.
 * Rules that relate several fields live in crossChecks.ts. Messages are short
 * and say what is expected; the JSON path is added by the formatter (errors.ts).
 */
import { z } from 'zod';

const finite = (what = 'a number') => z.number({ error: `must be ${what}` });
const positive = () => finite().gt(0, { error: 'must be > 0' });
const nonNegative = () => finite().gte(0, { error: 'must be >= 0' });
const positiveInt = () =>
  finite('an integer')
    .int({ error: 'must be an integer' })
    .gte(1, { error: 'must be >= 1' });
/**
 * A free-form object, passed through as it is: z.record would rebuild it and
 * silently drop an own "__proto__" key (which JSON.parse does create), so the
 * round trip would lose data.
 */
const freeForm = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'must be an object' });

export const profileConfigSchema = z.strictObject(
  {
    dp: positiveInt(),
    op: positiveInt(),
    pp: positiveInt(),
    latency: z.record(
      z.string().regex(/^[1-9][0-9]*$/, { error: 'batch size keys must be positive integers ("1", "2", ...)' }),
      z.array(nonNegative(), { error: 'must be a list of seconds per stage' }),
      { error: 'must be an object: batch size -> seconds per stage' },
    ),
    weightGB: z.array(nonNegative(), { error: 'must be a list of GB per stage' }),
  },
  { error: 'must be an object {dp, op, pp, latency, weightGB}' },
);

export const profileSchema = z.strictObject(
  {
    provenance: freeForm.optional(),
    configs: z
      .array(profileConfigSchema, { error: 'must be a list of configurations' })
      .min(1, { error: 'must list at least one configuration' }),
  },
  { error: 'must be an object {configs, provenance?}' },
);

const clusterSchema = z.strictObject(
  {
    devices: positiveInt(),
    memoryGB: positive(),
    devicesPerNode: positiveInt().optional(),
  },
  { error: 'must be an object {devices, memoryGB, devicesPerNode?}' },
);

const modelSchema = z.strictObject(
  {
    name: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
    profile: z.string({ error: 'must be a profile id (string)' }).min(1, { error: 'must not be empty' }),
    rate: nonNegative(),
    cv: positive(),
    sloScale: positive().optional(),
    slo: positive().optional(),
  },
  { error: 'must be an object {name, profile, rate, cv, sloScale | slo}' },
);

const seed = () =>
  finite('an integer')
    .int({ error: 'must be an integer' })
    .gte(0, { error: 'must be >= 0' })
    .lte(0xffffffff, { error: 'must be < 2^32' });

const gammaWorkload = z.strictObject({
  kind: z.enum(['gamma', 'poisson']),
  duration: positive(),
  seed: seed(),
  start: finite().optional(),
});

const deterministicWorkload = z.strictObject({
  kind: z.literal('deterministic'),
  duration: positive(),
  start: finite().optional(),
});

const explicitWorkload = z.strictObject({
  kind: z.literal('explicit'),
  requests: z.array(
    z.tuple([finite('an arrival time in seconds'), z.string({ error: 'must be a model name' })], {
      error: 'must be [arrival seconds, model name]',
    }),
    { error: 'must be a list of [arrival seconds, model name]' },
  ),
});

const traceTime = () =>
  z.union([finite('seconds').gte(0, { error: 'must be >= 0' }), z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be seconds or "day.hour.minute"' })], {
    error: 'must be seconds or "day.hour.minute"',
  });

const traceWorkload = z.strictObject({
  kind: z.literal('trace'),
  format: z.enum(['maf1', 'maf2'], { error: 'must be "maf1" or "maf2"' }),
  source: z.strictObject(
    {
      name: z.string({ error: 'must be the trace\'s name' }).min(1, { error: 'must not be empty' }),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex (64 characters)' }).optional(),
      paths: z.array(z.string().min(1), { error: 'must be a list of file paths' }).min(1, { error: 'must name at least one file' }).optional(),
    },
    { error: 'must be {name, sha256?, paths?}' },
  ),
  start: traceTime(),
  end: traceTime(),
  mapping: z.enum(['stripe', 'round_robin'], { error: 'must be "stripe" or "round_robin"' }).optional(),
  fit: z.enum(['gamma', 'exponential', 'vanilla'], { error: 'must be "gamma", "exponential" or "vanilla"' }).optional(),
  interval: positive().optional(),
  rateScale: finite().gte(0, { error: 'must be >= 0' }).optional(),
  cvScale: positive().optional(),
  timeScale: positive().optional(),
  seed: seed().optional(),
});

export const WORKLOAD_KINDS = ['gamma', 'poisson', 'deterministic', 'explicit', 'trace'] as const;

export const workloadSchema = z.discriminatedUnion('kind', [gammaWorkload, deterministicWorkload, explicitWorkload, traceWorkload], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `must be one of ${WORKLOAD_KINDS.map((k) => `"${k}"`).join(', ')}`
      : 'must be a workload object {kind, ...}',
});

const groupSchema = z.strictObject(
  {
    dp: positiveInt(),
    op: positiveInt(),
    pp: positiveInt(),
    models: z.array(z.string({ error: 'must be a model name' }), { error: 'must be a list of model names' }),
  },
  { error: 'must be a group {dp, op, pp, models}' },
);

const groupsSchema = z.array(groupSchema, { error: 'must be a list of groups' });

const segmentSchema = z.strictObject(
  { start: finite('a time in seconds'), groups: groupsSchema },
  { error: 'must be a segment {start, groups}' },
);

export const placementSchema = z
  .strictObject(
    {
      groups: groupsSchema.optional(),
      segments: z
        .array(segmentSchema, { error: 'must be a list of segments' })
        .min(1, { error: 'must list at least one segment' })
        .optional(),
    },
    { error: 'must be an object {groups} or {segments}' },
  )
  .superRefine((p, ctx) => {
    const n = (p.groups ? 1 : 0) + (p.segments ? 1 : 0);
    if (n !== 1) ctx.addIssue({ code: 'custom', message: 'give exactly one of "groups" and "segments"' });
  });

const policySchema = z.looseObject(
  { name: z.string({ error: 'must be a policy name (string)' }).min(1, { error: 'must not be empty' }) },
  { error: 'must be an object {name, ...options}' },
);

const simulationSchema = z.strictObject(
  { warmup: nonNegative().optional(), batching: z.boolean({ error: 'must be true or false' }).optional() },
  { error: 'must be an object {warmup?, batching?}' },
);

export const scenarioSchema = z.strictObject(
  {
    version: z.literal(1, { error: 'must be 1' }),
    name: z.string({ error: 'must be a string' }).optional(),
    meta: freeForm.optional(),
    ui: freeForm.optional(),
    cluster: clusterSchema,
    profiles: z
      // an own "__proto__" key, which z.record would drop silently, is refused before (parse.ts)
      .record(z.string(), profileSchema, {
        error: 'must be an object: profile id -> profile',
      })
      .optional(),
    models: z.array(modelSchema, { error: 'must be a list of models' }).min(1, { error: 'must list at least one model' }),
    workload: workloadSchema,
    placement: placementSchema.optional(),
    policy: policySchema.optional(),
    train: z.union([z.literal('test'), workloadSchema], { error: 'must be "test" or a workload object' }).optional(),
    simulation: simulationSchema.optional(),
  },
  { error: 'a scenario must be a JSON object' },
);
