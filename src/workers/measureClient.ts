/**
 * The page's handle on the measure worker: created on first use (when the
 * Measure panel opens), terminated to cancel a measurement at once (a single
 * run of a big model can take seconds), replaced by a fresh one afterwards.
 * Calls never reject: a crashed worker is an { ok: false } reply.
 */
import * as Comlink from 'comlink';
import type { BackendInfo } from '../gpu/backend';
import type { MeasureProgress } from '../gpu/measure';
import type { MeasureModelRequest } from '../gpu/measureModel';
import { failureReporter } from '../pool/failures';
import type { BackendChoice, MeasureReply, MeasureWorkerApi } from './measureApi';

export type { BackendChoice, MeasureReply };

interface Handle {
  worker: Worker;
  api: Comlink.Remote<MeasureWorkerApi>;
  /** settles when the worker dies (error event) or is terminated */
  failed: Promise<string>;
  terminate: (reason: string) => void;
}

let current: Handle | null = null;

function spawn(): Handle {
  const worker = new Worker(new URL('./measure.worker.ts', import.meta.url), { type: 'module', name: 'measure' });
  const report = failureReporter();
  const failed = new Promise<string>((resolve) => report.onFailure(resolve));
  worker.addEventListener('error', (e) => report.fail(e.message || 'the measure worker failed to load or crashed'));
  worker.addEventListener('messageerror', () => report.fail('a message from the measure worker could not be read'));
  return {
    worker,
    api: Comlink.wrap<MeasureWorkerApi>(worker),
    failed,
    terminate: (reason) => {
      report.fail(reason);
      worker.terminate();
    },
  };
}

function handle(): Handle {
  if (!current) current = spawn();
  return current;
}

/** The backend a measurement would use; rejects with a readable Error when the worker cannot start. */
export async function detectBackend(choice: BackendChoice): Promise<BackendInfo> {
  const h = handle();
  const r = await Promise.race([h.api.detect(choice), h.failed.then((reason) => Promise.reject(new Error(reason)))]);
  return r;
}

/** Measures in the worker. `signal` cancels: the worker is terminated and the reply is { ok: false, message: 'cancelled' }. */
export async function measureInWorker(
  req: MeasureModelRequest,
  choice: BackendChoice,
  onProgress: (p: MeasureProgress) => void,
  signal?: AbortSignal,
): Promise<MeasureReply> {
  const h = handle();
  const onAbort = (): void => {
    if (current === h) current = null;
    h.terminate('cancelled');
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([
      h.api.measure(req, choice, Comlink.proxy(onProgress)),
      h.failed.then((reason): MeasureReply => {
        if (current === h) current = null;
        return { ok: false, message: reason === 'cancelled' ? 'cancelled' : `the measure worker stopped: ${reason}` };
      }),
    ]);
  } catch (e) {
    return { ok: false, message: `the measure worker failed: ${(e as Error)?.message ?? String(e)}` };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Ends the worker (the panel was closed for good); the next call starts a new one. */
export function disposeMeasureWorker(): void {
  current?.terminate('closed');
  current = null;
}
