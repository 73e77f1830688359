import type { Page } from '@playwright/test';

export interface PageTiming {
  firstRowsMs: number;
  allLoadedMs: number;
  /** Most rows the list had in the DOM at any animation frame while loading and scrolling. */
  maxDomRows: number;
  domRowsAtEnd: number;
}

interface Probe {
  start: number;
  firstRows: number;
  allLoaded: number;
  maxRows: number;
}

/**
 * Installs a per-frame probe in the page, then double-clicks the folder: the clock starts at
 * the dblclick event, "first rows" is the first frame showing rows of the new folder, "all
 * loaded" the first frame whose status bar reads the full count. Then the list is scrolled to
 * the bottom to check the DOM stays small.
 */
export async function openFolderAndMeasure(
  page: Page,
  folderName: string,
  expectedStatus: string,
): Promise<PageTiming> {
  await page.evaluate(
    ({ status, grid }) => {
      const probe: Probe = { start: 0, firstRows: 0, allLoaded: 0, maxRows: 0 };
      (window as unknown as { __probe: Probe }).__probe = probe;
      document.addEventListener('dblclick', () => (probe.start = performance.now()), { capture: true, once: true });
      const tick = (): void => {
        const rows = document.querySelectorAll('[data-testid="file-list-body"] [role="row"]');
        probe.maxRows = Math.max(probe.maxRows, rows.length);
        if (probe.start > 0) {
          const now = performance.now();
          const inFolder = document.querySelector('[role="grid"]')?.getAttribute('aria-label') === grid;
          if (!probe.firstRows && inFolder && rows.length > 0) probe.firstRows = now - probe.start;
          if (!probe.allLoaded && document.querySelector('.status-bar')?.textContent === status) {
            probe.allLoaded = now - probe.start;
          }
        }
        if (!probe.allLoaded) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    { status: expectedStatus, grid: `Contents of ${folderName}` },
  );
  await page.getByRole('row').filter({ hasText: folderName }).dblclick();
  await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.allLoaded > 0, undefined, {
    timeout: 60_000,
  });
  const list = page.getByTestId('file-list-body');
  await list.focus();
  for (let step = 1; step <= 5; step += 1) {
    await list.evaluate((element, fraction) => element.scrollTo({ top: element.scrollHeight * fraction }), step / 5);
    await page.waitForTimeout(50);
  }
  await page.keyboard.press('End');
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe;
    const rows = document.querySelectorAll('[data-testid="file-list-body"] [role="row"]').length;
    return {
      firstRowsMs: probe.firstRows,
      allLoadedMs: probe.allLoaded,
      maxDomRows: Math.max(probe.maxRows, rows),
      domRowsAtEnd: rows,
    };
  });
}
