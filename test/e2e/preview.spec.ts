/**
 * Previews in Chromium with nothing simulated: the sandbox stack with demo content (the real
 * 24-page "Quarterly report Q3.pdf", office files with representations, photos), a real sign-in,
 * and the browser shell serving preview bytes from the core's handler. Every WebSocket frame and
 * every request the page makes is scanned for tokens. Screenshots land in /tmp/preview-shots/.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

test.use({ demoContent: true });
test.setTimeout(180_000);

const shots = '/tmp/preview-shots';
const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name }).first();
const dialog = (page: Page) => page.getByTestId('preview-dialog');

/** Both colour schemes of the current view, for a person to look at, each checked by axe. */
async function screenshots(page: Page, name: string, { axe = true } = {}): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${shots}/${name}-${colorScheme}.png` });
    if (axe) await expectAccessible(page, `the viewer: ${name}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Records what could carry a token to the page: frames both ways, every request's URL and headers, every answer's headers. */
function scanForTokens(page: Page): { texts: string[] } {
  const texts: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => texts.push(String(frame.payload)));
    socket.on('framesent', (frame) => texts.push(String(frame.payload)));
  });
  page.on('request', (request) => texts.push(`${request.url()} ${JSON.stringify(request.headers())}`));
  page.on('response', (response) => texts.push(`${response.url()} ${JSON.stringify(response.headers())}`));
  return { texts };
}

function expectNoTokens(texts: string[], emulatorOrigin: string): void {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    // The emulator's access tokens are 32 hex digits.
    expect(text).not.toMatch(/\b[0-9a-f]{32}\b/);
    // No Box content or representation URL (their download tickets) ever reaches the page, and the
    // page itself never calls Box: only the configured API origin appears, in config:get.
    expect(text).not.toMatch(/\/internal_files\/|\/d\/1\//);
    expect(text).not.toMatch(new RegExp(`^${emulatorOrigin.replaceAll('.', '\\.')}`));
  }
}

/** Signs alice in and answers her Box user id, for files the test adds to her root folder. */
async function signIn(page: Page, world: Parameters<Parameters<typeof test>[2]>[0]['world']): Promise<string> {
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await world.completeSignIn('alice');
  await expect(row(page, 'Quarterly report Q3.pdf')).toBeVisible({ timeout: 30_000 });
  const session = await world.core.handlers['session:get']();
  if (session.status !== 'signed-in') throw new Error('not signed in');
  return session.user.boxUserId;
}

test('the report PDF pages and finds; office files through their PDF (pending first); text; no preview; ←/→ go through the folder', async ({
  page,
  world,
}) => {
  const scan = scanForTokens(page);
  const aliceId = await signIn(page, world);
  await world.stack.emulator.controls.createFile({
    ownerId: aliceId,
    parentId: '0',
    name: 'Sketch.fig',
    size: 4096,
  });
  await row(page, 'Quarterly report Q3.pdf').click();
  await page.keyboard.press('F5');
  await expect(row(page, 'Sketch.fig')).toBeVisible();

  await row(page, 'Quarterly report Q3.pdf').dblclick();
  await expect(dialog(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Preview of Quarterly report Q3.pdf' })).toBeVisible();
  const pdfPage = page.getByTestId('pdf-page');
  await expect(pdfPage).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await expect(page.getByText('of 24', { exact: true })).toBeVisible();
  // The page list shows pages as pictures, drawn lazily: only the rows in view exist.
  const listed = page.getByTestId('pdf-page-list-item');
  await expect(listed.first().locator('canvas[data-drawn="true"]')).toBeVisible();
  expect(await listed.count()).toBeLessThan(24);
  await listed.filter({ hasText: 'Page 3' }).click();
  await expect(pdfPage).toHaveAttribute('data-page', '3');
  await expect(pdfPage).toHaveAttribute('data-drawn', 'true');
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(pdfPage).toHaveAttribute('data-page', '2');
  await expect(pdfPage).toHaveAttribute('data-drawn', 'true');
  // The text layer is real text: page 2's heading can be selected and copied.
  await expect(pdfPage.locator('.textLayer')).toContainText('Customers - section 2');
  await screenshots(page, 'pdf-page-2');

  await page.getByRole('searchbox', { name: 'Find in document' }).fill('Hiring');
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(page.getByTestId('pdf-find-result')).toHaveText(/\d+ matches on 3 pages/);
  await expect(pdfPage).toHaveAttribute('data-page', '5');
  await expect(pdfPage.locator('.preview-find-hit').first()).toBeVisible();
  await screenshots(page, 'pdf-find');

  // → from the report: the file with no preview, then the welcome text; ← three times is the
  // spreadsheet, Box's PDF of it pending at first.
  await world.stack.emulator.controls.representations({ representation: 'pdf', state: 'pending', pendingPolls: 12 });
  await dialog(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'Preview of Sketch.fig' })).toBeVisible();
  await expect(page.getByTestId('preview-none')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'Preview of Welcome to Box SSO Desktop.txt' })).toBeVisible();
  await expect(page.getByTestId('preview-text')).toContainText('Hello Alice!');
  await screenshots(page, 'text');
  for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { name: 'Preview of Budget 2027.xlsx' })).toBeVisible();
  await expect(page.getByTestId('preview-pending')).toBeVisible();
  await screenshots(page, 'pending');
  await expect(page.locator('[data-viewer="pdf"][data-source="pdf"]')).toBeVisible({ timeout: 30_000 });
  await expect(pdfPage.locator('.textLayer')).toContainText('Engineering', { timeout: 30_000 });
  await screenshots(page, 'office-pdf');

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await row(page, 'Sketch.fig').click();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('preview-none')).toHaveText(/No preview for this kind of file/);
  await expect(dialog(page).getByRole('button', { name: 'Download', exact: true })).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: 'Open', exact: true })).toBeVisible();
  await screenshots(page, 'no-preview');

  expectNoTokens(scan.texts, world.stack.emulator.origin);
});

