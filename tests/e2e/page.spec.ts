/** The planner page in Debian Chromium: the default scenario, all runs, every view, with the core's own numbers. */
import { expect, test } from '@playwright/test';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { collectProblems, expectedAttainment, waitForRuns } from './helpers';

test('the default scenario: its placement and the three compared policies, simulated in workers, every view drawn', async ({ page }, info) => {
  const problems = collectProblems(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'AlpaServe Planner' })).toBeVisible();
  await waitForRuns(page);
  await expect(page.getByTestId('attainment-given')).toHaveText(expectedAttainment(defaultScenario()));
  for (const id of ['sr-greedy', 'clockwork++', 'alpaserve']) {
    await expect(page.getByTestId(`run-${id}`)).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId(`attainment-${id}`)).toHaveText(/^\d+\.\d\d %$/);
  }
  // one candidate is "1 candidate" (sr-greedy has one; the others more)
  await expect(page.getByTestId('run-status-sr-greedy')).toHaveText(/^placed by sr-greedy: 1 candidate in \d+\.\d\d s on \d+ workers?$/);
  await expect(page.getByTestId('run-status-alpaserve')).toHaveText(/^placed by mp-search-sep: \d+ candidates in /);
  // every view shows the four runs
  await expect(page.locator('[data-testid=placement-chart] g.group')).not.toHaveCount(0);
  await expect(page.locator('[data-testid=attainment-chart] rect.bar')).toHaveCount(4 * 5);
  await expect(page.locator('[data-testid=cdf-chart] path.cdf')).toHaveCount(4);
  await expect(page.locator('[data-testid=timeline-chart] rect.busy').first()).toBeVisible();
  await expect(page.locator('[data-testid=utilisation-chart] rect.util')).not.toHaveCount(0);
  await expect(page.getByTestId('provenance')).toContainText('bert-6.7b (paper Table 1 + modelled configs)');
  expect(workers.some((u) => u.includes('engine'))).toBe(true);
  expect(problems).toEqual([]);
  await page.screenshot({ path: info.outputPath('default-1280x800.png'), fullPage: true });
});

test('the timeline zooms and pans from the keyboard and with its buttons', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  const ticks = (): Promise<string[]> => page.locator('[data-testid=timeline-chart] g.x-axis .tick text').allTextContents();
  const whole = await ticks();
  expect(whole.length).toBeGreaterThan(2);
  const chart = page.locator('[data-testid=timeline-chart] svg.chart-svg');
  await chart.focus();
  await expect(chart).toBeFocused();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(ticks).not.toEqual(whole);
  const zoomed = await ticks();
  // zoomed in around the middle: the first tick is later, the last earlier
  expect(Number(zoomed[0])).toBeGreaterThan(Number(whole[0]));
  expect(Number(zoomed.at(-1))).toBeLessThan(Number(whole.at(-1)));
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number((await ticks())[0])).toBeGreaterThan(Number(zoomed[0]));
  await page.keyboard.press('0');
  await expect.poll(ticks).toEqual(whole);
  await page.getByTestId('timeline-zoom-in').click();
  await expect.poll(ticks).not.toEqual(whole);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(ticks).toEqual(whole);
});
