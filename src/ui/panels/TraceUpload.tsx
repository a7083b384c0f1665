/**
 * Upload of Azure Functions trace files: several MAF1 day files or one MAF2
 * trace, parsed in the upload worker with progress and Cancel, then kept in
 * the page's trace library (IndexedDB). `wanted` is a scenario's trace this
 * browser lacks: the upload then expects its format and, when the content
 * matches, stores it under the scenario's name.
 */
import { useRef, useState } from 'react';
import type { TraceWorkload } from '../../core/scenario/types';
import type { StoredTraceMeta } from '../../state/traceStore';
import { importTraceFiles } from './traceImport';

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
    const r = await importTraceFiles(list, {
      wanted,
      signal: abort.current.signal,
      onProgress: (p) => {
        const file = p.files > 1 ? ` (file ${p.file + 1} of ${p.files})` : '';
        setState({ kind: 'busy', text: `reading ${what}${file}: ${p.rows.toLocaleString('en-US')} rows`, fraction: p.total > 0 ? p.bytes / p.total : 0 });
      },
    });
    abort.current = null;
    if (!r.ok) {
      setState({ kind: r.cancelled ? 'info' : 'error', text: r.text });
      return;
    }
    setState({ kind: r.mismatch ? 'error' : 'info', text: r.text });
    onAdded?.(r.meta);
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
