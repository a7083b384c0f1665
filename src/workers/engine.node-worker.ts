/** The engine as a Node worker thread (Comlink over worker_threads' parentPort). */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createEngineApi } from './engineApi';

if (!parentPort) throw new Error('engine.node-worker must run as a worker thread');
Comlink.expose(createEngineApi((code) => process.exit(code)), nodeEndpoint(parentPort));
