/**
 * Malformed rows of an uploaded file (request logs, traces): how many, and
 * the first few with their 1-based line (the header is line 1), the reason,
 * and the file when several are read. Counted, never thrown.
 */

/** How many malformed rows are kept as examples. */
export const MALFORMED_EXAMPLES = 5;

export interface MalformedRows {
  count: number;
  examples: { line: number; reason: string; source?: string }[];
}

export class MalformedRecorder {
  readonly rows: MalformedRows = { count: 0, examples: [] };
  add(line: number, reason: string, source?: string): void {
    this.rows.count++;
    if (this.rows.examples.length < MALFORMED_EXAMPLES) {
      this.rows.examples.push(source === undefined ? { line, reason } : { line, reason, source });
    }
  }
  snapshot(): MalformedRows {
    return { count: this.rows.count, examples: this.rows.examples.map((e) => ({ ...e })) };
  }
}
