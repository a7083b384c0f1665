/** Comlink endpoint for the simulator: thin, it only calls the core. */
import * as Comlink from 'comlink';
import { runScenario } from '../core/run';

const api = { runScenario };

export type SimulatorApi = typeof api;
Comlink.expose(api);
