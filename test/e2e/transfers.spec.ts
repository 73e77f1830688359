import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';
import { dropFiles } from './support/drop-files.ts';

/** Where the save dialog "chooses" to put downloads, and what it was asked to suggest. */
const saveFolder = mkdtempSync(join(tmpdir(), 'transfers-spec-saved-'));
const suggestedNames: string[] = [];
test.use({
  dialogs: {
    chooseSavePath: (suggestedName) => {
      suggestedNames.push(suggestedName);
      return Promise.resolve(join(saveFolder, suggestedName));
    },
  },
});

const sha1 = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');
/** For people to look at (bars at their final width, not mid-transition); axe checks each. */
const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/screens/transfers-${name}.png`, animations: 'disabled' });
  await expectAccessible(page, `transfers panel, ${name}`);
};

/** A transfer's row in the panel, e.g. "Upload of notes.txt". */
const transferRow = (panel: Locator, label: string): Locator =>
  panel.getByRole('listitem', { name: label, exact: true });
/** Between 1 % and 99 %: moving, neither untouched nor finished. */
const partway = /^[1-9]\d?$/;

test('harness journey: drop a small and a 25 MB file, watch both upload, download the big one byte for byte', async ({
  page,
  world,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await world.completeSignIn('alice');
  await expect(page.getByTestId('signed-in-name')).toHaveText('Alice Example');
  await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible();

  const local = mkdtempSync(join(tmpdir(), 'transfers-spec-local-'));
  const small = { name: 'notes.txt', bytes: randomBytes(1_234) };
  const big = { name: 'big-25mb.bin', bytes: randomBytes(25 * 1024 * 1024) };
  for (const file of [small, big]) await writeFile(join(local, file.name), file.bytes);

  // One part of the chunked upload answers late, so the panel is caught part-way, not only at the end.
  const emulator = world.stack.emulator.controls;
  await emulator.addFault({
    route: 'PUT /api/2.0/files/upload_sessions/{upload_session_id}',
    latencyMs: 4_000,
    times: 1,
  });

  const list = page.getByTestId('file-list-body');
  await dropFiles(
    list,
    [small, big].map((file) => ({ name: file.name, path: join(local, file.name) })),
  );

  const panel = page.getByRole('region', { name: 'Transfers' });
  await expect(panel).toBeVisible();
  const bigUpload = transferRow(panel, `Upload of ${big.name}`);
  const smallUpload = transferRow(panel, `Upload of ${small.name}`);
  await expect(bigUpload.getByRole('progressbar')).toHaveAttribute('aria-valuenow', partway, { timeout: 20_000 });
  await expect(bigUpload.getByTestId('transfer-state')).toHaveText('Transferring');
  await expect(bigUpload).toContainText(/MB of 25 MB/);
  await shot(page, 'uploading');

  for (const row of [smallUpload, bigUpload]) {
    await expect(row.getByTestId('transfer-state')).toHaveText('Done', { timeout: 30_000 });
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  }
  await expect(bigUpload).toContainText('25 MB');
  await expect(page.getByRole('button', { name: /^Transfers: Transfers done$/ })).toBeVisible();

  // The finished uploads show up in the open folder without a refresh.
  const rows = page
    .getByRole('grid')
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(2);
  const bigInList = rows.filter({ hasText: big.name });
  await expect(bigInList).toBeVisible();
  await expect(rows.filter({ hasText: small.name })).toBeVisible();
  await shot(page, 'uploaded');

  // Download the big file through its context menu; the save dialog answers with a temp path.
  await emulator.addFault({ route: 'GET /d/1/{ticket}/download', bytesPerSecond: 8 * 1024 * 1024, times: 1 });
  await bigInList.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Download…' }).click();
  const bigDownload = transferRow(panel, `Download of ${big.name}`);
  await expect(bigDownload.getByRole('progressbar')).toHaveAttribute('aria-valuenow', partway, { timeout: 20_000 });
  await shot(page, 'downloading');
  await expect(bigDownload.getByTestId('transfer-state')).toHaveText('Done', { timeout: 30_000 });
  const savedTo = join(saveFolder, big.name);
  await expect(bigDownload).toContainText(`Saved to ${savedTo}`);
  await shot(page, 'downloaded');

  expect(suggestedNames).toEqual([big.name]);
  const saved = await readFile(savedTo);
  expect(saved.length).toBe(big.bytes.length);
  expect(sha1(saved)).toBe(sha1(big.bytes));
  expect(saved.equals(big.bytes)).toBe(true);
});
