/**
 * `node bench/preview/run.ts` (after `npm run build`): previews in Chromium through the browser
 * shell with the real PreviewService, backend token and Box API emulator. Prints the time from the
 * double-click to the first page drawn for a 20-page PDF (median of runs), pages per second when
 * paging through a 200-page PDF, and the page's JS heap before and after those 200 pages (after a
 * forced garbage collection). The target (1,000 ms) is printed beside the first page; a
 * baseline run of pdf.js alone is not part of this script yet (docs/preview.md).
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { startFileBrowserWorld } from '../../test/e2e/file-browser-world.ts';
import { chromiumArgs, chromiumExecutable } from '../../test/support/chromium.ts';

const runs = Number(process.env.PREVIEW_RUNS ?? 5);
const pagesToPage = Number(process.env.PREVIEW_PAGES ?? 200);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const world = await startFileBrowserWorld();
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });

/** Double-clicks the row and waits in the page (one animation frame at a time) for page 1 drawn. */
async function firstPageMs(page: Page, name: string): Promise<number> {
  return page.evaluate(async (fileName) => {
    const row = [...document.querySelectorAll('[role="row"]')].find((candidate) =>
      candidate.textContent?.includes(fileName),
    );
    if (!row) throw new Error(`no row ${fileName}`);
    const start = performance.now();
    row.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const drawn = document.querySelector('[data-testid="pdf-page"][data-drawn="true"][data-page="1"]');
      if (drawn) return performance.now() - start;
    }
  }, name);
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1024 / 1024;
}

try {
  const alice = await world.signInAs('alice');
  const controls = world.stack.box.emulator.controls;
  for (const pages of [20, pagesToPage]) {
    await controls.createFile({
      ownerId: alice.boxUserId,
      parentId: '0',
      name: `Report ${pages} pages.pdf`,
      pdfPages: pages,
    });
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await page.goto(world.harness.url);
  await page.getByRole('row').filter({ hasText: 'Report 20 pages.pdf' }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  const first: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    first.push(await firstPageMs(page, 'Report 20 pages.pdf'));
    await page.keyboard.press('Escape');
    await page.getByTestId('preview-dialog').waitFor({ state: 'hidden' });
  }

  await page
    .getByRole('row')
    .filter({ hasText: `Report ${pagesToPage} pages.pdf` })
    .dblclick();
  await page.locator('[data-testid="pdf-page"][data-drawn="true"][data-page="1"]').waitFor();
  const heapBefore = await heapMb(cdp);
  const paging = await page.evaluate(async (count) => {
    const next = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Next page');
    if (!next) throw new Error('no Next page button');
    const start = performance.now();
    for (let target = 2; target <= count; target += 1) {
      next.click();
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (document.querySelector(`[data-testid="pdf-page"][data-drawn="true"][data-page="${target}"]`)) break;
      }
    }
    return performance.now() - start;
  }, pagesToPage);
  const heapAfter = await heapMb(cdp);

  console.log(`preview first page: ${median(first).toFixed(0)} ms`);
  console.log(`preview first page runs: ${first.map((value) => value.toFixed(0)).join(', ')} ms`);
  console.log(`preview first page target: 1000 ms`);
  console.log(`preview pages/s: ${((pagesToPage - 1) / (paging / 1000)).toFixed(1)}`);
  console.log(`preview renderer heap before ${pagesToPage} pages: ${heapBefore.toFixed(1)} MB`);
  console.log(`preview renderer heap after ${pagesToPage} pages: ${heapAfter.toFixed(1)} MB`);
} finally {
  await browser.close();
  await world.close();
}
