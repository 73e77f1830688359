/**
 * The settings screen in Chromium over the browser shell and the real core, with a policy file
 * read by the real loader: enforced settings are read-only and say so, the user's own are fields.
 * Screenshots in light and dark go to test-results/ for a person to look at.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { loadDesktopConfig } from '../../main/core/config/load-desktop-config.ts';
import type { BrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import { serveBrowserShell } from './fixtures.ts';

const test = base.extend<{ harness: BrowserShell }>({
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'settings-e2e-'));
    const policyFile = path.join(folder, 'policy.json');
    await writeFile(
      policyFile,
      JSON.stringify({
        issuer: 'https://login.example.com/tenant',
        clientId: 'box-sso-desktop',
        backendUrl: 'https://box-sso.example.com',
        updatesEnabled: true,
        updateUrl: 'https://updates.example.com/box-sso-desktop',
        updateChannel: 'stable',
        defaults: { loginHint: 'first.last@example.com' },
      }),
    );
    const config = await loadDesktopConfig({
      files: {
        policyFile,
        userSettingsFile: path.join(folder, 'settings.json'),
        bundledSettingsFile: path.join(folder, 'bundled-settings.json'),
      },
      isDevelopment: false,
      env: {},
    });
    await serveBrowserShell(config, use);
    await rm(folder, { recursive: true, force: true });
  },
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`enforced settings are read-only and marked, in ${colorScheme}`, async ({ page, harness }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();

    const issuer = dialog.locator('.setting-row', { hasText: 'Company sign-in' });
    await expect(issuer.getByText('Set by your organization')).toBeVisible();
    await expect(issuer.locator('input, select')).toHaveCount(0);
    const hint = dialog.locator('.setting-row', { hasText: 'Sign-in name to suggest' });
    await expect(hint.getByRole('textbox')).toHaveValue('first.last@example.com');
    await page.screenshot({ path: testInfo.outputPath(`settings-account-${colorScheme}.png`) });

    await dialog.getByRole('button', { name: 'Updates' }).click();
    const channel = dialog.locator('.setting-row', { hasText: 'Update channel' });
    await expect(channel.getByText('Set by your organization')).toBeVisible();
    await expect(channel.getByRole('combobox')).toHaveCount(0);
    // The browser shell has no updater: it reads as a development build.
    await expect(dialog.getByText('This is a development build; it does not update itself.')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`settings-updates-${colorScheme}.png`) });

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
}
