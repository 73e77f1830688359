import { createHash } from 'node:crypto';
import { patternSha1, patternStream } from '../../../sandbox/box-emulator/content.ts';
import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

/**
 * The emulator must never be the bottleneck nor hold a whole file: a 1 GiB download and a
 * 1 GiB chunked upload (box-node-sdk `uploadBigFile`) run in this process while we sample its
 * resident memory. `BOX_EMULATOR_STREAM_BYTES` shrinks the size on slow machines.
 */
const SIZE = Number(process.env.BOX_EMULATOR_STREAM_BYTES ?? 1024 ** 3);
const MAX_GROWTH = 256 * 1024 * 1024;

let h: ConformanceHarness;
let userId: string;

beforeAll(async () => {
  h = await startConformanceHarness({ captureBodies: false });
  userId = (await h.emulator.controls.createUser({ name: 'Streamer' })).id;
});
afterAll(() => h.close());

/** Runs `work` while sampling RSS; returns the peak growth over the starting RSS. */
async function peakRssGrowth(work: () => Promise<void>): Promise<number> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage.rss()) - start;
}

describe('streaming', () => {
  it('serves a 1 GiB generated file without holding it in memory', { timeout: 180_000 }, async () => {
    const file = await h.emulator.controls.createFile({ ownerId: userId, name: 'huge.bin', size: SIZE, seed: 11 });
    const client = h.asUser(userId);
    let result = { sha1: '', size: 0 };
    const started = performance.now();
    const growth = await peakRssGrowth(async () => {
      const hash = createHash('sha1');
      let size = 0;
      for await (const chunk of (await client.downloads.downloadFile(file.id)) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
      }
      result = { sha1: hash.digest('hex'), size };
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `download ${SIZE} B in ${seconds.toFixed(1)} s (${(SIZE / 1024 ** 2 / seconds).toFixed(0)} MiB/s), peak RSS growth ${(growth / 1024 ** 2).toFixed(0)} MiB`,
    );
    expect(result).toEqual({ sha1: file.sha1, size: SIZE });
    expect(growth).toBeLessThan(MAX_GROWTH);
  });

  it('accepts a 1 GiB chunked upload without holding it in memory', { timeout: 300_000 }, async () => {
    const client = h.asUser(userId);
    let sha1 = '';
    const started = performance.now();
    const growth = await peakRssGrowth(async () => {
      const file = await client.chunkedUploads.uploadBigFile(patternStream(5, 0, SIZE), 'huge-upload.bin', SIZE, '0');
      sha1 = file.sha1 ?? '';
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `chunked upload ${SIZE} B in ${seconds.toFixed(1)} s (${(SIZE / 1024 ** 2 / seconds).toFixed(0)} MiB/s), peak RSS growth ${(growth / 1024 ** 2).toFixed(0)} MiB`,
    );
    expect(sha1).toBe(patternSha1(5, SIZE));
    expect(growth).toBeLessThan(MAX_GROWTH);
  });
});
