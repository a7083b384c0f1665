/**
 * Upload of Azure Functions trace files: several MAF1 day files or one MAF2
 * trace, parsed in the upload worker with progress and Cancel, then kept in
 * the page's trace library (IndexedDB). `wanted` is a scenario's trace this
 * browser lacks: the upload then expects its format and, when the content
 * matches, stores it under the scenario's name.
 */
import { useRef, useState } from 'react';
import type { TraceWorkload } from '../../core/scenario/types';
import { shortHash } from '../../state/traceEdits';
import { addTrace } from '../../state/traceLibrary';
import type { StoredTraceMeta } from '../../state/traceStore';
import { parseTraceUpload } from '../../workers/uploadClient';
import { describeSpan } from './traceText';

type Status = { kind: 'idle' | 'busy' | 'info' | 'error'; text: string; fraction?: number };

export function TraceUpload({ wanted, testId, onAdded }: { wanted?: TraceWorkload; testId: string; onAdded?: (meta: StoredTraceMeta) => void }) {
  const [state, setState] = useState<Status>({ kind: 'idle', text: '' });
  const abort = useRef<AbortController | null>(null);
  const label = wanted
    ? `Upload “${wanted.source.name}” (${wanted.format === 'maf1' ? 'MAF1 day files' : 'a MAF2 invocation trace'})`
    : 'Upload MAF1 day files (invocations_per_function_md.anon.dNN.csv) or a MAF2 invocation trace';

  const onFiles = async (list: File[]): Promise<void> => {
    if (list.length === 0) return;
    const what = list.length === 1 ? list[0].name : `${list.length} day files`;
    abort.current = new AbortController();
    setState({ kind: 'busy', text: `reading ${what}…`, fraction: 0 });
    const r = await parseTraceUpload(
      list,
      (p) => {
        const file = p.files > 1 ? ` (file ${p.file + 1} of ${p.files})` : '';
        setState({ kind: 'busy', text: `reading ${what}${file}: ${p.rows.toLocaleString('en-US')} rows`, fraction: p.total > 0 ? p.bytes / p.total : 0 });
      },
      abort.current.signal,
      wanted ? { format: wanted.format } : {},
    );
    abort.current = null;
    if (!r.ok) {
      setState({ kind: r.cancelled ? 'info' : 'error', text: r.cancelled ? `${what}: cancelled; nothing was added` : `${what}: ${r.message}` });
      return;
    }
    const matches = wanted?.source.sha256 === r.sha256 || (wanted !== undefined && !wanted.source.sha256);
    const meta: StoredTraceMeta = {
      sha256: r.sha256,
      name: matches && wanted ? wanted.source.name : r.name,
      format: r.info.format as 'maf1' | 'maf2',
      info: r.info,
      files: r.files,
      malformed: r.malformed,
      added: new Date().toISOString(),
    };
    setState({ kind: 'busy', text: `storing “${meta.name}”…`, fraction: 1 });
    const problem = await addTrace(meta, r.trace);
    const bad = r.malformed.count > 0 ? `; ${r.malformed.count.toLocaleString('en-US')} malformed rows skipped (first: ${where(r.malformed.examples[0], list.length > 1)})` : '';
    const kept = problem ? `; kept for this session only (the browser would not store it: ${problem})` : '';
    const other = wanted && !matches ? `. This is not the scenario's trace (its sha256 is ${shortHash(r.sha256)}, the scenario's ${shortHash(wanted.source.sha256)}): pick it below to replay it instead` : '';
    setState({
      kind: wanted && !matches ? 'error' : 'info',
      text: `${meta.name}: ${meta.format.toUpperCase()}, ${r.info.functions.toLocaleString('en-US')} functions, ${r.info.invocations.toLocaleString('en-US')} invocations, ${describeSpan(r.info)}${bad}${kept}${other}`,
    });
    onAdded?.(meta);
  };

  return (
    <div className="upload">
      <label className="file-button">
        {label}
        <input
          type="file"
          multiple={wanted?.format !== 'maf2'}
          accept=".csv,.txt,text/csv,text/plain"
          data-testid={testId}
          disabled={state.kind === 'busy'}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void onFiles(files);
          }}
        />
      </label>
      {state.kind === 'busy' && (
        <div className="row">
          <progress max={1} value={state.fraction ?? 0} aria-label="trace upload progress" />
          <button type="button" onClick={() => abort.current?.abort()} data-testid={`${testId}-cancel`}>
            Cancel
          </button>
        </div>
      )}
      {state.text && (
        <p className={state.kind === 'error' ? 'error-text' : 'note'} role={state.kind === 'error' ? 'alert' : 'status'} data-testid={`${testId}-status`}>
          {state.text}
        </p>
      )}
    </div>
  );
}

function where(e: { line: number; reason: string; source?: string }, several: boolean): string {
  return `${several && e.source ? `${e.source} ` : ''}line ${e.line}: ${e.reason}`;
}
