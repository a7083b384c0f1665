/** Writes the synthetic sample traces (scripts/sampleTraces.ts) to public/samples/: npm run make-samples */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLE_TRACE_FILES } from './sampleTraces';

const dir = resolve(import.meta.dirname, '..', 'public', 'samples');
mkdirSync(dir, { recursive: true });
for (const s of SAMPLE_TRACE_FILES) {
  const text = s.text();
  writeFileSync(resolve(dir, s.file), text);
  console.log(`wrote public/samples/${s.file} (${(text.length / 1024).toFixed(0)} KiB, ${s.format.toUpperCase()}, synthetic)`);
}
