/**
 * The grid view and real thumbnails, in Chromium against the sandbox stack with demo content:
 * photos get Box's thumbnails and documents their first page (Box's jpg representation), in the
 * list and in the grid; the grid is keyboard-driven like the list, remembered after a reload, and
 * axe-clean in light and dark. Screenshots land in /tmp/file-grid-shots/.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

test.use({ demoContent: true });
test.setTimeout(150_000);

const shots = '/tmp/file-grid-shots';
const grid = (page: Page) => page.getByRole('grid');
const selectedTile = (page: Page) => grid(page).locator('[role="gridcell"][aria-selected="true"]');

async function screenshots(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${shots}/${name}-${colorScheme}.png` });
    await expectAccessible(page, `the file grid: ${name}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('documents and photos show real thumbnails; the grid view moves by keyboard, opens, and is remembered', async ({
  page,
  world,
}) => {
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await world.completeSignIn('alice');
  const report = page.getByRole('row').filter({ hasText: 'Quarterly report Q3.pdf' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  // The list: the report's first page, drawn by Box as a JPEG, in place of the PDF icon.
  await expect(report.locator('img.file-thumbnail')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);

  await page.getByRole('row').filter({ hasText: 'Photos' }).dblclick();
  await expect(page.getByRole('row').filter({ hasText: '.png' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Grid' }).click();
  await expect(page.getByRole('button', { name: 'Grid' })).toHaveAttribute('aria-pressed', 'true');
  const tiles = grid(page).getByRole('gridcell');
  await expect(tiles.first()).toBeVisible();
  const count = await tiles.count();
  expect(count).toBeGreaterThan(2);
  await expect(tiles.first().locator('img.file-thumbnail')).toHaveAttribute('src', /^data:image\/png;base64,/);
  const columns = Number(await grid(page).getAttribute('aria-colcount'));
  expect(columns).toBeGreaterThan(1);

  // Keys as in the list, with tiles in rows: → one tile, ↓ one row, End the last, Home the first.
  await grid(page).focus();
  await expect(selectedTile(page)).toHaveCount(1);
  const first = await selectedTile(page).getAttribute('id');
  await page.keyboard.press('ArrowRight');
  expect(await selectedTile(page).getAttribute('id')).not.toBe(first);
  await expect(selectedTile(page)).toHaveAttribute('aria-colindex', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(selectedTile(page)).toHaveAttribute('id', first ?? '');
  await page.keyboard.press('End');
  await expect(selectedTile(page)).toHaveAttribute('id', (await tiles.last().getAttribute('id')) ?? '');
  await page.keyboard.press('Home');
  await expect(selectedTile(page)).toHaveAttribute('id', first ?? '');
  if (count > columns) {
    await page.keyboard.press('ArrowDown');
    await expect(selectedTile(page)).toHaveAttribute('aria-colindex', '1');
    await expect(selectedTile(page).locator('xpath=..')).toHaveAttribute('aria-rowindex', '2');
    await page.keyboard.press('ArrowUp');
  }
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', first ?? '');
  await screenshots(page, 'photos');

  // Enter previews the selected photo; Esc comes back to the grid.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preview-image')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('preview-dialog')).toBeHidden();
  await expect(grid(page)).toBeFocused();

  // Remembered: after a reload the file browser opens in the grid.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Grid' })).toHaveAttribute('aria-pressed', 'true');
  await expect(grid(page).getByRole('gridcell').filter({ hasText: 'Quarterly report Q3.pdf' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    grid(page).getByRole('gridcell').filter({ hasText: 'Quarterly report Q3.pdf' }).locator('img.file-thumbnail'),
  ).toHaveAttribute('src', /^data:image\/jpeg/);
  await screenshots(page, 'root');
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toBeVisible();
});
