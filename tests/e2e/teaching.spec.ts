/** Teaching mode: each step loads its scenario, veils the results until a prediction is made, then explains. */
import { expect, test } from '@playwright/test';
import { presetById } from '../../src/core/presets';
import { TEACHING_STEPS } from '../../src/ui/teaching/steps';
import { waitForRuns } from './helpers';

test('the walkthrough: predict, reveal, next', async ({ page }) => {
  await page.goto('/');
  await waitForRuns(page);
  await page.getByTestId('teaching-start').click();
  const first = TEACHING_STEPS[0];
  await expect(page.getByTestId('teaching-step')).toContainText(first.question);
  await expect(page.getByTestId('scenario-name')).toHaveText(`Scenario: ${presetById(first.preset)!.scenario.name}`);
  await expect(page.locator('body')).toHaveClass(/veiled/);
  await expect(page.locator('[data-panel=placement]').first()).toHaveClass(/highlight/);
  await expect(page.getByTestId('teaching-reveal')).toBeDisabled();
  await page.getByLabel(first.options[first.answer]).check();
  await page.getByTestId('teaching-reveal').click();
  await expect(page.getByTestId('teaching-answer')).toContainText('Right.');
  await expect(page.locator('body')).not.toHaveClass(/veiled/);
  await waitForRuns(page);
  await expect(page.getByTestId('run-sr-greedy')).toHaveAttribute('data-status', 'done');
  await page.getByTestId('teaching-next').click();
  const second = TEACHING_STEPS[1];
  await expect(page.getByTestId('teaching-step')).toContainText(second.question);
  await expect(page.getByTestId('scenario-name')).toHaveText(`Scenario: ${presetById(second.preset)!.scenario.name}`);
  await page.getByLabel(second.options[(second.answer + 1) % second.options.length]).check();
  await page.getByTestId('teaching-reveal').click();
  await expect(page.getByTestId('teaching-answer')).toContainText(`Not quite: ${second.options[second.answer]}.`);
});
