/** Every run's state: searching (progress bar, best score so far), simulating, done, cancelled or failed; one Cancel. */
import type { RunState } from '../../state/store';
import { usePlanner } from '../../state/store';

/** "1 candidate", "12 candidates". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function statusText(r: RunState): string {
  switch (r.status) {
    case 'queued':
      return 'waiting';
    case 'searching': {
      const p = r.progress;
      if (!p || p.total === 0) return 'searching: preparing the training workload…';
      const best = p.bestScore === null ? '' : `, best score so far ${p.bestScore.toFixed(4)}`;
      return `searching: ${p.done} of ${p.total} candidates${best}`;
    }
    case 'simulating':
      return 'simulating…';
    case 'done': {
      const s = r.view?.results.search;
      if (!s) return 'simulated';
      const where = s.workers === 'in-thread' ? 'in one thread' : `on ${count(s.workers, 'worker')}`;
      return `placed by ${s.policy}: ${count(s.candidates, 'candidate')} in ${s.seconds.toFixed(2)} s ${where}`;
    }
    case 'cancelled':
      return r.view ? 'cancelled: showing the previous results' : 'cancelled';
    case 'error':
      return `cannot run: ${r.error}`;
  }
}

export function RunsBar({ onCancel }: { onCancel: () => void }) {
  const runs = usePlanner((s) => s.runs);
  const searching = runs.some((r) => r.status === 'searching' || (r.status === 'queued' && r.id !== 'given'));
  return (
    <section className="runs" aria-label="runs" aria-live="polite">
      <ul>
        {runs.map((r) => (
          <li key={r.id} data-testid={`run-${r.id}`} data-status={r.status} className={`run ${r.status}`}>
            <span className="run-label">{r.label}</span>
            {r.status === 'searching' && (
              <progress max={Math.max(1, r.progress?.total ?? 1)} value={r.progress?.done ?? 0} aria-label={`search progress of ${r.label}`} />
            )}
            <span className="run-status" data-testid={`run-status-${r.id}`}>
              {statusText(r)}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onCancel} disabled={!searching} data-testid="cancel">
        Cancel search
      </button>
    </section>
  );
}
