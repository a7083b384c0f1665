/**
 * Azure Functions traces in the page: upload a generated MAF2 trace, replay a window of it, see the runs with the
 * core's own numbers; the trace survives a reload (IndexedDB); a shared link opened in a fresh browser (no store)
 * says the trace is missing, and uploading the same file gives the same numbers.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeScenarioLink } from '../../src/core/scenario/link';
import type { Scenario } from '../../src/core/scenario/types';
import { parseMaf2 } from '../../src/core/workload/trace';
import { registerTrace } from '../../src/core/workload/trace/loaded';
import { collectProblems, expectedAttainment, waitForRuns } from './helpers';

/** A MAF2 invocation trace: 8 functions over 25 minutes, bursty (a deterministic LCG), and one malformed row. */
function maf2Trace(): Buffer {
  const rows = ['app,func,end_timestamp,duration'];
  let x = 20210131;
  const rand = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let f = 0; f < 8; f++) {
    for (let t = 0; ; ) {
      t += rand() < 0.3 ? rand() * 0.2 : rand() * (1.5 + f * 0.4);
      if (t >= 1500) break;
      rows.push(`app${f % 3},func-${f},${(t + 0.0625).toFixed(4)},0.0625`);
    }
    if (f === 3) rows.push('app0,func-3,oops,0.5');
  }
  return Buffer.from(rows.join('\n') + '\n');
}

const FILE = { name: 'tiny-maf2.txt', mimeType: 'text/plain', buffer: maf2Trace() };
const SHA = createHash('sha256').update(FILE.buffer).digest('hex');
const MALFORMED_LINE = FILE.buffer.toString().split('\n').indexOf('app0,func-3,oops,0.5') + 1;

/** The scenario in the page's link (written after each edit, debounced). */
async function linkedScenario(page: Page): Promise<Scenario> {
  const hash = await page.evaluate(() => location.hash);
  const r = decodeScenarioLink(hash.slice(1));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

const attainments = (page: Page): Promise<string[]> => page.locator('td[data-testid^=attainment-]').allTextContents();

test('a MAF2 trace: upload, replay a window, reload, and a shared link in a browser without the trace', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const problems = collectProblems(page);
  await page.goto('/');
  await waitForRuns(page);

  await page.getByTestId('trace-upload').setInputFiles(FILE);
  const status = page.getByTestId('trace-upload-status');
  await expect(status).toContainText('tiny-maf2.txt: MAF2, 8 functions, ');
  await expect(status).toContainText(`1 malformed rows skipped (first: line ${MALFORMED_LINE}: end_timestamp "oops" is not a finite number)`);
  await expect(page.getByTestId('trace-entry')).toHaveCount(1);
  await expect(page.getByTestId('trace-entry')).toContainText('tiny-maf2.txt');
  // the upload becomes the workload
  await expect(page.getByTestId('workload-kind')).toHaveValue('trace');
  await expect(page.getByTestId('trace-replaying')).toContainText(`sha256 ${SHA.slice(0, 12)}`);

  // a window: the first 20 minutes, one fitted Gamma process per 5 minutes
  await page.getByTestId('trace-start').fill('0.0.0');
  await page.getByTestId('trace-end').fill('0.0.20');
  await page.getByTestId('trace-interval').fill('300');
  // an invalid value is explained inline and the last valid scenario keeps running
  await page.getByTestId('trace-end').fill('0.0.0');
  await expect(page.locator('[data-testid=trace-settings] .issues')).toContainText('must be after "start" (the window is empty)');
  await page.getByTestId('trace-end').fill('0.0.20');
  await expect(page.locator('[data-testid=trace-settings] .issues')).toHaveCount(0);

  await expect.poll(async () => JSON.stringify((await linkedScenario(page)).workload)).toContain('"interval":300');
  await waitForRuns(page);
  for (const id of ['given', 'sr-greedy', 'clockwork++', 'alpaserve']) await expect(page.getByTestId(`run-${id}`)).toHaveAttribute('data-status', 'done');
  const s = await linkedScenario(page);
  expect(s.workload).toMatchObject({ kind: 'trace', format: 'maf2', source: { name: 'tiny-maf2.txt', sha256: SHA }, start: '0.0.0', end: '0.0.20', interval: 300 });
  // the page's figure is the core's on the same replay
  registerTrace('tiny-maf2.txt', SHA, parseMaf2(FILE.buffer.toString()));
  await expect(page.getByTestId('attainment-given')).toHaveText(expectedAttainment(s));
  const numbers = await attainments(page);
  expect(numbers).toHaveLength(4);
  for (const n of numbers) expect(n).toMatch(/^\d+\.\d\d %$/);
  await page.locator('[data-panel=workload]').screenshot({ path: info.outputPath('workload-trace.png') });

  // reload: the trace is still stored, and the runs give the same numbers
  await page.reload();
  await expect(page.getByTestId('trace-entry')).toHaveCount(1);
  await waitForRuns(page);
  await expect(page.getByTestId('run-given')).toHaveAttribute('data-status', 'done');
  expect(await attainments(page)).toEqual(numbers);
  expect(problems).toEqual([]);

  // the shared link in a fresh browser (an empty IndexedDB)
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherProblems = collectProblems(other);
  await other.goto(page.url());
  const missing = other.getByTestId('missing-trace');
  await expect(missing).toContainText(`This scenario replays the trace “tiny-maf2.txt” (sha256 ${SHA.slice(0, 12)}…), which this browser does not have: upload it`);
  await waitForRuns(other);
  await other.locator('[data-panel=workload]').screenshot({ path: info.outputPath('workload-missing-trace.png') });
  await expect(other.getByTestId('run-status-given')).toContainText('which this browser does not have: upload it in the Workload panel');
  await other.getByTestId('missing-trace-upload').setInputFiles(FILE);
  await expect(other.getByTestId('missing-trace')).toHaveCount(0);
  await expect(other.getByTestId('trace-entry')).toContainText('tiny-maf2.txt');
  await expect(other.getByTestId('run-given')).toHaveAttribute('data-status', 'done');
  await waitForRuns(other);
  expect(await attainments(other)).toEqual(numbers);
  expect(otherProblems).toEqual([]);
  await fresh.close();
});

