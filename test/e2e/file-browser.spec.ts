import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './file-browser-journey-fixtures.ts';
import { row, rows, shooter } from './support/file-list-page.ts';

const shot = shooter();

test('journey: sign in as a new user, create, upload, browse by mouse and keyboard, search, rename, delete, sign out, another user', async ({
  page,
  journey,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1100, height: 680 });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(journey.harness.url);
  await expect(page.getByRole('heading', { name: 'Your Box files, with your company sign-in' })).toBeVisible();

  // A new user signs in through the system browser; the backend provisions an empty app user.
  await journey.signIn(page, 'alice');
  await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible();
  await expect(page).toHaveTitle('All Files – Box SSO Desktop');
  await expect(page.getByRole('navigation', { name: 'Folder path' })).toContainText('All Files');
  await shot(page, '01-empty-root');

  // Create a folder; the dialog checks the name the way Box does.
  await page.getByRole('button', { name: 'New folder' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New folder' });
  await dialog.getByLabel('Name').fill('Plans/2027');
  await expect(dialog.getByRole('alert')).toHaveText('A name cannot contain / or \\.');
  await shot(page, '02-new-folder-invalid');
  await dialog.getByLabel('Name').fill('Projects');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Projects')).toBeVisible();

  // Mouse: double-click opens a folder; a new folder and uploads from the toolbar fill it.
  await row(page, 'Projects').dblclick();
  await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible();
  await page.getByRole('button', { name: 'New folder' }).first().click();
  await page.getByRole('dialog', { name: 'New folder' }).getByLabel('Name').fill('Designs');
  await page.getByRole('dialog', { name: 'New folder' }).getByLabel('Name').press('Enter');
  const local = await mkdtemp(join(tmpdir(), 'file-browser-journey-'));
  journey.filesToUpload = [];
  for (const [name, size] of [
    ['Budget 2027.xlsx', 48_213],
    ['photo.png', 731_904],
    ['notes.txt', 5],
    ['Roadmap.pdf', 1_250_000],
  ] as const) {
    await writeFile(join(local, name), Buffer.alloc(size, name));
    journey.filesToUpload.push(join(local, name));
  }
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(rows(page)).toHaveCount(5, { timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Transfers' })).toBeVisible();
  await page.getByRole('button', { name: 'Close transfers' }).click();

  await expect(page.getByRole('navigation', { name: 'Folder path' })).toHaveText('All Files›Projects');
  await expect(page).toHaveTitle('Projects – Box SSO Desktop');
  await expect(rows(page).first()).toContainText('Designs');
  await expect(row(page, 'photo.png').locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await shot(page, '03-folder');

  // Sorting by size, largest first (folders stay on top).
  await page.getByRole('button', { name: 'Size' }).click();
  await page.getByRole('button', { name: 'Size' }).click();
  await expect(page.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).nth(1)).toContainText('Roadmap.pdf');
  await page.getByRole('button', { name: 'Name' }).click();

  // Keyboard: Enter opens, Backspace goes up and selects where we came from, Alt+Left/Right walk history.
  const list = page.getByTestId('file-list-body');
  await row(page, 'Designs').click();
  await list.press('Enter');
  await expect(page).toHaveTitle('Designs – Box SSO Desktop');
  await list.press('Backspace');
  await expect(page).toHaveTitle('Projects – Box SSO Desktop');
  await expect(row(page, 'Designs')).toHaveAttribute('aria-selected', 'true');
  await list.press('Alt+ArrowLeft');
  await expect(page).toHaveTitle('Designs – Box SSO Desktop');
  await list.press('Alt+ArrowRight');
  await expect(page).toHaveTitle('Projects – Box SSO Desktop');
  await list.press('Alt+ArrowUp');
  await expect(page).toHaveTitle('All Files – Box SSO Desktop');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveTitle('Projects – Box SSO Desktop');
  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'All Files' }).click();
  await expect(page).toHaveTitle('All Files – Box SSO Desktop');

  // Search shows where each result lives; Escape returns to the folder.
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search files' })).toBeFocused();
  await page.keyboard.type('budget');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Results for “budget”' })).toBeVisible();
  await expect(row(page, 'Budget 2027.xlsx')).toContainText('in All Files › Projects');
  await shot(page, '04-search');
  await page.keyboard.press('Escape');
  await expect(row(page, 'Projects')).toBeVisible();

  // Rename with F2; a clash is explained in the dialog.
  await row(page, 'Projects').dblclick();
  await row(page, 'notes.txt').click();
  await list.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename file' });
  await expect(rename.getByLabel('Name')).toHaveValue('notes.txt');
  await rename.getByLabel('Name').fill('Roadmap.pdf');
  await rename.getByLabel('Name').press('Enter');
  await expect(rename.getByRole('alert')).toHaveText(
    'An item named “Roadmap.pdf” already exists here. Choose another name.',
  );
  await shot(page, '05-rename-clash');
  await rename.getByLabel('Name').fill('meeting notes.txt');
  await rename.getByLabel('Name').press('Enter');
  await expect(rename).toBeHidden();
  await expect(row(page, 'meeting notes.txt')).toBeVisible();

  // Drag and drop moves: a file onto the "All Files" breadcrumb goes up a level.
  await row(page, 'meeting notes.txt').dragTo(
    page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'All Files' }),
  );
  await expect(page.getByRole('status').filter({ hasText: 'Moved “meeting notes.txt” to “All Files”.' })).toBeVisible();
  await expect(row(page, 'meeting notes.txt')).toBeHidden();

  // The context menu, then Delete with confirmation.
  await row(page, 'Designs').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Item actions' })).toBeVisible();
  await shot(page, '06-context-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await list.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete this folder?' });
  await expect(confirm).toContainText('“Designs” and everything in it will move to your Box trash.');
  await shot(page, '07-confirm-delete');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'Designs')).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Designs” to the trash.' })).toBeVisible();
  await shot(page, '08-after-delete');

  // While a folder loads, placeholder rows hold its place.
  const controls = journey.stack.emulator.controls;
  await controls.addFault({ route: 'GET /2.0/folders/{folder_id}/items', latencyMs: 1500, times: 1 });
  await page.keyboard.press('F5');
  await expect(page.getByRole('status', { name: 'Loading' })).toBeVisible();
  await shot(page, '08b-loading');
  await expect(row(page, 'Roadmap.pdf')).toBeVisible();

  // An error state says what happened and offers a retry; dark theme follows the OS.
  await controls.addFault({ route: 'GET /2.0/folders/{folder_id}/items', status: 429, retryAfterSeconds: 120 });
  await page.keyboard.press('F5');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Box is receiving too many requests. Try again in 120 seconds.' }),
  ).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, '09-error-dark');
  await controls.clearFaults();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(row(page, 'Roadmap.pdf')).toBeVisible();
  await shot(page, '10-folder-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Sign out, then another user sees none of the first user's files.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Your Box files, with your company sign-in' })).toBeVisible();
  await journey.signIn(page, 'bob');
  expect(await journey.boxUserId('bob')).not.toBe(await journey.boxUserId('alice'));
  await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search files' }).fill('budget');
  await page.getByRole('searchbox', { name: 'Search files' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'No results for “budget”' })).toBeVisible();
  await shot(page, '11-other-user');
  expect(consoleErrors, 'no CSP violation or script error').toEqual([]);
});
