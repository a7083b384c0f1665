/**
 * The reference's `profiling_result.pkl`: a pickled dict name ->
 * ProfilingResult(model_name, para_dict, preprocess_cpu, postprocess_cpu) whose
 * para_dict maps ParallelConfig(dp, op, pp) namedtuples to
 * LatencyMemData(latency: {bs: [stage s]}, act_mem, weight_mem: [stage bytes], metadata)
 * (reference doc section 1). pickleparser reads it; dictionaries are kept as
 * Maps so the tuple keys survive, and ParallelConfig is rebuilt from its
 * constructor arguments. numpy float scalars, should a file contain them,
 * are decoded from their raw bytes.
 */
import { NameRegistry, Parser } from 'pickleparser';
import { ProfileImportError } from './importErrors';
import { GB, type Profile, type ProfileConfig } from './types';
import { checkProfiles } from './validateProfiles';

class ParallelConfigTuple {
  constructor(
    readonly dp: unknown,
    readonly op: unknown,
    readonly pp: unknown,
  ) {}
}

class NumpyDtype {
  name: string;
  constructor(name: unknown) {
    this.name = String(name);
  }
  __setstate__(): void {}
}

function numpyScalar(dtype: NumpyDtype, data: unknown): number {
  const bytes = typeof data === 'string' ? Uint8Array.from(data, (c) => c.charCodeAt(0)) : (data as Uint8Array);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype.name) {
    case 'f8':
      return view.getFloat64(0, true);
    case 'f4':
      return view.getFloat32(0, true);
    case 'i8':
      return Number(view.getBigInt64(0, true));
    case 'i4':
      return view.getInt32(0, true);
    default:
      throw new Error(`unsupported numpy scalar type ${dtype.name}`);
  }
}

function registry(): NameRegistry {
  const r = new NameRegistry();
  r.register('alpa_serve.profiling', 'ParallelConfig', ParallelConfigTuple);
  r.register('numpy', 'dtype', NumpyDtype);
  r.register('numpy.core.multiarray', 'scalar', numpyScalar);
  r.register('numpy._core.multiarray', 'scalar', numpyScalar);
  return r;
}

function field(obj: unknown, name: string): unknown {
  if (obj instanceof Map) return obj.get(name);
  if (obj && typeof obj === 'object') return (obj as Record<string, unknown>)[name];
  return undefined;
}

function numberList(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(`${what} is not a list of numbers`);
  }
  return v as number[];
}

function toConfig(key: unknown, data: unknown): ProfileConfig {
  if (!(key instanceof ParallelConfigTuple)) throw new Error('a para_dict key is not a ParallelConfig');
  const { dp, op, pp } = key;
  if (typeof dp !== 'number' || typeof op !== 'number' || typeof pp !== 'number') {
    throw new Error('a ParallelConfig has non-integer fields');
  }
  const where = `ParallelConfig(${dp}, ${op}, ${pp})`;
  const latency = field(data, 'latency');
  if (!(latency instanceof Map)) throw new Error(`${where}: latency is not a dict`);
  const lat: Record<string, number[]> = {};
  for (const [bs, list] of latency) lat[String(bs)] = numberList(list, `${where} latency[${String(bs)}]`);
  const weights = numberList(field(data, 'weight_mem'), `${where} weight_mem`);
  return { dp, op, pp, latency: lat, weightGB: weights.map((b) => b / GB) };
}

export function importProfilingPickle(bytes: Uint8Array, file = 'profiling_result.pkl'): Record<string, Profile> {
  let root: unknown;
  try {
    root = new Parser({ unpicklingTypeOfDictionary: 'Map', nameResolver: registry() }).parse(bytes);
  } catch (e) {
    throw new ProfileImportError(file, `not a readable Python pickle: ${(e as Error).message}`);
  }
  if (!(root instanceof Map)) throw new ProfileImportError(file, 'the pickle is not a dict of model name -> ProfilingResult');
  const out: Record<string, Profile> = {};
  try {
    for (const [name, result] of root) {
      const paraDict = field(result, 'para_dict');
      if (!(paraDict instanceof Map)) throw new Error(`"${String(name)}" has no para_dict`);
      const configs: ProfileConfig[] = [];
      for (const [key, data] of paraDict) configs.push(toConfig(key, data));
      out[String(name)] = { configs };
    }
  } catch (e) {
    throw new ProfileImportError(file, (e as Error).message);
  }
  return checkProfiles(file, out);
}
