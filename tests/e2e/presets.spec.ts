/** Presets in the page: the paper's Fig. 2 loads with its text and our number; its link brings both back. */
import { expect, test } from '@playwright/test';
import { presetById } from '../../src/core/presets';
import { expectedAttainment, waitForRuns } from './helpers';

test('a preset loads its scenario and says what it reproduces; a shared link of it keeps the text', async ({ page, context }) => {
  await page.goto('/');
  await waitForRuns(page);
  await page.getByTestId('preset').selectOption('fig2-poisson');
  const preset = presetById('fig2-poisson')!;
  await expect(page.getByTestId('preset-text')).toContainText(preset.reproduces);
  await expect(page.getByTestId('preset-text')).toContainText(preset.ours);
  await waitForRuns(page);
  await expect(page.getByTestId('attainment-given')).toHaveText(expectedAttainment(preset.scenario));
  await page.waitForTimeout(500); // the hash is written after a short debounce
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('preset-text')).toContainText(preset.reproduces);
  // a sweep preset brings its sweep
  await page.getByTestId('preset').selectOption('sec32-alpha');
  const sweep = presetById('sec32-alpha')!.sweep!;
  await expect(page.getByTestId('sweep-run')).toHaveText(`Run sweep (${sweep.values.length * sweep.policies.length} points)`);
  await expect(page.getByTestId('sweep-values')).toHaveValue(sweep.values.join(', '));
});

test('the M/D/1 preset draws the section 3.4 curves with simulated points', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  await page.getByTestId('preset').selectOption('md1-queueing');
  const md1 = presetById('md1-queueing')!.md1!;
  await expect(page.locator('[data-testid=md1-chart] path.md1-curve')).toHaveCount(2);
  await expect(page.locator('[data-testid=md1-chart] circle.md1-point')).toHaveCount(2 * md1.utilisations.length, { timeout: 60_000 });
  await expect(page.locator('[data-testid=md1-limits-chart] path.overhead-limit')).toHaveCount(2);
});

test('every preset opens from its link with its text and runs', async ({ page }) => {
  test.setTimeout(240_000);
  const { PRESETS } = await import('../../src/core/presets');
  const { encodeScenarioLink } = await import('../../src/core/scenario/link');
  for (const p of PRESETS) {
    await page.goto(`/#${encodeScenarioLink(p.scenario)}`);
    await expect(page.getByTestId('preset-text'), p.id).toContainText(p.reproduces);
    await expect(page.getByTestId('run-given').or(page.getByTestId(`run-${p.scenario.policy?.name}`)).first()).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  }
});
