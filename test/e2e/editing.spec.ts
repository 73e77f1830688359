/**
 * "Open for editing" in Chromium with nothing simulated but the OS's app: the sandbox stack, a
 * real sign-in, the browser shell, and the core's EditingService. The "desktop app" is this test,
 * which saves the working copy the way Office does (temp file, rename over). Screenshots of the
 * Editing list land in /tmp/editing-shots/ in light and dark.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';
import { officeSave } from './support/office-save.ts';

test.setTimeout(180_000);

const shots = '/tmp/editing-shots';
const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name }).first();

async function screenshots(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${shots}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('double-click opens a spreadsheet for editing; saves reach Box; sign-out asks while one waits; Close unlocks', async ({
  page,
  world,
}) => {
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await world.completeSignIn('alice');
  await expect(page.getByTestId('file-list-body')).toBeVisible({ timeout: 30_000 });
  const session = await world.core.handlers['session:get']();
  if (session.status !== 'signed-in') throw new Error('not signed in');
  const file = await world.stack.emulator.controls.createFile({
    ownerId: session.user.boxUserId,
    name: 'Budget 2027.xlsx',
    text: 'v1',
  });
  await page.keyboard.press('F5');
  await row(page, 'Budget 2027.xlsx').dblclick();

  const list = page.getByRole('region', { name: 'Editing' });
  await expect(list.getByText('Budget 2027.xlsx')).toBeVisible();
  await expect(list.getByText('Open for editing')).toBeVisible();
  expect(world.openedPaths).toHaveLength(1);
  const path = world.openedPaths[0]!;

  await officeSave(path, 'v2 from the desktop app');
  await expect(list.getByText(/^Saved to Box /)).toBeVisible({ timeout: 10_000 });
  await expect(row(page, 'Budget 2027.xlsx').getByTestId('edit-status')).toHaveText(/^Saved to Box /);
  await expectAccessible(page, 'editing list');
  await screenshots(page, 'editing-saved');

  // Box is busy: the save waits, and signing out asks first.
  await world.stack.emulator.controls.addFault({ route: 'POST /api/2.0/files/{file_id}/content', status: 503 });
  await officeSave(path, 'v3 while Box is busy');
  await expect(list.getByText('Waiting to save')).toBeVisible({ timeout: 20_000 });
  await expect(list.getByRole('button', { name: 'Close “Budget 2027.xlsx” and unlock it on Box' })).toBeDisabled();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  const question = page.getByRole('dialog', { name: 'Changes not saved to Box yet' });
  await expect(question).toContainText('1 file has changes that are not on Box yet');
  await expectAccessible(page, 'unsaved edits question');
  await screenshots(page, 'editing-sign-out-question');
  await question.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(question).toBeHidden();

  await world.stack.emulator.controls.clearFaults();
  await expect(list.getByText(/^Saved to Box /)).toBeVisible({ timeout: 30_000 });
  const close = list.getByRole('button', { name: 'Close “Budget 2027.xlsx” and unlock it on Box' });
  await close.focus();
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  const token = (await world.stack.emulator.controls.issueToken({ userId: session.user.boxUserId })).access_token;
  const onBox = (await (
    await fetch(`${world.stack.emulator.origin}/2.0/files/${file.id}?fields=lock,size`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { lock: unknown; size: number };
  expect(onBox).toMatchObject({ lock: null, size: 'v3 while Box is busy'.length });
});
