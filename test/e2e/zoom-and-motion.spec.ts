/**
 * 200 % zoom and the OS's "reduce motion". At 200 % a 1280 × 800 window is 640 × 400 CSS
 * pixels: the layout must reflow into that width (WCAG 1.4.10: no horizontal scrolling of the
 * page; the file list, a data grid, may scroll inside itself) with every control still on screen.
 * With reduced motion nothing in the app animates or transitions.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './sandbox-fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

test.use({ demoContent: true });

/** What sticks out of the window sideways: the page's own scroll width, and controls cut off at the right. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const control of document.querySelectorAll<HTMLElement>('button, input, select, [role="grid"], h1')) {
      if (control.offsetParent === null || control.closest('[role="grid"] [role="row"]')) continue;
      const box = control.getBoundingClientRect();
      if (box.right > width + 1 || box.left < -1)
        problems.push(
          `${control.tagName.toLowerCase()} "${control.textContent?.trim() || (control.getAttribute('aria-label') ?? '')}" at ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
    }
    return problems;
  });

test('at 200 % zoom (640 CSS pixels wide) every view reflows without sideways scrolling', async ({
  browser,
  world,
}) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(world.harness.url);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await overflow(page)).toEqual([]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Finish signing in in your browser' })).toBeVisible();
  expect(await overflow(page)).toEqual([]);
  await world.completeSignIn('alice');
  await expect(page.getByRole('row', { name: /Budget 2027\.xlsx/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/zoom/file-list-200.png' });
  expect(await overflow(page)).toEqual([]);
  await expectAccessible(page, 'file list at 200 %');
  // The toolbar's controls are reachable: on screen and working.
  for (const name of ['Upload', 'New folder', 'Sign out', 'Settings'])
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
  await expect(page.getByRole('searchbox')).toBeInViewport();

  await page.getByRole('button', { name: 'New folder', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'New folder' })).toBeVisible();
  expect(await overflow(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: 'test-results/zoom/settings-200.png' });
  expect(await overflow(page)).toEqual([]);
  await page.keyboard.press('Escape');

  // German words are longer.
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByRole('button', { name: 'Hochladen', exact: true })).toBeInViewport();
  await page.screenshot({ path: 'test-results/zoom/file-list-200-de.png' });
  expect(await overflow(page)).toEqual([]);
  await context.close();
});

/** Elements that animate or transition right now, by their class. */
const moving = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('*')]
      .filter((element) => {
        const style = getComputedStyle(element);
        const transitions = style.transitionDuration.split(',').some((duration) => parseFloat(duration) > 0);
        return style.animationName !== 'none' || transitions;
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );

test('with reduced motion nothing animates: not the sign-in spinner, the loading rows or the transfer bars', async ({
  page,
  world,
}) => {
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const spinner = page.getByRole('progressbar', { name: 'Waiting for the browser sign-in' });
  await expect(spinner).toBeVisible();
  // Without the setting the spinner turns: the check below can fail.
  expect(await moving(page)).toContain('div.spinner');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving(page)).toEqual([]);
  await world.completeSignIn('alice');
  await page.getByRole('row', { name: /Archive \(10,000 items\)/ }).dblclick();
  await expect(page.locator('.status-bar')).toHaveText(/10,000 items/, { timeout: 30_000 });
  expect(await moving(page)).toEqual([]);
});
