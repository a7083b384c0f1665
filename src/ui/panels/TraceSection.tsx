/**
 * "Replay an Azure Functions trace", in the Workload panel: a scenario trace
 * this browser lacks (a shared link's) with its upload, the replay settings
 * of the scenario's trace, the upload of new traces, and the stored traces.
 */
import { useEffect } from 'react';
import { usePlanner } from '../../state/store';
import { missingTraceMessage, shortHash, traceRefs } from '../../state/traceEdits';
import { findEntry, refreshTraceLibrary, useTraceLibrary } from '../../state/traceLibrary';
import { replayEntry, TraceList } from './TraceList';
import { sampleByHash } from '../../state/sampleTraces';
import { TraceSamples } from './TraceSamples';
import { TraceSettings } from './TraceSettings';
import { TraceUpload } from './TraceUpload';

export function TraceSection() {
  const draft = usePlanner((s) => s.draft);
  const issues = usePlanner((s) => s.issues);
  const entries = useTraceLibrary((s) => s.entries);
  useEffect(() => {
    void refreshTraceLibrary();
  }, []);
  const w = draft.workload.kind === 'trace' ? draft.workload : null;
  const missing = entries === null ? [] : traceRefs(draft).filter((ref) => !findEntry(entries, ref.source));
  return (
    <section className="trace-section" aria-labelledby="trace-h" data-testid="trace-section">
      <h3 id="trace-h">Replay an Azure Functions trace</h3>
      {missing.map((ref, i) => {
        const sample = sampleByHash(ref.source.sha256);
        return (
          <div className="missing-trace" role="alert" data-testid="missing-trace" key={`${ref.source.sha256 ?? ref.source.name}-${i}`}>
            <p>{missingTraceMessage(ref)}</p>
            {sample && <TraceSamples only={sample} testId={`missing-sample-${i}`} />}
            <TraceUpload wanted={ref} testId={i === 0 ? 'missing-trace-upload' : `missing-trace-upload-${i}`} />
          </div>
        );
      })}
      {w && missing.length === 0 && entries !== null && (
        <p className="note" data-testid="trace-replaying">
          Replaying “{w.source.name}” ({w.format.toUpperCase()}
          {findEntry(entries, w.source)?.synthetic ? ', a synthetic sample, not real traffic' : ''}, sha256 {shortHash(w.source.sha256)}) on the scenario&apos;s{' '}
          {draft.models.length} models; their rate and cv fields are not used.
        </p>
      )}
      {w && <TraceSettings w={w} issues={issues} />}
      <TraceUpload
        testId="trace-upload"
        onAdded={(meta) => {
          const entry = useTraceLibrary.getState().entries?.find((e) => e.sha256 === meta.sha256);
          if (entry) replayEntry(usePlanner.getState().draft, entry);
        }}
      />
      <TraceSamples />
      <TraceList />
      <p className="note">
        The traces are Microsoft&apos;s Azure Functions traces: MAF1 (2019, per-minute counts, one file per day) and MAF2 (2021, one row per invocation). They stay in
        this browser (IndexedDB); a shared link names a trace by its SHA-256, and whoever opens it uploads the same file.
      </p>
    </section>
  );
}
