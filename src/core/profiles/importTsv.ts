/**
 * The reference's tab-separated profiling format (reference doc section 1):
 * columns ModelName, BS, #Microbatch, DP, OP, PP, #GPU, MeanTime(s),
 * StdTime(s), TFLOPs, StageWeights(B), StagePeakMem(B), StageLatencies(s);
 * list columns are Python lists ("[0.05, 0.051]"). As in the reference, a file
 * without a header row gets these columns in this order. One row per (model,
 * configuration, batch size); rows of one configuration are merged.
 */
import Papa from 'papaparse';
import { ProfileImportError } from './importErrors';
import { GB, type Profile, type ProfileConfig } from './types';
import { checkProfiles } from './validateProfiles';

export const TSV_COLUMNS = [
  'ModelName',
  'BS',
  '#Microbatch',
  'DP',
  'OP',
  'PP',
  '#GPU',
  'MeanTime(s)',
  'StdTime(s)',
  'TFLOPs',
  'StageWeights(B)',
  'StagePeakMem(B)',
  'StageLatencies(s)',
] as const;

const REQUIRED = ['ModelName', 'BS', 'DP', 'OP', 'PP', 'StageWeights(B)', 'StageLatencies(s)'] as const;

function parseList(text: string, what: string): number[] {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (body === '') throw new Error(`${what} is empty`);
  const parts = body.split(/[\s,]+/).filter((x) => x !== '');
  const out = parts.map(Number);
  if (out.some((x) => !Number.isFinite(x))) throw new Error(`${what} is not a list of numbers: "${text}"`);
  return out;
}

function parseInt10(text: string, what: string): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${what} must be a positive integer, got "${text}"`);
  return v;
}

export function importProfilingTsv(text: string, file = 'profiling.tsv'): Record<string, Profile> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: '\t', skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new ProfileImportError(file, `line ${(e.row ?? 0) + 1}: ${e.message}`);
  }
  const rows = parsed.data;
  if (rows.length === 0) throw new ProfileImportError(file, 'is empty');
  const hasHeader = rows[0][0]?.trim() === 'ModelName';
  const header = hasHeader ? rows[0].map((h) => h.trim()) : [...TSV_COLUMNS];
  for (const col of REQUIRED) {
    if (!header.includes(col)) throw new ProfileImportError(file, `missing column "${col}"`);
  }
  const col = (row: string[], name: string): string => row[header.indexOf(name)] ?? '';
  const profiles: Record<string, Profile> = {};
  const byKey = new Map<string, ProfileConfig>();
  rows.slice(hasHeader ? 1 : 0).forEach((row, k) => {
    const line = k + (hasHeader ? 2 : 1);
    try {
      if (row.length < header.length) throw new Error(`has ${row.length} columns, expected ${header.length}`);
      const model = col(row, 'ModelName').trim();
      if (!model) throw new Error('ModelName is empty');
      const bs = parseInt10(col(row, 'BS'), 'BS');
      const dp = parseInt10(col(row, 'DP'), 'DP');
      const op = parseInt10(col(row, 'OP'), 'OP');
      const pp = parseInt10(col(row, 'PP'), 'PP');
      const lat = parseList(col(row, 'StageLatencies(s)'), 'StageLatencies(s)');
      const weights = parseList(col(row, 'StageWeights(B)'), 'StageWeights(B)').map((b) => b / GB);
      const key = `${model}\u0000${dp},${op},${pp}`;
      let cfg = byKey.get(key);
      if (!cfg) {
        cfg = { dp, op, pp, latency: {}, weightGB: weights };
        byKey.set(key, cfg);
        (profiles[model] ??= { configs: [] }).configs.push(cfg);
      }
      if (cfg.latency[String(bs)]) throw new Error(`duplicate row for ${model} (${dp}, ${op}, ${pp}) batch ${bs}`);
      cfg.latency[String(bs)] = lat;
    } catch (e) {
      throw new ProfileImportError(file, `line ${line}: ${(e as Error).message}`);
    }
  });
  return checkProfiles(file, profiles);
}
