/**
 * `node bench/listing/run.ts` (after `npx electron-vite build`): opens a 10,000-item folder in
 * the file browser in Chromium through the browser shell, with the real BoxService, backend token
 * and Box API emulator, and prints the time to first rows and to all items, the DOM rows
 * rendered and the Box calls made, beside a bare box-node-sdk loop over the same folder.
 */
import { chromium } from '@playwright/test';
import { startFileBrowserWorld } from '../../test/e2e/file-browser-world.ts';
import { listWithBareSdk, type LoopTiming } from './baseline.ts';
import { openFolderAndMeasure, type PageTiming } from './measure-in-page.ts';
import { chromiumArgs, chromiumExecutable } from '../../test/support/chromium.ts';

const itemCount = Number(process.env.LISTING_ITEMS ?? 10_000);
const runs = Number(process.env.LISTING_RUNS ?? 5);
const pageSize = 1000;
const itemsRoute = 'GET /2.0/folders/{folder_id}/items';

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

const world = await startFileBrowserWorld();
const browser = await chromium.launch({
  executablePath: chromiumExecutable,
  args: chromiumArgs,
});
try {
  const alice = await world.signInAs('alice');
  const controls = world.stack.box.emulator.controls;
  const big = await alice.service.createFolder('0', 'Big');
  await controls.seedItems({
    ownerId: alice.boxUserId,
    parentId: big.id,
    count: itemCount,
    namePrefix: 'item',
    size: 2048,
  });
  const expectedStatus = `${new Intl.NumberFormat('en-US').format(itemCount)} items`;

  const app: PageTiming[] = [];
  const calls: Record<string, number>[] = [];
  for (let run = 0; run < runs; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 }, locale: 'en-US' });
    await page.goto(world.harness.url);
    await page.getByRole('row').filter({ hasText: 'Big' }).waitFor();
    await controls.clearRequests();
    app.push(await openFolderAndMeasure(page, 'Big', expectedStatus));
    calls.push(await controls.callCounts());
    await page.close();
  }

  const token = await alice.tokens.getToken();
  const origin = world.stack.box.emulator.origin;
  const fields = ['type', 'id', 'name', 'size', 'modified_at', 'extension'];
  const sameFields: LoopTiming[] = [];
  const sdkDefaults: LoopTiming[] = [];
  for (let run = 0; run < runs; run += 1) {
    sameFields.push(await listWithBareSdk(origin, token, big.id, pageSize, fields));
    sdkDefaults.push(await listWithBareSdk(origin, token, big.id));
  }

  const minimumCalls = Math.ceil(itemCount / pageSize);
  const last = calls.at(-1) ?? {};
  const boxCalls = Object.values(last).reduce((sum, count) => sum + count, 0);
  console.log(
    `\nListing a ${itemCount.toLocaleString('en-US')}-item folder — median of ${runs} runs (Box API emulator on loopback)\n`,
  );
  console.table({
    'file browser (Chromium, harness)': {
      'first rows': ms(median(app.map((r) => r.firstRowsMs))),
      'all items': ms(median(app.map((r) => r.allLoadedMs))),
      'DOM rows (max)': Math.max(...app.map((r) => r.maxDomRows)),
      'Box calls': `${boxCalls} (${last[itemsRoute] ?? 0} list pages${
        boxCalls > (last[itemsRoute] ?? 0)
          ? ' + ' +
            Object.entries(last)
              .filter(([route]) => route !== itemsRoute)
              .map(([route, n]) => `${n}× ${route}`)
              .join(', ')
          : ''
      })`,
    },
    'bare box-node-sdk loop, limit 1000, same fields': {
      'first rows': ms(median(sameFields.map((r) => r.firstPageMs))),
      'all items': ms(median(sameFields.map((r) => r.allMs))),
      'DOM rows (max)': '—',
      'Box calls': String(sameFields[0]?.calls ?? 0),
    },
    'bare box-node-sdk loop, SDK defaults': {
      'first rows': ms(median(sdkDefaults.map((r) => r.firstPageMs))),
      'all items': ms(median(sdkDefaults.map((r) => r.allMs))),
      'DOM rows (max)': '—',
      'Box calls': String(sdkDefaults[0]?.calls ?? 0),
    },
  });
  const firstRows = median(app.map((r) => r.firstRowsMs));
  const maxRows = Math.max(...app.map((r) => r.maxDomRows));
  console.log(
    [
      `targets: first rows ≤ 500 ms: ${firstRows <= 500 ? 'met' : 'MISSED'} (${ms(firstRows)})`,
      `DOM rows ≤ 200: ${maxRows <= 200 ? 'met' : 'MISSED'} (${maxRows})`,
      `Box calls = minimum paging needs (${minimumCalls} at ${pageSize} per page): ${boxCalls === minimumCalls ? 'met' : 'MISSED'} (${boxCalls})`,
    ].join('\n'),
  );
} finally {
  await browser.close();
  await world.close();
}
