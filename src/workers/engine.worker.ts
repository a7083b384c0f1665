/** The engine as a browser Web Worker (Comlink). */
import * as Comlink from 'comlink';
import { createEngineApi } from './engineApi';

Comlink.expose(createEngineApi(() => self.close()));
