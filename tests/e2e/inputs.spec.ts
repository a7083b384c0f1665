/** Editing, sharing, importing and uploading in the real page (Debian Chromium). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { encodeScenarioLink } from '../../src/core/scenario/link';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { collectProblems, expectedAttainment, waitForRuns } from './helpers';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const fixture = (name: string): string => resolve(HERE, 'fixtures', name);
const reference = (name: string): string => resolve(HERE, '..', '..', '..', 'shared', 'reference', name);

test('changing a rate changes the attainment to the core\'s figure, and the link reproduces it in a fresh page', async ({ page, context }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  await waitForRuns(page);
  const before = await page.getByTestId('attainment-given').textContent();
  await page.getByLabel('rate of bert-a (req/s)').fill('6');
  const s = defaultScenario();
  s.models[0].rate = 6;
  const want = expectedAttainment(s);
  expect(want).not.toBe(before);
  await expect(page.getByTestId('attainment-given')).toHaveText(want);
  // the hash follows (debounced), and a fresh page opened on it shows the same numbers
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${encodeScenarioLink(s)}`);
  await waitForRuns(page);
  const numbers = await page.locator('[data-testid^=attainment-]').allTextContents();
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await waitForRuns(fresh);
  expect(await fresh.locator('[data-testid^=attainment-]').allTextContents()).toEqual(numbers);
  await expect(fresh.getByLabel('rate of bert-a (req/s)')).toHaveValue('6');
  expect(problems).toEqual([]);
});

test('the total-rate slider re-simulates the given placement', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const slider = page.getByTestId('rate-slider');
  await slider.fill('12');
  const s = defaultScenario();
  for (const m of s.models) m.rate *= 12 / 6;
  await expect(page.getByTestId('total-rate')).toHaveText('12.00');
  await expect(page.getByTestId('attainment-given')).toHaveText(expectedAttainment(s));
});

test('the models table fits its panel, copy and remove buttons included, with the SLO as a scale or in seconds', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const overflow = () =>
    page.evaluate(() => {
      const box = document.querySelector('table.models')!.parentElement!;
      return box.scrollWidth - box.clientWidth;
    });
  expect(await overflow()).toBe(0);
  await expect(page.getByRole('button', { name: 'remove bert-a' })).toBeInViewport({ ratio: 1 });
  await page.locator('table.models .slo-cell select').first().selectOption('slo');
  await expect(page.getByLabel('SLO of bert-a (s)')).toBeVisible();
  expect(await overflow()).toBe(0);
});

test('a corrupt, truncated or too-new link says what is wrong and keeps the scenario', async ({ page }) => {
  const s = defaultScenario();
  s.models[1].rate = 3;
  const good = encodeScenarioLink(s);
  await page.goto(`/#${good}`);
  await waitForRuns(page);
  const shown = await page.getByTestId('attainment-given').textContent();
  expect(shown).toBe(expectedAttainment(s));
  const cases: [string, RegExp][] = [
    [good.slice(0, good.length - 40), /truncated/],
    ['v1.@@@@', /corrupt/],
    [`v2.${good.slice(3)}`, /newer version of the planner/],
    ['hello', /not a planner scenario/],
  ];
  for (const [hash, message] of cases) {
    await page.evaluate((h) => (location.hash = h), hash);
    await expect(page.getByTestId('notice')).toContainText(message);
    await expect(page.getByTestId('notice')).toContainText('The current scenario is unchanged');
    await expect(page.getByTestId('attainment-given')).toHaveText(shown!);
    await expect(page.getByLabel('rate of bert-b (req/s)')).toHaveValue('3');
  }
});

test('profile uploads: JSON, the reference pickle and TSV are added with their provenance; a bad file is refused', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const upload = page.getByTestId('profile-upload');
  await upload.setInputFiles(fixture('profile.json'));
  await expect(page.getByTestId('profile-upload-status')).toHaveText('profile.json: 1 profile added (my-bert)');
  await upload.setInputFiles(reference('fixtures/profiling_result_sample.pkl'));
  await expect(page.getByTestId('profile-upload-status')).toContainText('profiling_result_sample.pkl: ');
  await expect(page.getByTestId('profile-upload-status')).toContainText('added');
  await upload.setInputFiles(fixture('profile.tsv'));
  await expect(page.getByTestId('profile-upload-status')).toHaveText('profile.tsv: 1 profile added (m1)');
  // the uploaded profile is usable at once, with where it came from
  await page.getByLabel('profile of bert-a').selectOption('my-bert');
  await expect(page.getByTestId('profile-info').first()).toContainText('4 GB, 200 ms on one GPU; imported (profile.json)');
  await upload.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"my": ') });
  await expect(page.getByTestId('profile-upload-status')).toContainText('broken.json: ');
  await expect(page.getByTestId('profile-upload-status')).toHaveClass(/error-text/);
  await expect(page.getByLabel('profile of bert-a')).toHaveValue('my-bert');
});

test('request-log uploads: a good log becomes the workload (malformed rows reported); a file of another kind is refused', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const upload = page.getByTestId('log-upload');
  await upload.setInputFiles(fixture('maf1-day.csv'));
  await expect(page.getByTestId('log-upload-status')).toContainText('maf1-day.csv: ');
  await expect(page.getByTestId('log-upload-status')).toContainText('Azure Functions');
  await expect(page.getByTestId('workload-kind')).toHaveValue('gamma');
  await upload.setInputFiles(fixture('requests.csv'));
  await expect(page.getByTestId('log-upload-status')).toContainText('requests.csv: 3,000 requests over');
  await expect(page.getByTestId('log-upload-status')).toContainText('1 malformed rows skipped (first: line 11');
  await expect(page.getByTestId('workload-kind')).toHaveValue('explicit');
  await waitForRuns(page);
  await expect(page.getByTestId('summary-given').locator('td').nth(1)).not.toHaveText('–');
});

test('import and export of the scenario file; a bad file leaves the scenario alone', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, cluster: { devices: 4 } });
  const s = defaultScenario();
  s.name = 'imported case';
  s.models[2].rate = 2.5;
  await page.getByTestId('import-json').setInputFiles({ name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  await expect(page.getByTestId('scenario-name')).toHaveText('Scenario: imported case');
  await expect(page.getByTestId('attainment-given')).toHaveText(expectedAttainment(s));
  const bad = { ...s, models: s.models.map((m, i) => (i === 3 ? { ...m, sloScale: -1 } : m)) };
  await page.getByTestId('import-json').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('notice')).toHaveText(/bad\.json: models\[3\]\.sloScale: must be > 0\. The current scenario is unchanged\./);
  await expect(page.getByTestId('scenario-name')).toHaveText('Scenario: imported case');
});

test('an invalid edit is explained next to the control and the results stay', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const shown = await page.getByTestId('attainment-given').textContent();
  await page.getByTestId('memory').fill('10');
  await expect(page.locator('[data-panel=placement] .issues')).toContainText('12.48');
  await expect(page.getByTestId('attainment-given')).toHaveText(shown!);
});

test('the last scenario, with its uploaded request log and profiles, survives a reload', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  await page.getByTestId('profile-upload').setInputFiles(fixture('profile.json'));
  await expect(page.getByTestId('profile-upload-status')).toContainText('1 profile added');
  await page.getByTestId('log-upload').setInputFiles(fixture('requests.csv'));
  await expect(page.getByTestId('workload-kind')).toHaveValue('explicit');
  await waitForRuns(page);
  const numbers = await page.locator('[data-testid^=attainment-]').allTextContents();
  // the link leaves the 3000-request log out; this browser's own copy has it
  await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(10);
  await page.reload();
  await waitForRuns(page);
  await expect(page.getByTestId('workload-kind')).toHaveValue('explicit');
  await expect(page.getByText('3,000 requests from an uploaded log')).toBeVisible();
  await expect(page.getByLabel('profile of bert-a').locator('option[value="my-bert"]')).toHaveCount(1);
  expect(await page.locator('[data-testid^=attainment-]').allTextContents()).toEqual(numbers);
});
