import { expect, test, type Page } from '@playwright/test';
import { defaultScenario } from '../../src/core/scenario/defaults';
import { simulateScenario } from '../../src/core/sim/simulate';

function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`[pageerror] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`[console] ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`[http ${r.status()}] ${r.url()}`);
  });
  return problems;
}

test('the page shows the default scenario simulated in a Web Worker, with the numbers of the core', async ({ page }, info) => {
  const problems = collectProblems(page);
  const expected = simulateScenario(defaultScenario()); // the same core, run here in Node
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'AlpaServe Planner' })).toBeVisible();
  await expect(page.getByTestId('status')).toContainText('Simulated');
  await expect(page.getByTestId('attainment')).toHaveText(`${(expected.attainment * 100).toFixed(2)} %`);
  const rows = page.getByTestId('per-model').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (const [name, m] of Object.entries(expected.perModel)) {
    const row = rows.filter({ hasText: name });
    await expect(row.locator('td').nth(0)).toHaveText(String(m.requests));
    await expect(row.locator('td').nth(1)).toHaveText(String(m.good));
  }
  await expect(page.locator('[data-testid=attainment-chart] rect.bar')).toHaveCount(4);
  expect(workers.some((u) => u.includes('simulator'))).toBe(true);
  expect(problems).toEqual([]);
  await page.screenshot({ path: info.outputPath('default-scenario.png'), fullPage: true });
});
