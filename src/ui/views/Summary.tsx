/** The headline numbers of every run side by side, with where the latencies come from. */
import { resolveProfile } from '../../core/scenario/crossChecks';
import { isSegmented } from '../../core/scenario/types';
import { usePlanner } from '../../state/store';
import { profileInfo } from '../panels/profileInfo';

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(2)} %`);
const sec = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${x.toFixed(3)} s`);

/** Where the simulated latencies come from: each profile the models use, with its provenance. */
export function useLatencySources(): string {
  const scenario = usePlanner((s) => s.scenario);
  const ids = [...new Set(scenario.models.map((m) => m.profile))];
  return ids.map((id) => `${id} (${profileInfo(id, resolveProfile(scenario, id)).source})`).join('; ');
}

export function Summary() {
  const runs = usePlanner((s) => s.runs);
  const sources = useLatencySources();
  return (
    <section className="summary" aria-labelledby="summary-h">
      <h2 id="summary-h">SLO attainment</h2>
      <table data-testid="summary">
        <thead>
          <tr>
            <th scope="col">placement</th>
            <th scope="col">attainment</th>
            <th scope="col">requests</th>
            <th scope="col">mean latency (good)</th>
            <th scope="col">groups</th>
            <th scope="col">on training workload</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const res = r.view?.results;
            const p = res?.placement;
            const groups = p ? (isSegmented(p) ? `${p.segments.length} segments` : p.groups.map((g) => `(${g.op},${g.pp})`).join(' ')) : '–';
            return (
              <tr key={r.id} data-testid={`summary-${r.id}`} className={r.stale ? 'stale' : undefined} aria-busy={r.stale}>
                <th scope="row">{r.label}</th>
                <td data-testid={`attainment-${r.id}`}>{pct(res?.attainment)}</td>
                <td>{res ? res.window.requests.toLocaleString() : '–'}</td>
                <td>{sec(res?.latencyMean)}</td>
                <td className="groups-cell">{groups}</td>
                <td>{res?.search ? pct(res.search.trainAttainment) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note provenance" data-testid="provenance">
        Latencies from: {sources}. Attainment counts the requests after the warmup trimming; “on training
        workload” is the search&apos;s own figure (compare it with the test figure to see over-fitting).
      </p>
    </section>
  );
}
