/** What the measure worker answers (types only: shared by the worker and the page's client). */
import type { BackendInfo } from '../gpu/backend';
import type { MeasureProgress } from '../gpu/measure';
import type { MeasureModelRequest, MeasureOutcome } from '../gpu/measureModel';

export type BackendChoice = 'auto' | 'wasm';

export type MeasureReply = ({ ok: true } & MeasureOutcome) | { ok: false; message: string };

export interface MeasureWorkerApi {
  /** The backend a measurement would use: WebGPU when there is an adapter (unless `choice` is 'wasm'), else wasm. */
  detect(choice: BackendChoice): Promise<BackendInfo>;
  /** Measures on the backend `detect(choice)` gives; never rejects (failures are { ok: false }). */
  measure(req: MeasureModelRequest, choice: BackendChoice, onProgress: (p: MeasureProgress) => void): Promise<MeasureReply>;
}
