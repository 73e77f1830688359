/**
 * Selection and bulk actions in the whole app: select by mouse (click, Shift+click, Ctrl+click)
 * and keyboard (Shift+arrows, Ctrl+A, Escape), the toolbar and context menu saying how many,
 * delete with Undo, move by dragging the selection onto a folder row and with the folder picker,
 * and a move that fails for one item with "Retry the 1 that failed". Screenshots in light and
 * dark for people to look at; axe checks each state.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './file-browser-journey-fixtures.ts';
import { row, rows, shooter } from './support/file-list-page.ts';

const shot = shooter('bulk-');
const selectedNames = async (page: Page) =>
  (await rows(page).and(page.locator('[aria-selected="true"]')).locator('.item-name').allTextContents()).sort();

test('journey: select by mouse and keyboard, delete and undo, move by drag and drop and with the picker, retry a failure', async ({
  page,
  journey,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(journey.harness.url);
  await journey.signIn(page, 'alice');
  const controls = journey.stack.emulator.controls;
  const owner = await journey.boxUserId('alice');
  const inbox = await controls.createFolder({ ownerId: owner, name: 'Inbox' });
  await controls.createFolder({ ownerId: owner, name: 'Elsewhere' });
  await controls.createFolder({ ownerId: owner, parentId: inbox.id, name: 'Archive' });
  await controls.seedItems({
    ownerId: owner,
    parentId: inbox.id,
    count: 30,
    namePrefix: 'memo',
    kind: 'file',
    size: 64,
  });
  await page.keyboard.press('F5');
  await row(page, 'Inbox').dblclick();
  await expect(row(page, 'memo-00')).toBeVisible();

  // Mouse: click, Shift+click a range, Ctrl+click one out of it.
  await row(page, 'memo-01').click();
  await row(page, 'memo-05').click({ modifiers: ['Shift'] });
  await row(page, 'memo-03').click({ modifiers: ['ControlOrMeta'] });
  expect(await selectedNames(page)).toEqual(['memo-01.txt', 'memo-02.txt', 'memo-04.txt', 'memo-05.txt']);
  const bar = page.getByRole('toolbar', { name: 'Selected items' });
  await expect(bar).toContainText('4 items selected');
  await expect(bar.getByRole('button', { name: 'Delete 4 items…' })).toBeVisible();
  await shot(page, '01-mouse-selection');

  // Keyboard: Escape clears, Ctrl+A selects all 31, Shift+arrows select a range.
  const list = page.getByTestId('file-list-body');
  await list.press('Escape');
  await expect(bar).toBeHidden();
  await list.press('ControlOrMeta+a');
  await expect(bar).toContainText('31 items selected');
  await list.press('Escape');
  await list.press('Home');
  await list.press('ArrowDown');
  await list.press('Shift+ArrowDown');
  await list.press('Shift+ArrowDown');
  expect(await selectedNames(page)).toEqual(['memo-00.txt', 'memo-01.txt', 'memo-02.txt']);

  // The context menu of a selected row acts on the selection and says how many.
  await row(page, 'memo-01').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Item actions' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Download 3 items…',
    'Move 3 items…',
    'Copy 3 items…',
    /Delete 3 items…/,
  ]);
  await shot(page, '02-context-menu');
  await menu.getByRole('menuitem', { name: /Delete 3 items/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 3 items?' });
  await shot(page, '03-confirm-delete');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'memo-01')).toBeHidden();
  const deletedToast = page.getByRole('status').filter({ hasText: 'Moved 3 items to the trash.' });
  await expect(deletedToast).toBeVisible();
  await shot(page, '04-undo-toast');
  await deletedToast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored 3 items.' })).toBeVisible();
  await expect(row(page, 'memo-01')).toBeVisible();
  await expect(row(page, 'memo-02')).toBeVisible();

  // Drag one of several selected rows onto a folder row: all of them move.
  await row(page, 'memo-00').click();
  await row(page, 'memo-03').click({ modifiers: ['Shift'] });
  await row(page, 'memo-01').dragTo(row(page, 'Archive'));
  await expect(page.getByRole('status').filter({ hasText: 'Moved 4 items.' })).toBeVisible();
  for (const name of ['memo-00', 'memo-01', 'memo-02', 'memo-03']) await expect(row(page, name)).toBeHidden();

  // The folder picker, in dark: two items to another folder, one of which Box refuses for a minute.
  await page.emulateMedia({ colorScheme: 'dark' });
  await row(page, 'memo-20').click();
  await row(page, 'memo-21').click({ modifiers: ['Shift'] });
  await shot(page, '05-selection-dark');
  await controls.addFault({ route: 'PUT /2.0/files/{file_id}', status: 429, retryAfterSeconds: 60, times: 1 });
  await bar.getByRole('button', { name: 'Move 2 items…' }).click();
  const picker = page.getByRole('dialog', { name: 'Move 2 items to…' });
  await picker.getByRole('button', { name: 'Elsewhere' }).click();
  await expect(picker).toContainText('All Files › Elsewhere');
  await shot(page, '06-folder-picker-dark');
  await picker.getByRole('button', { name: 'Move here' }).click();
  const report = page.getByTestId('bulk-runs');
  await expect(report).toContainText('Moved 1 item.');
  await expect(report).toContainText('1 failed:');
  await expect(report).toContainText('Box is receiving too many requests. Try again in 60 seconds.');
  await shot(page, '07-failure-report-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, '08-failure-report-light');
  await report.getByRole('button', { name: 'Retry the 1 that failed' }).click();
  await expect(report).toBeHidden();
  await expect(row(page, 'memo-20')).toBeHidden();
  await expect(row(page, 'memo-21')).toBeHidden();
  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'All Files' }).click();
  await row(page, 'Elsewhere').dblclick();
  await expect(rows(page)).toHaveCount(2);
});

test('journey: stop a slow move by keyboard, see what was not done, then do the rest', async ({ page, journey }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(journey.harness.url);
  await journey.signIn(page, 'alice');
  const controls = journey.stack.emulator.controls;
  const owner = await journey.boxUserId('alice');
  const outbox = await controls.createFolder({ ownerId: owner, name: 'Outbox' });
  await controls.createFolder({ ownerId: owner, name: 'Sent' });
  await controls.seedItems({ ownerId: owner, parentId: outbox.id, count: 40, namePrefix: 'letter', kind: 'file' });
  await page.keyboard.press('F5');
  await row(page, 'Outbox').dblclick();
  await row(page, 'letter-00').click();
  await page.keyboard.press('ControlOrMeta+a');
  // Box answers slowly: the run is still going when the user changes their mind.
  // 1.5 s a call: five rounds of 8 take 7.5 s, time enough for a screenshot and its axe check before Stop.
  await controls.addFault({ route: 'PUT /2.0/files/{file_id}', latencyMs: 1500 });
  await page.getByRole('toolbar', { name: 'Selected items' }).getByRole('button', { name: 'Move 40 items…' }).click();
  const picker = page.getByRole('dialog', { name: 'Move 40 items to…' });
  await picker.getByRole('button', { name: 'Sent' }).click();
  await picker.getByRole('button', { name: 'Move here' }).click();

  const runs = page.getByTestId('bulk-runs');
  const stop = runs.getByRole('button', { name: 'Stop this run' });
  await expect(stop).toBeVisible();
  await shot(page, '09-running-with-stop');
  await stop.focus();
  await page.keyboard.press('Enter');
  await expect(runs).toContainText(/Stopped: \d+ items not done\./);
  await expect(runs).not.toContainText('failed:');
  await shot(page, '10-stopped');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, '11-stopped-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await controls.clearFaults();
  const notDone = Number(/Stopped: (\d+) items/.exec((await runs.textContent()) ?? '')?.[1]);
  expect(notDone).toBeGreaterThan(0);
  expect(notDone).toBeLessThan(40);
  // What the run did has left the folder; the rest is still here (the list draws only what fits: count in the status bar).
  const status = page.locator('footer.status-bar');
  await expect(status).toContainText(`${notDone} items`);

  // By keyboard too: the report's first action, then Enter.
  await runs.getByRole('button', { name: `Do the ${notDone} left` }).focus();
  await page.keyboard.press('Enter');
  await expect(runs).toBeHidden();
  await expect(rows(page)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'All Files' }).click();
  await row(page, 'Sent').dblclick();
  await expect(status).toContainText('40 items');
});
