/** Cluster: devices, memory per GPU, GPUs per node. */
import { usePlanner } from '../../state/store';
import { Issues, NumberField, Panel } from './fields';

export function ClusterPanel() {
  const draft = usePlanner((s) => s.draft);
  const issues = usePlanner((s) => s.issues);
  const edit = usePlanner((s) => s.edit);
  const c = draft.cluster;
  const set = (patch: Partial<typeof c>): void => edit({ ...draft, cluster: { ...c, ...patch } });
  return (
    <Panel title="Cluster" id="cluster">
      <div className="row">
        <NumberField label="GPUs" value={c.devices} min={1} step={1} onChange={(v) => set({ devices: v })} testId="devices" />
        <NumberField label="memory per GPU (GB)" value={c.memoryGB} min={0.1} onChange={(v) => set({ memoryGB: v })} testId="memory" hint="weight memory budget per GPU, GB = 2^30 bytes" />
        <NumberField label="GPUs per node" value={c.devicesPerNode ?? 8} min={1} step={1} onChange={(v) => set({ devicesPerNode: v })} testId="per-node" />
      </div>
      <Issues issues={issues} prefix="cluster" />
    </Panel>
  );
}
