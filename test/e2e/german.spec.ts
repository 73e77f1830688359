import type { Page } from '@playwright/test';
import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

/** A German desktop: the browser's languages stand in for the OS's in the browser shell. */
test.use({ locale: 'de-DE', demoContent: true });

const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/screens/de-${name}.png` });
  await expectAccessible(page, `German, ${name}`);
};

/** Buttons and headings whose text is cut off (German words are long); the breadcrumbs shorten names on purpose. */
const clipped = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, h1, h2, .status-bar, [role="columnheader"]')]
      .filter((element) => element.offsetParent !== null && !element.closest('.breadcrumbs'))
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent ?? ''),
  );

test('German from the OS languages: sign in, the file list, numbers and dates in German; the setting switches to English', async ({
  page,
  world,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1000, height: 680 });
  await page.goto(world.harness.url);
  await expect(page.getByRole('heading', { name: 'Ihre Box-Dateien, mit der Anmeldung Ihrer Firma' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await shot(page, 'signed-out');
  expect(await clipped(page)).toEqual([]);

  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Schließen Sie die Anmeldung im Browser ab' })).toBeVisible();
  await shot(page, 'signing-in');
  await world.completeSignIn('alice');
  await expect(page.getByRole('button', { name: 'Geändert' })).toBeVisible();
  await expect(page.getByText('8 Elemente', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Budget 2027\.xlsx/ })).toContainText('182 kB');
  await expect(page.getByRole('row', { name: /Budget 2027\.xlsx/ })).toContainText(
    // Created seconds ago: today, unless midnight passed since (then a German date).
    /Heute, \d{1,2}:\d{2}|\d{1,2}\. \S+ \d{4}/,
  );
  await shot(page, 'file-list');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'file-list-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Menus, dialogs and settings in German: longer words, nothing cut off.
  await page.getByRole('row', { name: /Budget 2027\.xlsx/ }).click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Umbenennen…' })).toBeVisible();
  await shot(page, 'item-menu');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Diese Datei löschen?' })).toBeVisible();
  await shot(page, 'delete-dialog');
  expect(await clipped(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Einstellungen' }).click();
  const settings = page.getByRole('dialog', { name: 'Einstellungen' });
  for (const section of ['Konto', 'Netzwerk', 'Updates', 'Speicher', 'Info']) {
    await settings.getByRole('button', { name: section, exact: true }).click();
    await expect(settings.getByRole('heading', { level: 2 })).toHaveText(section);
    expect(await clipped(page)).toEqual([]);
  }
  await settings.getByRole('button', { name: 'Konto', exact: true }).click();
  await shot(page, 'settings');
  await page.keyboard.press('Escape');

  await page.getByRole('row', { name: /Archive \(10,000 items\)/ }).dblclick();
  await expect(page.getByText('10.000 Elemente', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await clipped(page)).toEqual([]);

  // The setting overrides the OS, and is kept.
  await page.getByLabel('Sprache').selectOption('en');
  await expect(page.getByText('10,000 items', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByLabel('Language').selectOption('system');
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
});

test('German in the file actions: grid, sharing, versions, trash, a selection and its picker, the viewer; nothing cut off', async ({
  page,
  world,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1000, height: 680 });
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await world.completeSignIn('alice');
  const row = (name: RegExp) => page.getByRole('row', { name }).first();
  await expect(row(/Budget 2027\.xlsx/)).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Raster', exact: true }).click();
  await expect(page.getByRole('gridcell', { name: /Budget 2027\.xlsx/ })).toBeVisible();
  await shot(page, 'grid');
  expect(await clipped(page)).toEqual([]);
  await page.getByRole('button', { name: 'Liste', exact: true }).click();

  await row(/Budget 2027\.xlsx/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Freigeben…' }).click();
  await expect(page.getByRole('dialog', { name: '„Budget 2027.xlsx“ freigeben' })).toBeVisible();
  await shot(page, 'share');
  expect(await clipped(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await row(/Budget 2027\.xlsx/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Versionsverlauf…' }).click();
  await expect(page.getByRole('dialog', { name: 'Versionen von „Budget 2027.xlsx“' })).toBeVisible();
  await shot(page, 'versions');
  expect(await clipped(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Papierkorb', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Papierkorb' })).toBeVisible();
  await shot(page, 'trash');
  expect(await clipped(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await row(/Budget 2027\.xlsx/).click();
  await row(/Quarterly report Q3\.pdf/).click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('toolbar', { name: 'Ausgewählte Elemente' });
  await expect(bar).toContainText('2 Elemente ausgewählt');
  await shot(page, 'selection');
  expect(await clipped(page)).toEqual([]);
  await bar.getByRole('button', { name: '2 Elemente verschieben…' }).click();
  await expect(page.getByRole('dialog', { name: /^2 Elemente verschieben nach/ })).toBeVisible();
  await shot(page, 'folder-picker');
  expect(await clipped(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await row(/Quarterly report Q3\.pdf/).click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pdf-page')).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await shot(page, 'viewer');
  expect(await clipped(page)).toEqual([]);
});
