import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility.ts';

/** Screenshots of each state, for people to look at (not compared by the test); axe checks each one. */
export const shotDirectory = process.env.FILE_BROWSER_SHOTS ?? '/tmp/file-browser-shots';

/** Takes `<prefix><name>.png` and runs axe on the page as it is. */
export const shooter =
  (prefix = '') =>
  async (page: Page, name: string): Promise<void> => {
    await page.screenshot({ path: `${shotDirectory}/${prefix}${name}.png` });
    await expectAccessible(page, name);
  };

/** The file list's rows, without its column header. */
export const rows = (page: Page) =>
  page
    .getByRole('grid')
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });
export const row = (page: Page, name: string) => rows(page).filter({ hasText: name });
