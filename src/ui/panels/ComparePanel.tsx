/** Which policies run side by side with the scenario's own placement (default: SR, Clockwork++, AlpaServe). */
import { PolicyChips } from './PolicyChips';
import { DEFAULT_COMPARE, usePlanner } from '../../state/store';
import { Panel } from './fields';

export function ComparePanel() {
  const compare = usePlanner((s) => s.compare);
  const setCompare = usePlanner((s) => s.setCompare);
  return (
    <Panel
      title="Compare with"
      id="compare"
      actions={
        <button type="button" className="link" onClick={() => setCompare([...DEFAULT_COMPARE])}>
          default
        </button>
      }
    >
      <PolicyChips selected={compare} onChange={setCompare} label="policies to compare" testIdPrefix="compare-" />
    </Panel>
  );
}
