/**
 * The views of the file actions, once in the pseudo-locale, like every-view.spec.ts: each must
 * show only words from the catalogs and pass axe (WCAG 2.0/2.1 A and AA) in light and dark:
 * the grid view, sharing, version history and an old version's preview, the viewer (PDF, text,
 * photo), the Trash with its questions, a selection with its bar, the folder picker, the bulk
 * delete question and the run's report, and the Editing list with the sign-out question.
 * Screenshots: test-results/every-view-file-actions/.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './sandbox-fixtures.ts';
import { checkView } from './support/check-view.ts';
import { usePseudoLocale } from './support/hard-coded-strings.ts';
import { officeSave } from './support/office-save.ts';

const expect = baseExpect.configure({ timeout: 15_000 });
const uploads: string[] = [];
test.use({
  actionTimeout: 20_000,
  demoContent: true,
  dialogs: { chooseFilesToUpload: () => Promise.resolve([...uploads]) },
});

const check = (page: Page, view: string) => checkView(page, view, 'every-view-file-actions');

test('pseudo-locale and axe across the file actions: grid, share, versions, viewer, trash, selection and bulk, editing', async ({
  page,
  world,
}) => {
  test.setTimeout(480_000);
  await usePseudoLocale(page);
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: /Sign in/ }).click();
  await world.completeSignIn('alice');
  const grid = page.getByTestId('file-list-body');
  const row = (name: string | RegExp) => grid.getByRole('row', { name }).first();
  await expect(row(/Budget 2027\.xlsx/)).toBeVisible({ timeout: 30_000 });
  const session = await world.core.handlers['session:get']();
  if (session.status !== 'signed-in') throw new Error('not signed in');
  const controls = world.stack.emulator.controls;

  // The grid view, with its thumbnails.
  await page.getByRole('button', { name: /Grid/ }).click();
  await expect(page.getByRole('button', { name: /Grid/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('gridcell', { name: /Budget 2027\.xlsx/ })).toBeVisible();
  await check(page, 'grid view');
  await page.getByRole('button', { name: /List/ }).click();
  await expect(row(/Budget 2027\.xlsx/)).toBeVisible();

  // Sharing: the dialog before and after a link exists.
  await row(/Budget 2027\.xlsx/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Share/ }).click();
  const share = page.getByRole('dialog', { name: /Budget 2027\.xlsx/ });
  await expect(share.getByRole('button', { name: /Create link/ })).toBeVisible();
  await check(page, 'share dialog');
  await share.getByRole('button', { name: /Create link/ }).click();
  await expect(share.getByRole('button', { name: /Copy link/ })).toBeVisible();
  await expect.poll(() => world.copied.at(-1)).toMatch(/^https:\/\/app\.box\.com\/s\//);
  // Focus stays in the dialog while Box answers (the pressed button was disabled meanwhile).
  await expect(share.getByRole('button', { name: /Save changes/ })).toBeFocused();
  await check(page, 'share dialog with a link');
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();

  // A second version (upload under the same name, as a new version), then the history and the old version's preview.
  const local = await mkdtemp(join(tmpdir(), 'every-view-actions-'));
  uploads.splice(0, uploads.length, join(local, 'Budget 2027.xlsx'));
  await writeFile(uploads[0]!, 'a newer budget\n');
  await page
    .getByRole('button', { name: /Upload/ })
    .first()
    .click();
  const clash = page.getByRole('dialog', { name: /already exists/ });
  await clash.getByRole('button', { name: /Upload as new version/ }).click();
  await expect(page.getByTestId('transfer-state')).toHaveText(/Done/, { timeout: 20_000 });
  await page.getByRole('button', { name: /Close transfers/ }).click();
  await row(/Budget 2027\.xlsx/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Version history/ }).click();
  const versions = page.getByRole('dialog', { name: /Versions of/ });
  await expect(versions.getByRole('button', { name: /Make current/ })).toBeVisible();
  await check(page, 'version history');
  await versions
    .getByRole('button', { name: /Preview/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: /Back to versions/ })).toBeVisible();
  await check(page, 'an old version’s preview');
  // Escape steps back: from the old version to the history, then out.
  await page.keyboard.press('Escape');
  await expect(versions).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The viewer: the report PDF, a text, a photo.
  await row(/Quarterly report Q3\.pdf/).dblclick();
  await expect(page.getByTestId('pdf-page')).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await check(page, 'viewer, PDF');
  await page.keyboard.press('Escape');
  // Space previews (a double-click would open a text for editing, as the sandbox configures .txt).
  await row(/Welcome to Box SSO Desktop\.txt/).click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('preview-dialog')).toContainText('This is your sandbox Box account');
  await check(page, 'viewer, text');
  await page.keyboard.press('Escape');
  await row(/^Photos/).dblclick();
  await row(/\.png/).click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('preview-dialog').locator('img')).toBeVisible({ timeout: 20_000 });
  await check(page, 'viewer, photo');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(row(/Budget 2027\.xlsx/)).toBeVisible();

  // The Trash: a deleted file, the delete-permanently question, a restore whose name is taken.
  await row(/'s notes\.txt/).click();
  await page.keyboard.press('Delete');
  await page
    .getByRole('dialog', { name: /Delete this file/ })
    .getByRole('button', { name: /Delete/ })
    .click();
  await expect(row(/'s notes\.txt/)).toBeHidden();
  await controls.createFile({ ownerId: session.user.boxUserId, parentId: '0', name: "Alice's notes.txt", text: 'new' });
  await page.getByRole('button', { name: /Trash/ }).click();
  const trash = page.getByRole('dialog', { name: /Trash/ });
  await expect(trash.getByRole('button', { name: /Restore/ }).first()).toBeVisible();
  await check(page, 'trash');
  await trash
    .getByRole('button', { name: /Delete permanently/ })
    .first()
    .click();
  await expect(page.getByRole('dialog', { name: /Delete permanently\?/ })).toBeVisible();
  await check(page, 'delete permanently question');
  await page.keyboard.press('Escape');
  await trash
    .getByRole('button', { name: /Restore/ })
    .first()
    .click();
  await expect(page.getByRole('dialog', { name: /Restore under another name/ })).toBeVisible();
  await check(page, 'restore under another name');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A selection, its bar, the folder picker, the bulk delete question and the run's report.
  await page.keyboard.press('F5');
  await expect(row(/Alice's notes\.txt/)).toBeVisible();
  await row(/Welcome to Box SSO Desktop\.txt/).click();
  await row(/Alice's notes\.txt/).click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('toolbar', { name: /Selected items/ });
  await expect(bar).toBeVisible();
  await check(page, 'selection bar');
  await bar.getByRole('button', { name: /Move \W*2\W* items/ }).click();
  const picker = page.getByRole('dialog', { name: /Move \W*2\W* items to/ });
  await expect(picker.getByRole('button', { name: /Projects/ })).toBeVisible();
  await check(page, 'folder picker');
  await page.keyboard.press('Escape');
  await bar.getByRole('button', { name: /Delete \W*2\W* items/ }).click();
  const confirm = page.getByRole('dialog', { name: /Delete \W*2\W* items/ });
  await expect(confirm).toBeVisible();
  await check(page, 'bulk delete question');
  await confirm.getByRole('button', { name: /Delete/ }).click();
  await expect(page.getByRole('button', { name: /Undo/ })).toBeVisible();
  await check(page, 'bulk delete done');
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(row(/Welcome to Box SSO Desktop\.txt/)).toBeVisible({ timeout: 20_000 });

  // Editing: the Editing list, then a save Box cannot take yet and the sign-out question.
  await row(/Budget 2027\.xlsx/).dblclick();
  const editing = page.getByRole('region', { name: /Editing/ });
  await expect(editing).toContainText('Budget 2027.xlsx');
  await check(page, 'editing list');
  await controls.addFault({ route: 'POST /api/2.0/files/{file_id}/content', status: 503 });
  await officeSave(world.openedPaths.at(-1)!, 'changed while Box is busy');
  await expect(editing.getByText(/Waiting to save/)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: /^⟦Sign out⟧$/ }).click();
  const question = page.getByRole('dialog', { name: /Changes not saved to Box yet/ });
  await expect(question).toBeVisible();
  await check(page, 'unsaved edits question');
  await question.getByRole('button', { name: /Stay signed in/ }).click();
  await controls.clearFaults();
  await expect(editing.getByText(/Saved to Box/)).toBeVisible({ timeout: 30_000 });
});
