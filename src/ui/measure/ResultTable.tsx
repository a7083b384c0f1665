/** Stage latencies of a measured profile: measured (op 1) with their spread, then the modelled op > 1 configurations. */
import { formatMs, type MeasuredView } from '../../gpu/measuredView';

export function ResultTable({ view }: { view: MeasuredView }) {
  const measured = view.rows.filter((r) => r.kind === 'measured');
  const modelled = view.rows.filter((r) => r.kind === 'modelled');
  return (
    <>
      <table className="measure-results" data-testid="measure-table">
        <caption className="note">
          {view.scaledFromOneLayer ? 'Measured: one layer, the embedding and the head, scaled by each stage\u2019s layer count' : 'Measured: every stage'} (op 1; median and interquartile
          range of {view.runs ?? '?'} timed runs)
        </caption>
        <thead>
          <tr>
            <th scope="col">config</th>
            <th scope="col">stage latencies: median (IQR)</th>
            <th scope="col">total</th>
            <th scope="col">GB per GPU</th>
          </tr>
        </thead>
        <tbody>
          {measured.map((r) => (
            <tr key={`${r.op},${r.pp}`} data-testid={`measure-row-pp${r.pp}`}>
              <th scope="row">pp {r.pp}</th>
              <td>{r.stages.map((s) => `${formatMs(s.median)}${s.iqr !== null ? ` (${formatMs(s.iqr)})` : ''}`).join(', ')}</td>
              <td>{formatMs(r.stages.reduce((a, s) => a + s.median, 0))}</td>
              <td>{Math.max(...r.weightGB).toPrecision(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {modelled.length > 0 && (
        <details className="measure-modelled">
          <summary>
            {modelled.length} modelled configurations (op &gt; 1) <span className="badge">modelled</span>
          </summary>
          <p className="note">Intra-op parallelism cannot be measured on one GPU: these come from the measured op-1 stages with the built-in profiles&apos; overhead model.</p>
          <table data-testid="measure-modelled">
            <thead>
              <tr>
                <th scope="col">config</th>
                <th scope="col">stage latencies</th>
                <th scope="col">GB per GPU</th>
              </tr>
            </thead>
            <tbody>
              {modelled.map((r) => (
                <tr key={`${r.op},${r.pp}`}>
                  <th scope="row">
                    op {r.op}, pp {r.pp}
                  </th>
                  <td>{r.stages.map((s) => formatMs(s.median)).join(', ')}</td>
                  <td>{Math.max(...r.weightGB).toPrecision(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}
