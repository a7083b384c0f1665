/**
 * Models: a table (name, profile, rate, cv, SLO scale or SLO) with add,
 * duplicate, remove, a total-rate slider that scales every rate, "add N
 * copies", and profile uploads (JSON, the reference's pickle or TSV).
 */
import { useMemo, useState } from 'react';
import { resolveProfile } from '../../core/scenario/crossChecks';
import type { ModelSpec } from '../../core/scenario/types';
import { addCopies, addModel, duplicateModel, removeModel, scaleRates, updateModel } from '../../state/edits';
import { usePlanner } from '../../state/store';
import { importProfileFile } from '../../workers/uploadClient';
import { Issues, NumberField, Panel } from './fields';
import { availableProfiles, profileInfo } from './profileInfo';

function ModelRow({ m, i }: { m: ModelSpec; i: number }) {
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const profiles = useMemo(() => availableProfiles(draft), [draft]);
  const info = profileInfo(m.profile, resolveProfile(draft, m.profile));
  const sloMode = m.slo !== undefined ? 'slo' : 'sloScale';
  return (
    <tr data-testid="model-row">
      <td>
        <input aria-label={`name of model ${i + 1}`} value={m.name} onChange={(e) => edit(updateModel(draft, i, { name: e.target.value }))} />
      </td>
      <td>
        <select aria-label={`profile of ${m.name}`} value={m.profile} onChange={(e) => edit(updateModel(draft, i, { profile: e.target.value }))} title={info.text}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id} title={p.text}>
              {p.id}
            </option>
          ))}
        </select>
        <div className="profile-info" data-testid="profile-info">
          {info.text}
        </div>
      </td>
      <td>
        <NumberField label="" ariaLabel={`rate of ${m.name} (req/s)`} value={m.rate} min={0} onChange={(v) => edit(updateModel(draft, i, { rate: v }))} width="4.8em" testId={`rate-${i}`} />
      </td>
      <td>
        <NumberField label="" ariaLabel={`cv of ${m.name}`} value={m.cv} min={0} onChange={(v) => edit(updateModel(draft, i, { cv: v }))} width="3.6em" />
      </td>
      <td className="slo-cell">
        <select
          aria-label={`SLO kind of ${m.name}`}
          value={sloMode}
          onChange={(e) => {
            const lat = info.latency ?? 1;
            if (e.target.value === 'slo') edit(updateModel(draft, i, { slo: +((m.sloScale ?? 5) * lat).toFixed(4) }));
            else edit(updateModel(draft, i, { sloScale: +((m.slo ?? 5 * lat) / lat).toFixed(3) }));
          }}
        >
          <option value="sloScale" title="SLO scale: a multiple of the single-GPU latency">×L</option>
          <option value="slo" title="SLO in seconds">s</option>
        </select>
        {sloMode === 'slo' ? (
          <NumberField label="" ariaLabel={`SLO of ${m.name} (s)`} value={m.slo!} min={0} onChange={(v) => edit(updateModel(draft, i, { slo: v }))} width="4.5em" />
        ) : (
          <NumberField label="" ariaLabel={`SLO scale of ${m.name}`} value={m.sloScale!} min={0} onChange={(v) => edit(updateModel(draft, i, { sloScale: v }))} width="4em" />
        )}
      </td>
      <td className="row-actions">
        <button type="button" onClick={() => edit(duplicateModel(draft, i))} aria-label={`duplicate ${m.name}`} title="duplicate">
          copy
        </button>
        <button type="button" onClick={() => edit(removeModel(draft, i))} aria-label={`remove ${m.name}`} title="remove" disabled={draft.models.length <= 1}>
          ✕
        </button>
      </td>
    </tr>
  );
}

