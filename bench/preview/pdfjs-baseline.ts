/**
 * The floor for `preview first page`: the same PDF bytes opened by pdf.js alone, from a plain
 * static server on loopback (Range answered from memory), in the same Chromium — no app, no IPC,
 * no Box calls. The page draws page 1 to a canvas at the given scale and lays its text over it,
 * as the app's viewer does, with the same `getDocument` options.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const pdfjsFile = require.resolve('pdfjs-dist/build/pdf.min.mjs');
const workerFile = require.resolve('pdfjs-dist/build/pdf.worker.min.mjs');

const pageHtml = `<!doctype html><meta charset="utf-8"><title>pdf.js baseline</title>
<style>.textLayer{position:absolute;inset:0}.textLayer span{position:absolute;color:transparent;white-space:pre}</style>
<div style="position:relative"><canvas></canvas><div class="textLayer"></div></div>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
window.firstPage = async (width, shareWorker) => {
  window.sharedWorker ??= shareWorker ? new pdfjs.PDFWorker() : undefined;
  const start = performance.now();
  const task = pdfjs.getDocument({ url: '/report.pdf', disableAutoFetch: true, rangeChunkSize: 262144,
    ...(shareWorker ? { worker: window.sharedWorker } : {}) });
  const pdf = await task.promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
  const canvas = document.querySelector('canvas');
  canvas.width = Math.floor(viewport.width); canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  const text = document.querySelector('.textLayer');
  text.replaceChildren();
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const ms = performance.now() - start;
  await task.destroy();
  return ms;
};
</script>`;

export interface PdfjsBaseline {
  url: string;
  /** Time to page 1 drawn `width` CSS pixels wide (canvas and text); `shareWorker` keeps one worker across opens. */
  firstPageMs(page: Page, width: number, shareWorker: boolean): Promise<number>;
  close(): Promise<void>;
}

export async function startPdfjsBaseline(pdf: Buffer): Promise<PdfjsBaseline> {
  const files: Record<string, { bytes: Buffer; type: string }> = {
    '/': { bytes: Buffer.from(pageHtml), type: 'text/html; charset=utf-8' },
    '/pdf.mjs': { bytes: await readFile(pdfjsFile), type: 'text/javascript' },
    '/pdf.worker.mjs': { bytes: await readFile(workerFile), type: 'text/javascript' },
    '/report.pdf': { bytes: pdf, type: 'application/pdf' },
  };
  const server: Server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!file) return void response.writeHead(404).end();
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    const headers = { 'content-type': file.type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
    if (!range)
      return void response.writeHead(200, { ...headers, 'content-length': file.bytes.length }).end(file.bytes);
    const first = Number(range[1]);
    const last = Math.min(range[2] ? Number(range[2]) : file.bytes.length - 1, file.bytes.length - 1);
    response
      .writeHead(206, {
        ...headers,
        'content-length': last - first + 1,
        'content-range': `bytes ${first}-${last}/${file.bytes.length}`,
      })
      .end(file.bytes.subarray(first, last + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    firstPageMs: (page, width, shareWorker) =>
      page.evaluate(
        ([value, share]) =>
          (window as unknown as { firstPage: (s: number, w: boolean) => Promise<number> }).firstPage(value, share),
        [width, shareWorker] as const,
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
