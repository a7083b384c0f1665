/** Which policies run side by side with the scenario's own placement (default: SR, Clockwork++, AlpaServe). */
import { POLICY_CHOICES } from './PlacementPanel';
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
      <div className="chips" role="group" aria-label="policies to compare">
        {POLICY_CHOICES.map((c) => (
          <label key={c.name} className="chip" title={c.text}>
            <input
              type="checkbox"
              data-testid={`compare-${c.name}`}
              checked={compare.includes(c.name)}
              onChange={(e) =>
                setCompare(e.target.checked ? POLICY_CHOICES.map((x) => x.name).filter((n) => n === c.name || compare.includes(n)) : compare.filter((n) => n !== c.name))
              }
            />
            {c.name}
          </label>
        ))}
      </div>
    </Panel>
  );
}
