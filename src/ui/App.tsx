/** The planner page: inputs on the left, runs and views on the right. */
import { usePlanner } from '../state/store';
import { ClusterPanel } from './panels/ClusterPanel';
import { ComparePanel } from './panels/ComparePanel';
import { ModelsPanel } from './panels/ModelsPanel';
import { PlacementPanel } from './panels/PlacementPanel';
import { PresetPanel } from './panels/PresetPanel';
import { Walkthrough } from './teaching/Walkthrough';
import { ScenarioActions } from './panels/ScenarioActions';
import { WorkloadPanel } from './panels/WorkloadPanel';
import { RunsBar } from './views/RunsBar';
import { Summary } from './views/Summary';
import { Views } from './views/Views';
import { SweepPanel } from './views/SweepPanel';
import { Md1View } from './views/Md1View';
import { MeasureSection } from './measure/MeasureSection';
import { TraceViewer } from './views/TraceViewer';
import type { EnginePool } from '../pool/enginePool';

export function App({ onCancel, pool }: { onCancel: () => void; pool: EnginePool }) {
  const notice = usePlanner((s) => s.notice);
  const setNotice = usePlanner((s) => s.setNotice);
  const hidden = usePlanner((s) => s.hidden);
  const name = usePlanner((s) => s.draft.name);
  const hide = (id: string): string | undefined => (hidden.includes(id) ? 'hidden-by-link' : undefined);
  return (
    <main className="planner">
      <header className="top">
        <div>
          <h1>AlpaServe Planner</h1>
          <p className="lede">
            Place many deep-learning models on a GPU cluster and see how much traffic meets its latency SLO. Splitting models over a group of GPUs
            (pipeline <abbr title="pipeline parallelism: stages on different GPUs">pp</abbr> and intra-operator{' '}
            <abbr title="intra-operator parallelism: each layer split over GPUs">op</abbr> parallelism) lets a burst of one model use the whole group,
            at some overhead; AlpaServe&apos;s simulator measures the trade-off against replication.
          </p>
          {name && (
            <p className="note" data-testid="scenario-name">
              Scenario: {name}
            </p>
          )}
        </div>
        <ScenarioActions />
      </header>
      {notice && (
        <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" className="link" onClick={() => setNotice(null)}>
            dismiss
          </button>
        </div>
      )}
      <div className="layout">
        <div className={`inputs ${hide('inputs') ?? ''}`}>
          <Walkthrough />
          <PresetPanel />
          <ClusterPanel />
          <ModelsPanel />
          <WorkloadPanel />
          <PlacementPanel />
          <ComparePanel />
          <MeasureSection />
        </div>
        <div className="outputs">
          <RunsBar onCancel={onCancel} />
          <div className={hide('summary')}>
            <Summary />
          </div>
          <TraceViewer />
          <Md1View pool={pool} />
          <Views />
          <div className={hide('sweep')}>
            <SweepPanel pool={pool} />
          </div>
        </div>
      </div>
    </main>
  );
}
