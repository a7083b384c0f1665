/** The engine pool on Web Workers (the page): one worker per hardware thread by default. */
import * as Comlink from 'comlink';
import type { EngineApi } from '../workers/engineApi';
import { EnginePool, failureReporter, type EngineWorker, type PoolOptions } from './enginePool';

export function spawnBrowserEngine(): EngineWorker {
  const worker = new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const report = failureReporter();
  worker.addEventListener('error', (e) => report.fail(e.message || 'worker error'));
  worker.addEventListener('messageerror', () => report.fail('a message could not be read'));
  return {
    api: Comlink.wrap<EngineApi>(worker),
    onFailure: report.onFailure,
    terminate: () => {
      report.silence();
      worker.terminate();
    },
  };
}

export function defaultPoolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Math.max(1, Math.min(n || 2, 8));
}

/** Searches on `size` workers, plus one worker that only simulates (see PoolOptions.dedicatedSimulator). */
export function createBrowserPool(size = defaultPoolSize(), options: PoolOptions = {}): EnginePool {
  return new EnginePool(spawnBrowserEngine, size, { dedicatedSimulator: true, ...options });
}
