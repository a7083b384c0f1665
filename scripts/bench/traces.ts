/**
 * MAF2-format parsing as the page's upload worker does it (streamed in 1 MiB
 * slices, hashed, rows into the compact builder), here on Node's main thread:
 * throughput (MB/s) and the peak memory for a generated file of about 200 MB.
 * Target (issue 5): >= 50 MB/s in a worker on this machine.
 */
import { parseTraceFiles } from '../../src/workers/traceUpload';
import { row } from './util';

function generatedMaf2(targetBytes: number): Blob {
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

export async function benchTraces(): Promise<void> {
  console.log('\n# trace import: MAF2, streamed in slices and hashed (Node main thread standing in for the upload worker)');
  const file = generatedMaf2(200 * 2 ** 20);
  const mb = file.size / 2 ** 20;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const r = await parseTraceFiles([file], () => (peak = Math.max(peak, process.memoryUsage().rss)), { format: 'maf2' });
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (!r.ok) throw new Error(r.message);
  row('MAF2 parse + hash', `${(mb / s).toFixed(1)} MB/s`, 'target >= 50 MB/s', `${mb.toFixed(0)} MB, ${r.info.invocations.toLocaleString('en-US')} invocations in ${s.toFixed(1)} s`);
  row('peak memory above the start', `${((peak - before.rss) / 2 ** 20).toFixed(0)} MB`, '', `the file itself is ${mb.toFixed(0)} MB (held by the benchmark as a Blob); compact trace 12 B/invocation`);
}
