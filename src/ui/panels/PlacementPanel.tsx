/**
 * Placement: a manual editor (groups with op / pp and the models they hold;
 * invalid choices explained inline by the scenario's own validation) or a
 * policy with its options.
 */
import type { GroupSpec, PolicySpec } from '../../core/scenario/types';
import { isSegmented } from '../../core/scenario/types';
import { setGroups, useManualPlacement, usePolicy } from '../../state/edits';
import { usePlanner } from '../../state/store';
import { Issues, NumberField, Panel } from './fields';

export const POLICY_CHOICES: { name: string; text: string }[] = [
  { name: 'alpaserve', text: 'AlpaServe (mp-search-sep): model parallelism, buckets and device splits' },
  { name: 'mp-search', text: 'AlpaServe without buckets (mp-search)' },
  { name: 'sr-greedy', text: 'Selective replication, greedy (sr-greedy)' },
  { name: 'sr-search', text: 'Selective replication, beam search (sr-search)' },
  { name: 'clockwork++', text: 'Clockwork++: replication re-planned every 60 s (sr-replace-60)' },
  { name: 'sr-uniform', text: 'Uniform replication (sr-uniform)' },
  { name: 'mp-greedy-2', text: 'Pipelines of 2 GPUs, greedy (mp-greedy-2)' },
  { name: 'mp-greedy-4', text: 'Pipelines of 4 GPUs, greedy (mp-greedy-4)' },
  { name: 'mp-round-robin', text: 'Model parallel, round robin (mp-round-robin)' },
];

const OPS = [1, 2, 4, 8];
const PPS = [1, 2, 4, 8, 16];

function GroupEditor({ g, i, groups }: { g: GroupSpec; i: number; groups: GroupSpec[] }) {
  const draft = usePlanner((s) => s.draft);
  const issues = usePlanner((s) => s.issues);
  const edit = usePlanner((s) => s.edit);
  const put = (next: GroupSpec | null): void => {
    const out = groups.slice();
    if (next) out[i] = next;
    else out.splice(i, 1);
    edit(setGroups(draft, out));
  };
  return (
    <fieldset className="group-editor" data-testid="group-editor">
      <legend>
        group {i + 1}: {g.op * g.pp} GPU{g.op * g.pp === 1 ? '' : 's'}
      </legend>
      <div className="row wrap">
        <label className="field">
          <span>op</span>
          <select aria-label={`intra-op degree of group ${i + 1}`} value={g.op} onChange={(e) => put({ ...g, op: Number(e.target.value) })}>
            {OPS.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>pp</span>
          <select aria-label={`pipeline stages of group ${i + 1}`} value={g.pp} onChange={(e) => put({ ...g, pp: Number(e.target.value) })}>
            {PPS.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => put(null)} aria-label={`remove group ${i + 1}`}>
          Remove group
        </button>
      </div>
      <div className="chips" role="group" aria-label={`models of group ${i + 1}`}>
        {draft.models.map((m) => (
          <label key={m.name} className="chip">
            <input
              type="checkbox"
              checked={g.models.includes(m.name)}
              onChange={(e) =>
                put({ ...g, models: e.target.checked ? draft.models.map((x) => x.name).filter((n) => n === m.name || g.models.includes(n)) : g.models.filter((n) => n !== m.name) })
              }
            />
            {m.name}
          </label>
        ))}
      </div>
      <Issues issues={issues} prefix={`placement.groups[${i}]`} />
    </fieldset>
  );
}

function PolicyEditor({ policy }: { policy: PolicySpec }) {
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const set = (p: PolicySpec): void => edit({ ...draft, policy: p });
  const known = POLICY_CHOICES.some((c) => c.name === policy.name);
  const beamable = ['sr-search', 'mp-search', 'mp-search-sep', 'alpaserve'].includes(policy.name);
  const mixable = ['mp-search', 'mp-search-sep', 'alpaserve'].includes(policy.name);
  return (
    <div className="policy-editor">
      <label className="field">
        <span>policy</span>
        <select aria-label="placement policy" data-testid="policy" value={known ? policy.name : ''} onChange={(e) => set({ name: e.target.value })}>
          {!known && <option value="">{policy.name}</option>}
          {POLICY_CHOICES.map((c) => (
            <option key={c.name} value={c.name}>
              {c.text}
            </option>
          ))}
        </select>
      </label>
      <div className="row wrap">
        {beamable && (
          <NumberField
            label={policy.name === 'sr-search' ? 'beam (default 3)' : 'beam (Algorithm 1; empty: greedy)'}
            value={(policy.beam as number | undefined) ?? (policy.name === 'sr-search' ? 3 : 0)}
            min={0}
            step={1}
            width="4em"
            onChange={(v) => {
              const next = { ...policy };
              if (v >= 1) next.beam = Math.round(v);
              else delete next.beam;
              set(next);
            }}
          />
        )}
        {mixable && (
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={policy.mixedGroups === true}
              onChange={(e) => {
                const next = { ...policy };
                if (e.target.checked) next.mixedGroups = true;
                else delete next.mixedGroups;
                set(next);
              }}
            />
            <span>mixed group sizes</span>
          </label>
        )}
      </div>
    </div>
  );
}

export function PlacementPanel() {
  const draft = usePlanner((s) => s.draft);
  const issues = usePlanner((s) => s.issues);
  const edit = usePlanner((s) => s.edit);
  const mode = draft.policy ? 'policy' : 'manual';
  const p = draft.placement;
  const segmented = p !== undefined && isSegmented(p);
  const groups = p && !isSegmented(p) ? p.groups : [];
  const used = groups.reduce((a, g) => a + g.dp * g.op * g.pp, 0);
  return (
    <Panel title="Placement" id="placement">
      <div className="row" role="radiogroup" aria-label="how models are placed">
        <label className="field checkbox">
          <input type="radio" name="placement-mode" checked={mode === 'manual'} onChange={() => edit(useManualPlacement(draft))} />
          <span>manual</span>
        </label>
        <label className="field checkbox">
          <input type="radio" name="placement-mode" checked={mode === 'policy'} data-testid="mode-policy" onChange={() => edit(usePolicy(draft, 'alpaserve'))} />
          <span>a policy searches</span>
        </label>
      </div>
      {mode === 'policy' && draft.policy && <PolicyEditor policy={draft.policy} />}
      {mode === 'manual' && segmented && <p className="note">This placement changes over time ({p.segments.length} segments); edit it as a file.</p>}
      {mode === 'manual' && !segmented && (
        <>
          <p className="note" data-testid="gpus-used">
            uses {used} of {draft.cluster.devices} GPUs
          </p>
          {groups.map((g, i) => (
            <GroupEditor key={i} g={g} i={i} groups={groups} />
          ))}
          <button type="button" onClick={() => edit(setGroups(draft, [...groups, { dp: 1, op: 1, pp: 1, models: [] }]))}>
            Add group
          </button>
        </>
      )}
      <Issues issues={issues} prefix="placement" exact />
      <Issues issues={issues} prefix="policy" />
      <Issues issues={issues} prefix="train" />
    </Panel>
  );
}