test('a photo zooms and rotates; Markdown is rendered; a long text pages by Range across a forced token renewal', async ({
  page,
  world,
}) => {
  const scan = scanForTokens(page);
  const aliceId = await signIn(page, world);
  const lines = Array.from({ length: 12_000 }, (_, index) => `line ${index + 1}: ${'x'.repeat(20)}`).join('\n');
  await world.stack.emulator.controls.createFile({
    ownerId: aliceId,
    parentId: '0',
    name: 'server.log',
    text: lines,
  });

  await world.stack.emulator.controls.createFile({
    ownerId: aliceId,
    parentId: '0',
    name: 'Evil.md',
    text: '# Evil\n\n<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>\n',
  });
  await row(page, 'Photos').dblclick();
  const photo = page.getByRole('row').filter({ hasText: '.png' }).first();
  await photo.dblclick();
  const image = page.getByTestId('preview-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Rotate' }).click();
  await expect(image).toHaveAttribute('data-rotation', '90');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByText('125%')).toBeVisible();
  await screenshots(page, 'image');
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button').first().click();

  // Markdown is on the policy's default editable list (double-click opens it for editing): Space is the quick look.
  await row(page, 'Evil.md').click();
  await page.keyboard.press('Space');
  const evil = page.getByTestId('preview-markdown');
  await expect(evil.getByRole('heading', { name: 'Evil' })).toBeVisible();
  expect(await evil.innerHTML()).not.toMatch(/onerror|<script/);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await page.keyboard.press('Escape');

  await row(page, 'Projects').dblclick();
  await row(page, 'Website launch').dblclick();
  await row(page, 'Launch checklist.md').click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('preview-markdown').getByRole('heading', { name: 'Launch' })).toBeVisible();
  await expect(page.getByTestId('preview-markdown').getByRole('listitem')).toHaveCount(2);
  await screenshots(page, 'markdown');
  await page.keyboard.press('Escape');

  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button').first().click();
  await row(page, 'server.log').dblclick();
  const text = page.getByTestId('preview-text');
  await expect(text).toContainText('line 1: ');
  // 64 KiB first: the file is ~340 KB, so its last line is not there yet.
  await expect(text).not.toContainText('line 12000:');
  const tokenCalls = async () =>
    (await world.stack.emulator.controls.requests()).filter((entry) => entry.route?.includes('oauth2/token') === true)
      .length;
  const before = await tokenCalls();
  // Box says the token is no longer good: main renews it and the next part still arrives.
  await world.stack.emulator.controls.addFault({ route: 'GET /2.0/files/{file_id}/content', status: 401, times: 1 });
  const shown = await text.locator('li').count();
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect.poll(() => text.locator('li').count()).toBeGreaterThan(shown);
  expect(await tokenCalls()).toBeGreaterThan(before);
  // Thousands of lines: axe checked the text viewer on the short text already.
  await screenshots(page, 'text-long', { axe: false });

  expectNoTokens(scan.texts, world.stack.emulator.origin);
});

