/** A sweep in the page: points from the worker pool equal the core's single runs; Cancel; CSV export; the link carries it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { planScenario } from '../../src/core/plan';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { sweepPointScenario } from '../../src/core/sweep';
import { collectProblems, waitForRuns } from './helpers';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const reference = (name: string): string => resolve(HERE, '..', '..', '..', 'shared', 'reference', name);

test('a small sweep over GPUs: every point is the core\'s own figure, the crossing is stated, CSV exports', async ({ page, context }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  await waitForRuns(page);
  // before any sweep the chart's place says what to do, not that results are coming
  await expect(page.getByTestId('sweep-chart')).toContainText('Run the sweep to draw attainment against the value');
  await page.getByTestId('sweep-values').fill('2, 4');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveText('6 points', { timeout: 60_000 });
  await expect(page.locator('[data-testid=sweep-chart] circle.sweep-point')).toHaveCount(6);
  await expect(page.getByTestId('sweep-summary')).toContainText('99 %');
  const download = page.waitForEvent('download');
  await page.getByTestId('sweep-csv').click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('policy,var,value,attainment');
  expect(csv).toHaveLength(7);
  for (const line of csv.slice(1)) {
    const [policy, variable, value, attainment] = line.split(',');
    expect(variable).toBe('devices');
    expect(Number(attainment)).toBe(planScenario(sweepPointScenario(defaultScenario(), 'devices', Number(value), policy)).attainment);
  }
  // the sweep's definition travels in the link
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe('');
  await page.waitForTimeout(500);
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('sweep-run')).toHaveText('Run sweep (6 points)');
  expect(problems).toEqual([]);
});

test('a long sweep is cancelled and says how far it got', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  await page.getByTestId('import-json').setInputFiles(reference('bench/s3like-mp-search-sep.json'));
  await page.getByTestId('sweep-values').fill('16, 24, 32');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toContainText('of 9 points');
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-status')).toHaveText(/^cancelled after \d of 9 points$/, { timeout: 5000 });
  await expect(page.getByTestId('sweep-run')).toBeEnabled();
});

test('extra seeds draw bands (min-max over seeds)', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  await page.getByTestId('sweep-values').fill('3, 4');
  await page.getByTestId('sweep-seeds').fill('1, 2');
  await expect(page.getByTestId('sweep-run')).toHaveText('Run sweep (18 points)');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveText('18 points', { timeout: 60_000 });
  await expect(page.locator('[data-testid=sweep-chart] path.band').first()).toBeAttached();
  await expect(page.locator('[data-testid=sweep-chart] circle.sweep-point')).toHaveCount(6);
});