/** A MAF1 day file: 12 functions, invocations in the first two hours of the day. */
function maf1Day(day: number): { name: string; mimeType: string; buffer: Buffer } {
  const header = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => String(i + 1))];
  const lines = [header.join(',')];
  for (let f = 0; f < 12; f++) {
    const counts = Array.from({ length: 1440 }, (_, m) => (m < 120 ? ((f * 7 + m * 13 + day) % 40) + (m % 17 === f ? 200 : 0) : 0));
    lines.push(['owner', `app${f % 4}`, `fn-${day % 2 ? 11 - f : f}`, 'http', ...counts].join(','));
  }
  return { name: `invocations_per_function_md.anon.d0${day}.csv`, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

test('MAF1: two day files at once become one trace; the paper preset replays it', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const days = [maf1Day(2), maf1Day(1)];
  await page.getByTestId('trace-upload').setInputFiles(days);
  await expect(page.getByTestId('trace-upload-status')).toContainText('invocations_per_function_md.anon.d01.csv + 1 more day file: MAF1, 12 functions, ');
  const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
  await expect(page.getByTestId('trace-replaying')).toContainText(sha(sha(days[1].buffer) + sha(days[0].buffer)).slice(0, 12));
  await expect(page.getByTestId('trace-entry')).toContainText('0.0.0–1.2.0');
  await page.getByTestId('preset-maf1-paper').click();
  await expect(page.getByTestId('trace-end')).toHaveValue('0.1.0');
  await expect(page.getByTestId('trace-cv-scale')).toHaveValue('4');
  // these synthetic counts are small: scale them down less than the paper's 0.002
  await page.getByTestId('trace-rate-scale').fill('0.01');
  await expect.poll(async () => (await linkedScenario(page)).workload).toMatchObject({ format: 'maf1', start: '0.0.0', end: '0.1.0', rateScale: 0.01, cvScale: 4 });
  await waitForRuns(page);
  await expect(page.getByTestId('run-given')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('attainment-given')).toHaveText(/^\d+\.\d\d %$/);
});

test('a file of the wrong kind is refused with what was expected; Cancel stops a long upload', async ({ page }, info) => {
  await page.goto('/');
  await waitForRuns(page);
  const upload = page.getByTestId('trace-upload');
  await upload.setInputFiles({ name: 'log.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,model\n1,bert-a\n') });
  const status = page.getByTestId('trace-upload-status');
  await expect(status).toContainText('log.csv: expected Azure Functions 2019 (MAF1) per-minute day files');
  await expect(status).toContainText('this looks like a request log');
  await expect(status).toHaveClass(/error-text/);
  await expect(page.getByTestId('workload-kind')).toHaveValue('gamma');
  // a large file (about 100 MB): Cancel while it is read
  const big = info.outputPath('big.txt');
  mkdirSync(dirname(big), { recursive: true });
  const fd = openSync(big, 'w');
  writeSync(fd, 'app,func,end_timestamp,duration\n');
  for (let k = 0; k < 100; k++) {
    const rows: string[] = [];
    for (let i = k * 30000; i < (k + 1) * 30000; i++) rows.push(`app,func-${i % 50},${(i * 0.01).toFixed(3)},0.001\n`);
    writeSync(fd, rows.join(''));
  }
  closeSync(fd);
  await upload.setInputFiles(big);
  await page.getByTestId('trace-upload-cancel').click();
  await expect(status).toHaveText('big.txt: cancelled; nothing was added');
  await expect(page.getByText('No traces stored in this browser yet.')).toBeVisible();
  rmSync(big);
});

