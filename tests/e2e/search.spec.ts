/** A long placement search in the browser's worker pool: progress, cancel; chart exports; two viewports. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { collectProblems, waitForRuns } from './helpers';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const reference = (name: string): string => resolve(HERE, '..', '..', '..', 'shared', 'reference', name);

test('a search shows its progress in the worker pool and stops on Cancel, keeping the page usable', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  await waitForRuns(page);
  // the S3-like case: 36 models on 32 GPUs, AlpaServe's search takes seconds
  await page.getByTestId('import-json').setInputFiles(reference('bench/s3like-mp-search-sep.json'));
  const run = page.getByTestId('run-mp-search-sep');
  await expect(run).toHaveAttribute('data-status', 'searching');
  await expect(page.getByTestId('run-status-mp-search-sep')).toHaveText(/searching: \d+ of \d+ candidates/);
  await expect(run.locator('progress')).toBeVisible();
  await page.getByTestId('cancel').click();
  await expect(run).toHaveAttribute('data-status', 'cancelled', { timeout: 2000 });
  await waitForRuns(page);
  // the page still works: a new scenario runs to the end
  await page.getByTestId('reset').click();
  await waitForRuns(page);
  await expect(page.getByTestId('run-given')).toHaveAttribute('data-status', 'done');
  expect(problems).toEqual([]);
});

test('every chart exports as SVG and PNG', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  for (const id of ['placement', 'attainment', 'cdf', 'timeline', 'utilisation']) {
    const chart = page.getByTestId(`${id}-chart`);
    const svgDownload = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'SVG' }).click();
    const svg = await svgDownload;
    expect(svg.suggestedFilename()).toBe(`${id}.svg`);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const pngDownload = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'PNG' }).click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toBe(`${id}.png`);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(2000);
  }
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`the page at ${size.width}x${size.height}`, async ({ page }, info) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await waitForRuns(page);
    // nothing wider than the window: no horizontal scrolling of the page
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('summary')).toBeInViewport();
    await page.screenshot({ path: info.outputPath(`planner-${size.width}x${size.height}.png`) });
    await page.screenshot({ path: info.outputPath(`planner-${size.width}x${size.height}-full.png`), fullPage: true });
  });
}
