/**
 * `node bench/preview/run.ts` (after `npm run build`): previews in Chromium through the browser
 * shell with the real PreviewService, backend token and Box API emulator. Prints the time from the
 * double-click to the first page drawn for a 20-page PDF (median of runs) beside its baseline —
 * the same PDF opened by pdf.js alone from a plain static server in the same Chromium
 * (pdfjs-baseline.ts) — and where the app's time goes (the viewer's `preview:*` marks and its
 * byte requests); then pages per second when paging through a 200-page PDF, and the page's JS
 * heap before and after those 200 pages (after a forced garbage collection).
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { startFileBrowserWorld } from '../../test/e2e/file-browser-world.ts';
import { chromiumArgs, chromiumExecutable } from '../../test/support/chromium.ts';
import { startPdfjsBaseline } from './pdfjs-baseline.ts';

const runs = Number(process.env.PREVIEW_RUNS ?? 5);
const pagesToPage = Number(process.env.PREVIEW_PAGES ?? 200);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const list = (values: number[]): string => values.map((value) => value.toFixed(0)).join(', ');

const world = await startFileBrowserWorld();
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });

interface FirstPage {
  ms: number;
  /** Each `preview:*` mark and each preview byte request's end, in ms after the double-click. */
  phases: Record<string, number>;
}

/** Double-clicks the row and waits in the page (one animation frame at a time) for page 1 drawn. */
async function firstPage(page: Page, name: string): Promise<FirstPage> {
  return page.evaluate(async (fileName) => {
    const row = [...document.querySelectorAll('[role="row"]')].find((candidate) =>
      candidate.textContent?.includes(fileName),
    );
    if (!row) throw new Error(`no row ${fileName}`);
    performance.clearResourceTimings();
    const start = performance.now();
    row.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    row.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (document.querySelector('[data-testid="pdf-page"][data-drawn="true"][data-page="1"]')) break;
    }
    const ms = performance.now() - start;
    const phases: Record<string, number> = {};
    for (const mark of performance.getEntriesByType('mark'))
      if (mark.name.startsWith('preview:') && mark.startTime >= start) phases[mark.name] ??= mark.startTime - start;
    let request = 0;
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      if (entry.name.includes('/preview/') && entry.startTime >= start)
        phases[`bytes ${(request += 1)} (${entry.initiatorType})`] = entry.responseEnd - start;
    return { ms, phases };
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
  const report = await controls.createFile({
    ownerId: alice.boxUserId,
    parentId: '0',
    name: 'Report 20 pages.pdf',
    pdfPages: 20,
  });
  await controls.createFile({
    ownerId: alice.boxUserId,
    parentId: '0',
    name: `Report ${pagesToPage} pages.pdf`,
    pdfPages: pagesToPage,
  });
  const reportBytes = Buffer.from(
    await (
      await fetch(`${world.stack.box.emulator.origin}/2.0/files/${report.id}/content`, {
        headers: { authorization: `Bearer ${await alice.tokens.getToken()}` },
      })
    ).arrayBuffer(),
  );

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await page.goto(world.harness.url);
  await page.getByRole('row').filter({ hasText: 'Report 20 pages.pdf' }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  // A user reads the list before opening a file; meanwhile the viewer starts pdf.js's worker.
  const cold = await firstPage(page, 'Report 20 pages.pdf');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => performance.getEntriesByName('preview:worker-ready').length > 0);
  const first: FirstPage[] = [];
  for (let run = 0; run < runs; run += 1) {
    first.push(await firstPage(page, 'Report 20 pages.pdf'));
    await page.keyboard.press('Escape');
    await page.getByTestId('preview-dialog').waitFor({ state: 'hidden' });
  }
  // The baseline draws the page as wide as the app's viewer did (fit to width).
  await firstPage(page, 'Report 20 pages.pdf');
  const drawnWidth = await page
    .locator('[data-testid="pdf-page"] canvas')
    .evaluate((canvas: HTMLCanvasElement) => parseFloat(canvas.style.width));
  await page.keyboard.press('Escape');

  const baseline = await startPdfjsBaseline(reportBytes);
  const floorPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await floorPage.goto(baseline.url);
  await floorPage.waitForFunction(() => 'firstPage' in window);
  const floorFresh: number[] = [];
  const floorShared: number[] = [];
  for (let run = 0; run < runs; run += 1) floorFresh.push(await baseline.firstPageMs(floorPage, drawnWidth, false));
  for (let run = 0; run < runs; run += 1) floorShared.push(await baseline.firstPageMs(floorPage, drawnWidth, true));
  await floorPage.close();
  await baseline.close();

  await page
    .getByRole('row')
    .filter({ hasText: `Report ${pagesToPage} pages.pdf` })
    .dblclick();
  await page.locator('[data-testid="pdf-page"][data-drawn="true"][data-page="1"]').waitFor();
  const heapBefore = await heapMb(cdp);
  const paging = await page.evaluate(async (count) => {
    const next = document.querySelector<HTMLButtonElement>('[data-testid="pdf-next-page"]');
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

  const firstMs = first.map((run) => run.ms);
  console.log(`preview first page: ${median(firstMs).toFixed(0)} ms`);
  console.log(`preview first page runs: ${list(firstMs)} ms`);
  console.log(`preview first page target: 1000 ms`);
  console.log(
    `preview first page baseline (pdf.js alone, static server, new worker): ${median(floorFresh).toFixed(0)} ms`,
  );
  console.log(`preview first page baseline runs (new worker): ${list(floorFresh)} ms`);
  console.log(
    `preview first page baseline (pdf.js alone, static server, one worker): ${median(floorShared).toFixed(0)} ms`,
  );
  console.log(`preview first page baseline runs (one worker): ${list(floorShared)} ms`);
  console.log(
    `preview first page cold (double-click as the list appears, worker still starting): ${cold.ms.toFixed(0)} ms`,
  );
  const phaseNames = [...new Set(first.flatMap((run) => Object.keys(run.phases)))];
  const medianAt = (name: string) => median(first.map((run) => run.phases[name] ?? Number.NaN));
  for (const phase of phaseNames.sort((a, b) => medianAt(a) - medianAt(b)))
    console.log(
      `preview first page phase ${phase}: ${medianAt(phase).toFixed(0)} ms (runs ${list(first.map((run) => run.phases[phase] ?? Number.NaN))})`,
    );
  console.log(`preview pages/s: ${((pagesToPage - 1) / (paging / 1000)).toFixed(1)}`);
  console.log(`preview renderer heap before ${pagesToPage} pages: ${heapBefore.toFixed(1)} MB`);
  console.log(`preview renderer heap after ${pagesToPage} pages: ${heapAfter.toFixed(1)} MB`);
} finally {
  await browser.close();
  await world.close();
}
