/**
 * MAF2-format parsing as the page's upload worker does it (streamed in 1 MiB
 * slices, hashed, rows into the compact builder), in a worker thread:
 * throughput (MB/s) and the peak memory for a generated file of about 200 MB.
 * Target (issue 5): >= 50 MB/s in a worker on this machine.
 */
import { Worker } from 'node:worker_threads';
import { tsxWorkerBootstrap } from '../../src/pool/node';
import { row } from './util';

interface Outcome {
  ok: boolean;
  message?: string;
  bytes: number;
  seconds: number;
  invocations: number;
  peakAbove: number;
}

function runWorker(bytes: number): Promise<Outcome> {
  const url = new URL('./traceParse.worker.ts', import.meta.url).href;
  const worker = new Worker(tsxWorkerBootstrap(url), { eval: true, workerData: { bytes }});
  return new Promise((resolve, reject) => {
    worker.once('message', (m: Outcome) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

export async function benchTraces(): Promise<void> {
  console.log('\n# trace import: MAF2, streamed in slices and hashed, in a worker thread (as the page\'s upload worker)');
  const r = await runWorker(200 * 2 ** 20);
  if (!r.ok) throw new Error(r.message);
  const mb = r.bytes / 2 ** 20;
  row('MAF2 parse + hash', `${(mb / r.seconds).toFixed(1)} MB/s`, 'target >= 50 MB/s', `${mb.toFixed(0)} MB, ${r.invocations.toLocaleString('en-US')} invocations in ${r.seconds.toFixed(1)} s`);
  row(
    'peak memory above the start',
    `${(r.peakAbove / 2 ** 20).toFixed(0)} MB`,
    '',
    `the file itself is ${mb.toFixed(0)} MB (a Blob the worker holds); compact trace 12 B/invocation`,
  );
}
