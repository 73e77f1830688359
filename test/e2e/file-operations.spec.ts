/**
 * Journeys for the trash and for sharing, through the real core, backend and Box emulator:
 * delete, restore (also into a chosen folder when the original is gone), delete permanently;
 * create, copy, change and remove a shared link, and an enterprise rule shown in Box's words.
 * Screenshots in light and dark are for people to look at; axe checks each state.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './file-browser-journey-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

const shotDirectory = process.env.FILE_OPERATION_SHOTS ?? '/tmp/file-operation-shots';
const shot = async (page: Page, name: string) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${shotDirectory}/${name}-${colorScheme}.png` });
    await expectAccessible(page, `${name} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
};

const row = (page: Page, name: string) =>
  page
    .getByRole('grid')
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') })
    .filter({ hasText: name });

async function deleteRow(page: Page, name: string, kind: 'file' | 'folder') {
  await row(page, name).click();
  await page.keyboard.press('Delete');
  await page
    .getByRole('dialog', { name: kind === 'folder' ? 'Delete this folder?' : 'Delete this file?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(row(page, name)).toBeHidden();
}

test('journey: delete, find it in the Trash, restore it, restore into another folder, delete permanently', async ({
  page,
  journey,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(journey.harness.url);
  await journey.signIn(page, 'alice');
  const controls = journey.stack.emulator.controls;
  const ownerId = await journey.boxUserId('alice');
  const project = await controls.createFolder({ ownerId, name: 'Old project' });
  await controls.createFolder({ ownerId, name: 'Archive' });
  await controls.createFile({ ownerId, parentId: project.id, name: 'plan.txt', text: 'the plan' });
  await controls.createFile({ ownerId, name: 'notes.txt', text: 'notes' });
  await page.keyboard.press('F5');
  await expect(row(page, 'notes.txt')).toBeVisible();

  // Delete a file, then a file inside a folder and the folder itself.
  await deleteRow(page, 'notes.txt', 'file');
  await row(page, 'Old project').dblclick();
  await deleteRow(page, 'plan.txt', 'file');
  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'All Files' }).click();
  await deleteRow(page, 'Old project', 'folder');

  // The Trash, by keyboard from the toolbar: name, where from, when.
  await page.getByRole('button', { name: 'Trash' }).focus();
  await page.keyboard.press('Enter');
  const trash = page.getByRole('dialog', { name: 'Trash' });
  const table = trash.getByRole('table', { name: 'Deleted items' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const planRow = table.getByRole('row').filter({ hasText: 'plan.txt' });
  await expect(planRow).toContainText('Old project');
  await expect(table.getByRole('row').filter({ hasText: 'notes.txt' })).toContainText('All Files');
  await expect(trash).toContainText('3 items');
  await shot(page, '01-trash');

  // Restore goes back to the original folder.
  await trash.getByRole('button', { name: 'Restore: notes.txt' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '“notes.txt” is back in All Files.' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'notes.txt' })).toBeHidden();

  // Delete permanently asks first; Cancel is where the focus starts.
  await trash.getByRole('button', { name: 'Delete permanently: Old project' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete permanently?' });
  await expect(confirm).toContainText('“Old project” and everything in it will be deleted for good.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot(page, '02-confirm-purge');
  await confirm.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(confirm).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: 'Old project' })).toHaveCount(1); // only plan.txt's "from"

  // plan.txt's folder is gone for good: Box wants a folder, and the user picks one.
  await trash.getByRole('button', { name: 'Restore: plan.txt' }).click();
  const picker = page.getByRole('dialog', { name: 'Restore “plan.txt” to…' });
  await expect(picker).toContainText('The folder it was in no longer exists.');
  await picker.getByRole('button', { name: 'Archive' }).click();
  await expect(picker.getByRole('button', { name: 'Restore to Archive' })).toBeVisible();
  await shot(page, '03-restore-picker');
  await picker.getByRole('button', { name: 'Restore to Archive' }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '“plan.txt” is back in Archive.' })).toBeVisible();
  await expect(trash).toContainText('The trash is empty');
  await shot(page, '04-trash-empty');
  await page.keyboard.press('Escape');
  await expect(trash).toBeHidden();

  // The open folder shows what came back; Archive holds the rescued file.
  await expect(row(page, 'notes.txt')).toBeVisible();
  await row(page, 'Archive').dblclick();
  await expect(row(page, 'plan.txt')).toBeVisible();
});

test('journey: restore next to a newer file of the same name, under a name the user picks', async ({
  page,
  journey,
}) => {
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(journey.harness.url);
  await journey.signIn(page, 'alice');
  const controls = journey.stack.emulator.controls;
  const ownerId = await journey.boxUserId('alice');
  await controls.createFile({ ownerId, name: 'budget.xlsx', text: 'the old budget' });
  await page.keyboard.press('F5');
  await deleteRow(page, 'budget.xlsx', 'file');
  await controls.createFile({ ownerId, name: 'budget.xlsx', text: 'the new budget' });
  await page.keyboard.press('F5');
  await expect(row(page, 'budget.xlsx')).toBeVisible();

  await page.getByRole('button', { name: 'Trash' }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await trash.getByRole('button', { name: 'Restore: budget.xlsx' }).click();
  const ask = page.getByRole('dialog', { name: 'Restore under another name' });
  await expect(ask).toContainText('“All Files” already has an item named “budget.xlsx”.');
  // The name is offered with the part before the extension selected, ready to type over.
  const field = ask.getByRole('textbox', { name: 'Name' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('budget (restored).xlsx');
  await shot(page, '05-restore-rename');
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: '“budget (restored).xlsx” is back in All Files.' }),
  ).toBeVisible();
  await expect(trash).toContainText('The trash is empty');
  await page.keyboard.press('Escape');
  await expect(row(page, 'budget (restored).xlsx')).toBeVisible();
  await expect(row(page, 'budget.xlsx')).toBeVisible();
});

test('journey: share a file — create and copy the link, change it, an enterprise rule in Box’s words, remove it', async ({
  page,
  journey,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(journey.harness.url);
  await journey.signIn(page, 'alice');
  const controls = journey.stack.emulator.controls;
  const ownerId = await journey.boxUserId('alice');
  await controls.createFile({ ownerId, name: 'deck.pdf', text: 'slides' });
  await controls.createFolder({ ownerId, name: 'Team' });
  await page.keyboard.press('F5');

  await row(page, 'deck.pdf').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “deck.pdf”' });
  await expect(dialog).toContainText('There is no shared link yet.');
  await shot(page, '05-share-new');

  // Create: the link is made with the company's level and copied at once.
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const url = dialog.getByLabel('Shared link');
  await expect(url).toHaveValue(/^https:\/\/app\.box\.com\/s\//);
  await expect(page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' })).toBeVisible();
  expect(journey.copied).toEqual([await url.inputValue()]);
  await expect(dialog.getByTestId('share-state')).toHaveText('Current: People in your company');

  // Change it: anyone with the link, a password, an expiry date, no download.
  await dialog.getByLabel('Who can open the link').selectOption({ label: 'People with the link' });
  await dialog.getByLabel('Password', { exact: true }).fill('correct horse');
  await dialog.getByLabel('Link expires on').fill('2099-12-31');
  await dialog.getByLabel('Allow download').uncheck();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByTestId('share-state')).toHaveText(
    /^Current: People with the link, expires .*2099.*, password protected$/,
  );
  await shot(page, '06-share-open-with-password');
  const firstUrl = await url.inputValue();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  expect(journey.copied).toEqual([firstUrl, firstUrl]);

  // The enterprise stops open links: Box refuses, and the dialog says Box's reason.
  await controls.settings({ openSharedLinksAllowed: false });
  await dialog.getByLabel('Allow download').check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Box does not allow this shared link: “The enterprise does not allow open shared links”. Choose another access level, or ask your IT team.',
  );
  await shot(page, '07-share-refused');
  await dialog.getByLabel('Who can open the link').selectOption({ label: 'People in your company' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByTestId('share-state')).toHaveText(/^Current: People in your company, expires/);
  await expect(url).toHaveValue(firstUrl);

  // Remove it.
  await dialog.getByRole('button', { name: 'Remove link' }).click();
  await expect(dialog).toContainText('There is no shared link yet.');
  await expect(page.getByRole('status').filter({ hasText: 'The shared link was removed.' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A folder offers only the levels the enterprise allows.
  await row(page, 'Team').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const folderDialog = page.getByRole('dialog', { name: 'Share “Team”' });
  const levels = folderDialog.getByLabel('Who can open the link').getByRole('option');
  await expect(levels).toHaveText(['People in your company', 'Invited people only']);
  await expect(folderDialog).toContainText('Your company does not allow links for people outside it.');
  await shot(page, '08-share-folder-restricted');
});