function AddCopies() {
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const profiles = useMemo(() => availableProfiles(draft), [draft]);
  const [profile, setProfile] = useState('bert-1.3b');
  const [count, setCount] = useState(8);
  const [total, setTotal] = useState(16);
  const [dist, setDist] = useState<'uniform' | 'power-law'>('power-law');
  const [cv, setCv] = useState(4);
  const [slo, setSlo] = useState(5);
  return (
    <details className="add-copies">
      <summary>Add N copies of a profile…</summary>
      <div className="row wrap">
        <label className="field">
          <span>profile</span>
          <select value={profile} onChange={(e) => setProfile(e.target.value)} aria-label="profile of the copies">
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="N" value={count} min={1} step={1} onChange={setCount} width="4em" testId="copies-n" />
        <NumberField label="total rate (req/s)" value={total} min={0} onChange={setTotal} width="5em" />
        <label className="field">
          <span>rates</span>
          <select value={dist} onChange={(e) => setDist(e.target.value as 'uniform' | 'power-law')} aria-label="rate distribution">
            <option value="uniform">uniform</option>
            <option value="power-law">power law (exponent 0.5)</option>
          </select>
        </label>
        <NumberField label="cv" value={cv} min={0} onChange={setCv} width="4em" />
        <NumberField label="SLO scale" value={slo} min={0} onChange={setSlo} width="4em" />
        <button type="button" onClick={() => edit(addCopies(draft, profile, Math.max(1, Math.round(count)), total, dist, cv, slo))}>
          Add {Math.max(1, Math.round(count))}
        </button>
      </div>
    </details>
  );
}

function ProfileUpload() {
  const draft = usePlanner((s) => s.draft);
  const edit = usePlanner((s) => s.edit);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  return (
    <div className="upload">
      <label className="file-button">
        Upload profiles (JSON, .pkl, TSV)
        <input
          type="file"
          accept=".json,.pkl,.pickle,.tsv,.txt,application/json"
          data-testid="profile-upload"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setStatus({ kind: 'info', text: `reading ${file.name}…` });
            const r = await importProfileFile(file);
            if (!r.ok) {
              setStatus({ kind: 'error', text: `${file.name}: ${r.message}` });
              return;
            }
            const ids = Object.keys(r.profiles);
            const profiles = { ...(draft.profiles ?? {}) };
            for (const [id, p] of Object.entries(r.profiles)) {
              profiles[id] = { ...p, provenance: { source: 'imported', file: file.name, format: r.format, ...(p.provenance ?? {}) } };
            }
            edit({ ...draft, profiles });
            setStatus({ kind: 'info', text: `${file.name}: ${ids.length} profile${ids.length === 1 ? '' : 's'} added (${ids.join(', ')})` });
          }}
        />
      </label>
      {status && (
        <p className={status.kind === 'error' ? 'error-text' : 'note'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="profile-upload-status">
          {status.text}
        </p>
      )}
    </div>
  );
}

export function ModelsPanel() {
  const draft = usePlanner((s) => s.draft);
  const issues = usePlanner((s) => s.issues);
  const edit = usePlanner((s) => s.edit);
  const total = draft.models.reduce((a, m) => a + m.rate, 0);
  return (
    <Panel title={`Models (${draft.models.length})`} id="models">
      <label className="field slider" title="scales every model's rate, keeping their proportions">
        <span>
          total rate <strong data-testid="total-rate">{total.toFixed(2)}</strong> req/s
        </span>
        <input
          type="range"
          aria-label="total rate"
          data-testid="rate-slider"
          min={0.1}
          max={Math.max(20, Math.ceil(total * 2))}
          step={0.1}
          value={total}
          onChange={(e) => {
            const v = e.target.valueAsNumber;
            if (total > 0 && v > 0) edit(scaleRates(draft, v / total));
          }}
        />
      </label>
      <div className="table-scroll">
        <table className="models">
          <thead>
            <tr>
              <th scope="col">name</th>
              <th scope="col">profile</th>
              <th scope="col">rate (req/s)</th>
              <th scope="col">cv</th>
              <th scope="col">SLO</th>
              <th scope="col">
                <span className="sr-only">actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.models.map((m, i) => (
              <ModelRow key={i} m={m} i={i} />
            ))}
          </tbody>
        </table>
      </div>
      <Issues issues={issues} prefix="models" />
      <Issues issues={issues} prefix="profiles" />
      <div className="row wrap">
        <button type="button" onClick={() => edit(addModel(draft, draft.models.at(-1)?.profile ?? 'bert-1.3b'))}>
          Add model
        </button>
        <ProfileUpload />
      </div>
      <AddCopies />
    </Panel>
  );
}
