/**
 * Every view and state the journeys reach, once in the pseudo-locale: each must show only
 * words from the catalogs (test/e2e/support/hard-coded-strings.ts), and axe must find no WCAG
 * 2.0/2.1 A or AA violation in it, in light and in dark. Screenshots go to test-results/ for a
 * person to look at. The views of the file actions (grid, share, versions, viewer, trash,
 * selection, editing) are in every-view-file-actions.spec.ts.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './sandbox-fixtures.ts';
import { checkView } from './support/check-view.ts';
import { usePseudoLocale } from './support/hard-coded-strings.ts';

/** Two cores shared by several engineers: give each step time. */
const expect = baseExpect.configure({ timeout: 15_000 });
const uploads: string[] = [];
test.use({
  demoContent: true,
  dialogs: { chooseFilesToUpload: () => Promise.resolve([...uploads]) },
});

const check = (page: Page, view: string) => checkView(page, view, 'every-view');

test('pseudo-locale and axe across the views: signed out, signing in, files, menus, dialogs, search, 10,000 items, transfers, settings', async ({
  page,
  world,
}) => {
  test.setTimeout(480_000);
  await usePseudoLocale(page);
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(world.harness.url);
  const signIn = page.getByRole('button', { name: /Sign in/ });
  await expect(signIn).toContainText('⟦');
  await check(page, 'signed out');

  await signIn.click();
  await expect(page.getByRole('heading', { name: /Finish signing in/ })).toBeVisible();
  await check(page, 'signing in');
  await world.completeSignIn('alice');

  const grid = page.getByTestId('file-list-body');
  const row = (name: string | RegExp) => grid.getByRole('row', { name });
  await expect(row(/Budget 2027\.xlsx/)).toBeVisible({ timeout: 30_000 });
  await check(page, 'file list');

  await row(/Budget 2027\.xlsx/).click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await check(page, 'item menu');
  await page.getByRole('menuitem', { name: /Details/ }).click();
  const details = page.getByRole('dialog', { name: 'Budget 2027.xlsx' });
  await expect(details.getByText('Alice', { exact: false })).toBeVisible();
  await check(page, 'details dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /New folder/ }).click();
  const newFolder = page.getByRole('dialog', { name: /New folder/ });
  await newFolder.getByRole('textbox').fill('a/b');
  await expect(newFolder.getByRole('alert')).toBeVisible();
  await check(page, 'new folder dialog, a name Box refuses');
  await page.keyboard.press('Escape');

  await row(/Budget 2027\.xlsx/).click();
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog', { name: /Rename file/ })).toBeVisible();
  await check(page, 'rename dialog');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: /Delete this file/ })).toBeVisible();
  await check(page, 'delete dialog');
  await page.keyboard.press('Escape');

  // An upload whose name is taken: the name-clash question, then the transfers panel.
  const local = await mkdtemp(join(tmpdir(), 'every-view-'));
  uploads.splice(0, uploads.length, join(local, 'Budget 2027.xlsx'));
  await writeFile(uploads[0]!, 'a newer budget\n');
  await page
    .getByRole('button', { name: /Upload/ })
    .first()
    .click();
  const clash = page.getByRole('dialog', { name: /already exists/ });
  await expect(clash).toBeVisible({ timeout: 20_000 });
  await check(page, 'name-clash question');
  await clash.getByRole('button', { name: /Keep both/ }).click();
  await expect(page.getByTestId('transfer-state')).toHaveText(/Done/, { timeout: 20_000 });
  await check(page, 'transfers panel');
  await page.getByRole('button', { name: /Close transfers/ }).click();

  const search = page.getByRole('searchbox');
  await search.fill('Budget');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: /Results for/ })).toBeVisible();
  await expect(row(/Budget 2027\.xlsx/).first()).toBeVisible();
  await check(page, 'search results');
  await search.fill('nothing-is-called-this');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: /No results/ })).toBeVisible();
  await check(page, 'search without results');
  await search.press('Escape');

  await row(/Archive \(10,000 items\)/).dblclick();
  await expect(page.locator('.status-bar')).toHaveText(/10,000/, { timeout: 30_000 });
  await check(page, '10,000-item folder');

  await page.getByRole('button', { name: /Sign-out options/ }).click();
  await check(page, 'sign-out menu');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /Settings/ }).click();
  const settings = page.getByRole('dialog', { name: /Settings/ });
  for (const section of ['Account', 'Network', 'Updates', 'Storage', 'About']) {
    await settings.getByRole('button', { name: new RegExp(section) }).click();
    await expect(settings.getByRole('heading', { level: 2 })).toContainText(section);
    await check(page, `settings, ${section}`);
  }
  await page.keyboard.press('Escape');

  await page
    .getByRole('button', { name: /Sign out/ })
    .first()
    .click();
  await expect(signIn).toBeVisible();
});