test('a preview URL from another page or for another user’s file is refused', async ({ page, world }) => {
  await signIn(page, world);
  // Not from our page: no Sec-Fetch-Site same-origin.
  const foreign = await fetch(`${world.harness.origin}/__browser-shell/preview/1/content`);
  expect(foreign.status).toBe(403);
  // A file id alice cannot read (bob's, or none at all) answers 404 without Box's body.
  const status = await page.evaluate(async () => (await fetch('/__browser-shell/preview/987654321/content')).status);
  expect(status).toBe(404);
});

test('a long PDF left open across a forced token renewal still pages (its parts come by Range)', async ({
  page,
  world,
}) => {
  const scan = scanForTokens(page);
  const aliceId = await signIn(page, world);
  await world.stack.emulator.controls.createFile({
    ownerId: aliceId,
    parentId: '0',
    name: 'Handbook.pdf',
    pdfPages: 2000,
  });
  await row(page, 'Quarterly report Q3.pdf').click();
  await page.keyboard.press('F5');
  await row(page, 'Handbook.pdf').dblclick();
  const pdfPage = page.getByTestId('pdf-page');
  await expect(pdfPage).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await expect(page.getByText('of 2000', { exact: true })).toBeVisible();
  const content = 'GET /2.0/internal_files/{file_id}/versions/{version_id}/representations/{rep_key}/content/';
  const log = world.stack.emulator.controls;
  const tokenCalls = async () =>
    (await log.requests()).filter((entry) => entry.route?.includes('oauth2/token') === true).length;
  const partsBefore = (await log.callCounts())[content] ?? 0;
  const tokensBefore = await tokenCalls();
  // Box says the token is no longer good: main renews it, and the far pages still arrive.
  await log.addFault({ route: content, status: 401, times: 1 });
  // Page 1000 lies in a part of the 5 MB file not read yet (the first page needed its start and end).
  await page.getByRole('spinbutton', { name: 'Page number' }).fill('1000');
  await expect(pdfPage).toHaveAttribute('data-page', '1000');
  await expect(pdfPage).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await expect(pdfPage.locator('.textLayer')).not.toBeEmpty();
  // The far page's part was refused once (401), then asked again with a renewed token.
  const parts = (await log.requests()).filter((entry) => entry.route === content);
  expect(parts.some((entry) => entry.status === 401)).toBe(true);
  expect(parts.at(-1)?.status).toBe(206);
  expect((await log.callCounts())[content] ?? 0).toBeGreaterThan(partsBefore);
  expect(await tokenCalls()).toBeGreaterThan(tokensBefore);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(pdfPage).toHaveAttribute('data-page', '1001');
  await expect(pdfPage).toHaveAttribute('data-drawn', 'true');
  expectNoTokens(scan.texts, world.stack.emulator.origin);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the viewer speaks German and nothing in its bar is cut off', async ({ page, world }) => {
    await page.setViewportSize({ width: 1000, height: 680 });
    await page.goto(world.harness.url);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await world.completeSignIn('alice');
    await row(page, 'Quarterly report Q3.pdf').dblclick();
    await expect(page.getByRole('heading', { name: 'Vorschau von Quarterly report Q3.pdf' })).toBeVisible();
    await expect(page.getByTestId('pdf-page')).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
    await expect(page.getByText('von 24', { exact: true })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Im Dokument suchen' }).fill('Hiring');
    await page.getByRole('button', { name: 'Nächster Treffer' }).click();
    await expect(page.getByTestId('pdf-find-result')).toHaveText(/\d+ Treffer auf 3 Seiten/);
    await page.getByRole('button', { name: 'Vergrößern' }).click();
    await expect(page.locator('.preview-zoom')).toHaveText(/\d+\s%/);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="preview-dialog"] :is(button, h2, output, span)')]
        .filter((element) => element.offsetParent !== null && element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent ?? ''),
    );
    expect(clipped).toEqual([]);
    await screenshots(page, 'pdf-german');
  });
});
