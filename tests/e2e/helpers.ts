/** Shared pieces of the browser tests: problem collection, the core's own numbers, formatting as the page does. */
import type { Page } from '@playwright/test';
import type { Scenario } from '../../src/core/scenario/types';
import { simulateScenario } from '../../src/core/sim/simulate';

export function collectProblems(page: Page): string[] {
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

export const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

/** The attainment the page must show for a scenario with a given placement (the same core, run in Node). */
export function expectedAttainment(s: Scenario): string {
  return pct(simulateScenario(s).attainment);
}

/** Wait until every run is done (or failed), so the numbers on the page are final. */
export async function waitForRuns(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const runs = [...document.querySelectorAll('[data-status]')];
      return runs.length > 0 && runs.every((r) => ['done', 'error', 'cancelled'].includes(r.getAttribute('data-status')!));
    },
    undefined,
    { timeout },
  );
}
