/** Shared steps of the Measure panel's browser tests (wasm and WebGPU projects). */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { importProfileJson } from '../../src/core/profiles/importJson';
import type { Profile } from '../../src/core/profiles/types';

/** The tiny custom model of these tests: 4 layers, so pp 1, 2 and 4 are measured. */
export async function chooseTinyModel(page: Page): Promise<void> {
  await page.getByLabel('model to measure').selectOption('custom');
  await page.getByTestId('measure-hidden').fill('32');
  await page.getByTestId('measure-heads').fill('2');
  await page.getByTestId('measure-layers').fill('4');
  await page.getByTestId('measure-sequence').fill('8');
}

/** Opens the panel (keyboard: the summary is a button) and waits for the backend the worker found. */
export async function openMeasurePanel(page: Page): Promise<void> {
  await page.getByTestId('measure-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('measure-backend')).toBeVisible();
}

/** The exported JSON of the shown result: {"profiles": {id: profile}}. */
export async function exportedProfile(page: Page): Promise<{ id: string; profile: Profile }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('measure-export').click();
  const text = readFileSync((await (await download).path())!, 'utf8');
  const map = importProfileJson(text, 'the exported measurement'); // the planner's profile rules
  const [id] = Object.keys(map);
  return { id, profile: map[id] };
}
