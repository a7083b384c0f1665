import { useEffect, useRef } from 'react';
import { formatIssue } from '../core/scenario/errors';
import { isSegmented } from '../core/scenario/types';
import { usePlanner } from '../state/store';
import { drawAttainmentBars } from './charts/attainmentBars';

const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(2)} %`);
const sec = (x: number | null): string => (x === null ? '–' : `${x.toFixed(3)} s`);

export function App() {
  const { scenario, status, outcome } = usePlanner();
  const svgRef = useRef<SVGSVGElement>(null);
  const results = outcome?.ok ? outcome.results : null;

  useEffect(() => {
    if (svgRef.current && results) {
      drawAttainmentBars(
        svgRef.current,
        Object.entries(results.perModel).map(([name, m]) => ({ name, attainment: m.attainment, requests: m.requests })),
      );
    }
  }, [results]);

  const groups = scenario.placement && !isSegmented(scenario.placement) ? scenario.placement.groups : [];
  return (
    <main className="planner">
      <header>
        <h1>AlpaServe Planner</h1>
        <p className="lede">
          What-if planning for serving many deep-learning models on a GPU cluster: place models on groups of GPUs with
          pipeline (pp) and intra-operator (op) parallelism, and measure SLO attainment under bursty traffic with
          AlpaServe&apos;s simulator.
        </p>
      </header>
      <section aria-labelledby="scenario-h">
        <h2 id="scenario-h">Scenario</h2>
        <p data-testid="scenario-name">{scenario.name}</p>
        <ul>
          <li>
            Cluster: {scenario.cluster.devices} GPUs, {scenario.cluster.memoryGB} GB weight memory each
          </li>
          <li>
            Models:{' '}
            {scenario.models.map((m) => `${m.name} (${m.profile}, ${m.rate} req/s, cv ${m.cv})`).join(', ')}
          </li>
          <li>
            Placement:{' '}
            {groups.map((g) => `[op ${g.op}, pp ${g.pp}: ${g.models.join(', ')}]`).join(' ')}
          </li>
        </ul>
      </section>
      <section aria-labelledby="results-h" aria-busy={status === 'running'}>
        <h2 id="results-h">Results</h2>
        <p data-testid="status">
          {status === 'running' && 'Simulating in a Web Worker…'}
          {status === 'done' && outcome?.ok && `Simulated ${outcome.requests} requests in the worker in ${outcome.ms.toFixed(1)} ms.`}
          {status === 'error' && outcome && !outcome.ok && `Cannot simulate: ${outcome.issues.map(formatIssue).join('; ')}`}
        </p>
        {results && (
          <>
            <p className="headline">
              SLO attainment: <strong data-testid="attainment">{pct(results.attainment)}</strong> · mean latency of good
              requests <span data-testid="latency-mean">{sec(results.latencyMean)}</span>
            </p>
            <table data-testid="per-model">
              <thead>
                <tr>
                  <th scope="col">model</th>
                  <th scope="col">requests</th>
                  <th scope="col">good</th>
                  <th scope="col">attainment</th>
                  <th scope="col">p99 latency</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(results.perModel).map(([name, m]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{m.requests}</td>
                    <td>{m.good}</td>
                    <td>{pct(m.attainment)}</td>
                    <td>{sec(m.latencyP99)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <svg ref={svgRef} data-testid="attainment-chart" />
          </>
        )}
      </section>
    </main>
  );
}
