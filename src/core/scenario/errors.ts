/** Validation errors as values: a JSON path and what is wrong there. */

export type PathPart = string | number;

export interface ScenarioIssue {
  /** JSON path, e.g. "models[3].sloScale" ("" for the whole document). */
  path: string;
  message: string;
}

export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

export function formatIssue(i: ScenarioIssue): string {
  return i.path ? `${i.path}: ${i.message}` : i.message;
}

/** Thrown by the throwing variants of the scenario API; carries every issue found. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}
