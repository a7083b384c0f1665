/**
 * The MAF2 parse benchmark's worker thread (the upload worker's work, off the
 * main thread as in the page): generates a MAF2-format file of about
 * `workerData.bytes` bytes as a Blob, then streams it through
 * parseTraceFiles (1 MiB slices, hashed, rows into the compact builder) and
 * posts the timing and the peak memory it saw.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseTraceFiles } from '../../src/workers/traceUpload';

function generatedMaf2(targetBytes: number): Blob {
  // 4,000 functions of 500 apps, invocations ~25 ms apart on average; hash-like names as in the real trace
  const parts: string[] = ['app,func,end_timestamp,duration\n'];
  let bytes = parts[0].length;
  let x = 7;
  let t = 0;
  const lines: string[] = [];
  while (bytes < targetBytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const f = x % 4000;
    t += (x % 1000) / 20000;
    const line = `app${f % 500},func${f},${(t + 0.5).toFixed(6)},${((x % 997) / 1000).toFixed(3)}\n`;
    lines.push(line);
    bytes += line.length;
    if (lines.length === 100_000) parts.push(lines.splice(0).join(''));
  }
  parts.push(lines.join(''));
  return new Blob(parts, { type: 'text/csv' });
}

const file = generatedMaf2((workerData as { bytes: number }).bytes);
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);
const t0 = performance.now();
const r = await parseTraceFiles([file], sample, { format: 'maf2' });
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
sample();
parentPort!.postMessage(
  r.ok
    ? { ok: true, bytes: file.size, seconds, invocations: r.info.invocations, peakAbove: peak - before }
    : { ok: false, message: r.message },
);
