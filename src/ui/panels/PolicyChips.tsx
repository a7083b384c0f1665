/** A set of policies picked with checkbox chips (kept in POLICY_CHOICES order): the compared runs, a sweep's policies. */
import { POLICY_CHOICES } from './PlacementPanel';

export function PolicyChips({ selected, onChange, label, testIdPrefix }: { selected: readonly string[]; onChange: (next: string[]) => void; label: string; testIdPrefix?: string }) {
  return (
    <div className="chips" role="group" aria-label={label}>
      {POLICY_CHOICES.map((c) => (
        <label key={c.name} className="chip" title={c.text}>
          <input
            type="checkbox"
            data-testid={testIdPrefix ? `${testIdPrefix}${c.name}` : undefined}
            checked={selected.includes(c.name)}
            onChange={(e) =>
              onChange(e.target.checked ? POLICY_CHOICES.map((x) => x.name).filter((n) => n === c.name || selected.includes(n)) : selected.filter((n) => n !== c.name))
            }
          />
          {c.name}
        </label>
      ))}
    </div>
  );
}