test('synthetic samples: one click loads and replays a sample; the trace viewer shows it; the sliders drive the planner', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems = collectProblems(page);
  await page.goto('/');
  await waitForRuns(page);
  await expect(page.getByTestId('trace-viewer')).toHaveCount(0); // no trace: no viewer

  await page.getByTestId('sample-maf2-sample').click();
  await expect(page.getByTestId('trace-samples-status')).toContainText('synthetic.AzureFunctionsInvocationTrace.1h.txt: MAF2 (synthetic sample), 40 functions, 10,027 invocations');
  await expect(page.getByTestId('trace-entry')).toContainText('synthetic sample');
  await expect(page.getByTestId('trace-replaying')).toContainText('a synthetic sample, not real traffic');
  await expect.poll(async () => (await linkedScenario(page)).workload).toMatchObject({ format: 'maf2', start: '0.0.0', end: '0.1.0', interval: 600, rateScale: 3, cvScale: 1 });
  await waitForRuns(page);

  // the viewer: the trace's 10,027 invocations, the replay's requests, rate and cv charts
  const summary = page.getByTestId('trace-view-summary');
  await expect(summary).toContainText('Window of 60 min: 10,027 invocations in the trace');
  await expect(summary).toContainText('one fitted process per 10 min window; bins of 30 s');
  const replayed = async (): Promise<number> => Number((/([\d,]+) requests\s+replayed/.exec((await summary.textContent()) ?? '')?.[1] ?? 'NaN').replace(/,/g, ''));
  const before = await replayed();
  expect(before).toBeGreaterThan(2.4 * 10027);
  expect(before).toBeLessThan(3.6 * 10027);
  await expect(page.locator('[data-testid=trace-rate-chart] path.trace-after')).toHaveCount(1); // all models together
  await expect(page.locator('[data-testid=trace-rate-chart] path.trace-before')).toHaveCount(1);
  await page.getByTestId('trace-view-models').selectOption('each');
  await expect(page.locator('[data-testid=trace-rate-chart] path.trace-after')).toHaveCount(4);
  // (horizontal lines have no height: Playwright calls them hidden, so they are counted)
  await expect.poll(() => page.locator('[data-testid=trace-cv-chart] line.cv-before').count()).toBeGreaterThanOrEqual(20);
  const cvAfter = await page.locator('[data-testid=trace-cv-chart] line.cv-after').count();
  expect(cvAfter).toBeGreaterThanOrEqual(20); // 4 models x 6 windows, a few may lack a process
  await page.getByTestId('trace-viewer').screenshot({ path: info.outputPath('trace-viewer.png') });

  // the rate-scale slider (keyboard): the scenario, the replay and the attainment follow
  const attainment = await page.getByTestId('attainment-given').textContent();
  const slider = page.getByTestId('trace-rate-slider');
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await linkedScenario(page)).workload.kind === 'trace' && ((await linkedScenario(page)).workload as { rateScale: number }).rateScale).toBeGreaterThan(5);
  await waitForRuns(page);
  await expect.poll(replayed).toBeGreaterThan(before * 1.5);
  await expect(page.getByTestId('attainment-given')).not.toHaveText(attainment!);
  // the cv slider
  await page.getByTestId('trace-cv-slider').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => ((await linkedScenario(page)).workload as { cvScale: number }).cvScale).toBeGreaterThan(1.5);

  // the MAF1 sample: cv set, not fitted
  await page.getByTestId('sample-maf1-sample').click();
  await expect(page.getByTestId('trace-samples-status')).toContainText('MAF1 (synthetic sample), 64 functions');
  await expect.poll(async () => (await linkedScenario(page)).workload).toMatchObject({ format: 'maf1', start: '0.9.0', end: '0.11.0', cvScale: 4, rateScale: 1 });
  await waitForRuns(page);
  await expect(page.getByTestId('trace-view-summary')).toContainText('Window of 2 h');
  await expect(page.locator('[data-testid=trace-cv-chart]')).toContainText('the cv is set (the cv field), not fitted');
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(2);
  expect(problems).toEqual([]);
});
