import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './sandbox-fixtures.ts';
import { filesHolding } from './support/files-holding.ts';

/**
 * A machine with no Secret Service (run only by the no-keychain project): sign-in still works,
 * the session is kept in memory only, a quiet banner says so, and no token lands on disk.
 */
test.use({ demoContent: true });

test('without a keychain: sign in, see the banner, browse, sign out; no refresh token on disk', async ({
  page,
  world,
}) => {
  const started = Date.now() - 1_000;
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

  await page.getByRole('row', { name: /Projects/ }).dblclick();
  await expect(page.getByRole('navigation', { name: 'Folder path' })).toContainText('Projects');

  expect(refreshTokens.length).toBeGreaterThan(0);
  const roots = [tmpdir(), join(homedir(), '.config'), join(homedir(), '.local', 'share')];
  expect(await filesHolding(roots, refreshTokens, started)).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
