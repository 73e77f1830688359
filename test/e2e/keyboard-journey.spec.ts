import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './file-browser-journey-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

/** Presses Tab (Shift+Tab backwards) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const selectedName = (page: Page) => page.getByTestId('file-list-body').locator('[aria-selected="true"] .item-name');

test('keyboard only: sign in, browse, select, upload, preview, rename, delete and sign out without a mouse', async ({
  page,
  journey,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1100, height: 680 });
  await page.goto(journey.harness.url);
  const signIn = page.getByRole('button', { name: 'Sign in' });
  await expect(signIn).toBeFocused();
  await journey.signIn(page, 'alice', 'keyboard');
  await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible();

  // New folder (Ctrl+Shift+N): the dialog takes focus, Enter creates, focus comes back.
  await page.keyboard.press('Control+Shift+N');
  const newFolder = page.getByRole('dialog', { name: 'New folder' });
  await expect(newFolder.getByLabel('Name')).toBeFocused();
  // Tab stays inside the dialog.
  for (let presses = 0; presses < 5; presses++) await page.keyboard.press('Tab');
  await expect(newFolder.locator(':focus')).toHaveCount(1);
  await newFolder.getByLabel('Name').evaluate((input) => (input as HTMLInputElement).focus());
  await page.keyboard.type('Projects');
  await page.keyboard.press('Enter');
  await expect(newFolder).toBeHidden();

  // Into the grid, open the folder with Enter.
  const grid = page.getByTestId('file-list-body');
  await tabTo(page, grid);
  await page.keyboard.press('Home');
  await expect(selectedName(page)).toHaveText('Projects');
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Projects – Box SSO Desktop');

  // Upload from the toolbar: the OS dialog (the fixture) answers with two files.
  const local = await mkdtemp(join(tmpdir(), 'keyboard-journey-'));
  journey.filesToUpload = [];
  for (const name of ['agenda.txt', 'notes.txt']) {
    await writeFile(join(local, name), `${name}\n`);
    journey.filesToUpload.push(join(local, name));
  }
  await tabTo(page, page.getByRole('button', { name: 'Upload', exact: true }), true);
  await page.keyboard.press('Enter');
  const rows = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(2, { timeout: 20_000 });
  await expectAccessible(page, 'keyboard journey, uploaded with the transfers panel open');

  // Select by typing the name, rename with F2; focus returns to the grid after the dialog.
  await tabTo(page, grid);
  await page.keyboard.type('no');
  await expect(selectedName(page)).toHaveText('notes.txt');
  // Left/Right move between the row's cells; the row stays selected.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#' + (await grid.getAttribute('aria-activedescendant')))).toHaveClass(/col-modified/);
  await page.keyboard.press('ArrowLeft');

  // Space previews the selected file; Escape closes the viewer and focus is back on the grid.
  await page.keyboard.press('Space');
  const preview = page.getByTestId('preview-dialog');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('notes.txt\n');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(grid).toBeFocused();
  await expect(selectedName(page)).toHaveText('notes.txt');

  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename file' });
  await expect(rename.getByLabel('Name')).toBeFocused();
  await expectAccessible(page, 'rename dialog');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('minutes.txt');
  await page.keyboard.press('Enter');
  await expect(rename).toBeHidden();
  await expect(grid).toBeFocused();
  await expect(rows.filter({ hasText: 'minutes.txt' })).toBeVisible();

  // Delete: the confirmation is a dialog too; Tab reaches its Delete button.
  await page.keyboard.press('End');
  await page.keyboard.type('a');
  await expect(selectedName(page)).toHaveText('agenda.txt');
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete this file?' });
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  await expect(rows.filter({ hasText: 'agenda.txt' })).toHaveCount(0);
  await expect(grid).toBeFocused();

  // Back up with Backspace, then sign out.
  await page.keyboard.press('Backspace');
  await expect(page).toHaveTitle('All Files – Box SSO Desktop');
  await tabTo(page, page.getByRole('button', { name: 'Sign out' }), true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your Box files, with your company sign-in' })).toBeVisible();
});
