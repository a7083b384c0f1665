/**
 * "No trace at hand?": the synthetic sample traces (src/state/sampleTraces.ts),
 * fetched from the site and imported like an upload, then replayed with their
 * own settings. Labelled synthetic wherever they appear.
 */
import { useState } from 'react';
import { SAMPLE_TRACES, sampleWorkload, type SampleTrace } from '../../state/sampleTraces';
import { boundSeconds, withWorkload } from '../../state/traceEdits';
import { usePlanner } from '../../state/store';
import { importTraceFiles } from './traceImport';

type Status = { kind: 'busy' | 'info' | 'error'; text: string } | null;

/** Fetch a sample, import it, and replay it in the scenario; a one-line outcome. */
export async function loadSample(sample: SampleTrace): Promise<{ ok: boolean; text: string }> {
  let file: File;
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}samples/${sample.file}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    file = new File([await res.blob()], sample.file, { type: 'text/csv' });
  } catch (e) {
    return { ok: false, text: `${sample.title}: could not fetch samples/${sample.file} (${(e as Error).message})` };
  }
  const r = await importTraceFiles([file], { synthetic: true });
  if (!r.ok) return { ok: false, text: r.text };
  const st = usePlanner.getState();
  const w = sampleWorkload(r.meta, sample);
  st.edit(withWorkload(st.draft, w));
  const from = boundSeconds(w.start);
  st.setTimeline({ from, to: from + 20 });
  return { ok: true, text: `${r.text}; replaying it` };
}

export function TraceSamples({ only, testId = 'trace-samples' }: { only?: SampleTrace; testId?: string }) {
  const [status, setStatus] = useState<Status>(null);
  const samples = only ? [only] : SAMPLE_TRACES;
  return (
    <div className="trace-samples" data-testid={testId}>
      <p className="note">
        {only ? 'This is one of the planner’s synthetic samples: ' : 'No trace at hand? Try a synthetic sample (generated, not real traffic; in the real file formats): '}
      </p>
      <div className="row wrap">
        {samples.map((s) => (
          <button
            key={s.id}
            type="button"
            data-testid={`sample-${s.id}`}
            title={s.description}
            disabled={status?.kind === 'busy'}
            onClick={async () => {
              setStatus({ kind: 'busy', text: `loading ${s.title}…` });
              const r = await loadSample(s);
              setStatus({ kind: r.ok ? 'info' : 'error', text: r.text });
            }}
          >
            Load the {s.title}
          </button>
        ))}
      </div>
      {status && (
        <p className={status.kind === 'error' ? 'error-text' : 'note'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid={`${testId}-status`}>
          {status.text}
        </p>
      )}
    </div>
  );
}
