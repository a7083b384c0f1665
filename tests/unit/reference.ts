/** Access to the golden files of the reference implementation in ../shared/reference (relative to the project root). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REFERENCE_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'reference');

export function refPath(...parts: string[]): string {
  return join(REFERENCE_DIR, ...parts);
}

export function readRefText(...parts: string[]): string {
  return readFileSync(refPath(...parts), 'utf8');
}

export function readRefJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readRefText(...parts)) as T;
}

/** Case names (without .json) of a reference folder, excluding .expected/.requests files. */
export function refCases(folder: string): string[] {
  return readdirSync(refPath(folder))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json') && !f.endsWith('.requests.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}
