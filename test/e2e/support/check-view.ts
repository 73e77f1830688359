import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.ts';
import { hardCodedStrings } from './hard-coded-strings.ts';

/**
 * One view in the pseudo-locale: only words from the catalogs, and axe-clean in light and in
 * dark. Its screenshots go to test-results/<folder>/ for a person to look at.
 */
export async function checkView(page: Page, view: string, folder: string): Promise<void> {
  expect(await hardCodedStrings(page), `words not from a catalog on ${view}`).toEqual([]);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/${folder}/${view.replaceAll(/\W+/g, '-')}-${colorScheme}.png` });
    await expectAccessible(page, `${view}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
