/**
 * The engine pool on Node worker_threads (CLI, benchmarks, tests). Workers
 * load the TypeScript sources through tsx, as the CLI itself does (about
 * 0.3 s to start a worker).
 */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineApi } from '../workers/engineApi';
import { EnginePool, failureReporter, type EngineWorker, type PoolOptions } from './enginePool';

const WORKER_URL = new URL('../workers/engine.node-worker.ts', import.meta.url).href;

/**
 * Node 20 does not apply `--import tsx` given in a worker's execArgv to the
 * worker's own entry, so the worker starts from a two-line bootstrap that
 * registers tsx's ESM hooks (its ESM api build: the CJS one resolves its
 * hooks relative to the caller) and then imports the TypeScript entry.
 */
export function tsxWorkerBootstrap(entryUrl: string): string {
  const tsxPackage = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = new URL('dist/esm/api/index.mjs', tsxPackage).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entryUrl)}); });`;
}

export function spawnNodeEngine(): EngineWorker {
  const worker = new Worker(tsxWorkerBootstrap(WORKER_URL), { eval: true });
  const report = failureReporter();
  worker.on('error', (e) => report.fail(e.message));
  worker.on('exit', (code) => report.fail(`exited with code ${code}`));
  return {
    api: Comlink.wrap<EngineApi>(nodeEndpoint(worker)),
    onFailure: report.onFailure,
    terminate: () => {
      report.silence();
      void worker.terminate();
    },
  };
}

/** A pool of `size` worker threads (default: the machine's parallelism). */
export function createNodePool(size = availableParallelism(), options: PoolOptions = {}): EnginePool {
  return new EnginePool(spawnNodeEngine, size, options);
}
