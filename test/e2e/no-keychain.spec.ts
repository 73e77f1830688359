import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';
import { filesHolding } from './support/files-holding.ts';

/**
 * A machine with no Secret Service (run only by the no-keychain project): sign-in still works,
 * the session is kept in memory only, a quiet banner says so, and no token lands on disk.
 */
test.use({ demoContent: true });
/** Before the fixtures start: the shell's own folders are made after this. */
const started = Date.now() - 1_000;

test('without a keychain: sign in, see the banner, browse, sign out; no refresh token on disk', async ({
  page,
  world,
}) => {
  test.setTimeout(180_000);
  const refreshTokens: string[] = [];
  world.stack.idp.provider.on('refresh_token.saved', (token: { jti: string }) => refreshTokens.push(token.jti));

  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await world.completeSignIn('alice');
  await expect(page.getByTestId('signed-in-name')).toHaveText('Alice Example');

  const banner = page.getByTestId('keychain-banner');
  await expect(banner).toHaveText(/You'll need to sign in again next time: the system keychain is not available\./);
  await banner.getByText('Learn more').click();
  await expect(banner).toContainText('IT administrator guide');
  await page.screenshot({ path: 'test-results/screens/no-keychain-banner.png' });
  await expectAccessible(page, 'keychain banner, expanded');

  await page.getByRole('row', { name: /Archive \(10,000 items\)/ }).dblclick();
  await expect(page.getByText('10,000 items', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('file-list-body').press('End');
  await expectAccessible(page, '10,000-item folder');

  expect(refreshTokens.length).toBeGreaterThan(0);
  const roots = [join(homedir(), '.config'), join(homedir(), '.local', 'share')];
  expect(await filesHolding(roots, refreshTokens, started, [tmpdir()])).toEqual([]);
  // The scan can fail: a token written to a new temp folder is found.
  const canary = join(mkdtempSync(join(tmpdir(), 'no-keychain-canary-')), 'store.json');
  writeFileSync(canary, JSON.stringify({ refresh: refreshTokens[0] }));
  expect(await filesHolding(roots, refreshTokens, started, [tmpdir()])).toEqual([canary]);
  rmSync(dirname(canary), { recursive: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
