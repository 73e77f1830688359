import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

test('sign in through the system browser, see the signed-in header, sign out', async ({ page, world }) => {
  await page.goto(world.harness.url);
  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/signed-out.png' });
  await expectAccessible(page, 'signed out');

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Finish signing in in your browser' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/signing-in.png' });
  await expectAccessible(page, 'signing in');

  const tab = await world.completeSignIn('alice');
  await tab.screenshot({ path: 'test-results/screens/browser-callback.png' });
  // The callback page says where to go next and never shows the code.
  expect(await tab.content()).not.toMatch(/code=/);
  expect(new URL(world.openedUrls[0]!).searchParams.get('code_challenge_method')).toBe('S256');

  await expect(page.getByTestId('signed-in-name')).toHaveText('Alice Example');
  await expect(page.getByText('alice@example.com')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/signed-in.png' });
  await expectAccessible(page, 'signed in');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Your Box files, with your company sign-in' })).toBeVisible();
  await expect(page.getByTestId('signed-in-name')).toHaveCount(0);
});

test('"sign out of your company account too" signs out of the app and opens the IdP sign-out page', async ({
  page,
  world,
}) => {
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await world.completeSignIn('alice');
  await expect(page.getByTestId('signed-in-name')).toHaveText('Alice Example');

  await page.getByRole('button', { name: 'Sign-out options' }).click();
  await page.screenshot({ path: 'test-results/screens/sign-out-menu.png' });
  await expectAccessible(page, 'sign-out menu');
  // Opened at the window's right edge, the menu is moved back inside it.
  const menuBox = (await page.getByRole('menu', { name: 'Sign-out options' }).boundingBox())!;
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(page.viewportSize()!.width - 8);
  await page.getByRole('menuitem', { name: 'Sign out of your company account too' }).click();
  await expect(page.getByRole('heading', { name: 'Your Box files, with your company sign-in' })).toBeVisible();

  // The app handed the identity provider's end-session page to the system browser, where the IdP session lives.
  await expect.poll(() => world.openedUrls.length).toBe(2);
  const endSession = new URL(world.openedUrls[1]!);
  expect(`${endSession.origin}${endSession.pathname}`).toBe(`${world.stack.idp.issuer}/session/end`);
  expect(endSession.searchParams.has('id_token_hint')).toBe(true);
  const tab = await world.systemBrowser.newPage();
  // The URL carries the sandbox IdP's ID token as the hint: a failure here prints it, but it is a
  // throw-away token from the test's own IdP, never a real one.
  await tab.goto(endSession.href);
  await tab.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(tab.getByRole('heading', { name: 'You are signed out of the sandbox.' })).toBeVisible();
});

test('cancelling at the identity provider shows the sign-in error screen, whose Try again starts over', async ({
  page,
  world,
}) => {
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => world.openedUrls.length).toBe(1);
  const tab = await world.systemBrowser.newPage();
  await tab.goto(world.openedUrls[0]!);
  await tab.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/sign-in-error.png' });
  await expectAccessible(page, 'sign-in error');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'sign-in error, dark');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Finish signing in in your browser' })).toBeVisible();
});

test('cancelling a pending sign-in returns to the signed-out screen', async ({ page, world }) => {
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Finish signing in in your browser' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(world.openedUrls).toHaveLength(1);
});

test('the renderer never receives a token', async ({ page, world }) => {
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await world.completeSignIn('bob');
  await expect(page.getByTestId('signed-in-name')).toHaveText('Bob Example');
  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) {
    // ID tokens (and any other JWT) start with a base64url JSON header.
    expect(frame).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    // The Box emulator's access tokens, as the backend hands them to the main process, are 32 hex digits.
    expect(frame).not.toMatch(/\b[0-9a-f]{32}\b/);
  }
});
