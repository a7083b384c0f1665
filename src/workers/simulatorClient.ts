/** The page's handle on the simulator worker (type-only import keeps worker code out of the main bundle). */
import * as Comlink from 'comlink';
import type { SimulatorApi } from './simulator.worker';

let api: Comlink.Remote<SimulatorApi> | null = null;

export function simulator(): Comlink.Remote<SimulatorApi> {
  if (!api) {
    const worker = new Worker(new URL('./simulator.worker.ts', import.meta.url), { type: 'module', name: 'simulator' });
    api = Comlink.wrap<SimulatorApi>(worker);
  }
  return api;
}
