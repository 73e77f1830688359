import type { BoxClient } from 'box-node-sdk';
import jpeg from 'jpeg-js';
import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

/** A representation entry as Box's OpenAPI describes it (inside `File--Full.representations`). */
const ENTRY_SCHEMA =
  'components/schemas/File--Full/allOf/1/properties/representations/allOf/0/properties/entries/items';

let h: ConformanceHarness;
let client: BoxClient;
let userId: string;

beforeAll(async () => {
  h = await startConformanceHarness();
  userId = (await h.admin.users.createUser({ name: 'Previewer', isPlatformAccessOnly: true })).id;
  client = h.asUser(userId);
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

interface Entry {
  representation: string;
  properties: Record<string, string>;
  info: { url: string };
  status: { state: string };
  content: { url_template: string };
}

async function representations(fileId: string, hints?: string): Promise<Entry[]> {
  const file = await client.files.getFileById(fileId, {
    queryParams: { fields: ['representations'] },
    ...(hints === undefined ? {} : { headers: { xRepHints: hints, extraHeaders: {} } }),
  });
  return (file.rawData as unknown as { representations: { entries: Entry[] } }).representations.entries ?? [];
}

/** Reads a rendition URL through box-node-sdk's own authenticated request path. */
async function get(url: string, format: 'json' | 'binary', headers: Record<string, string> = {}) {
  const response = await client.makeRequest({ url, method: 'GET', responseFormat: format, headers });
  if (format === 'json') return { status: response.status, json: response.data as unknown as Record<string, unknown> };
  const chunks: Buffer[] = [];
  for await (const chunk of response.content as AsyncIterable<Buffer>) chunks.push(chunk);
  return { status: response.status, bytes: Buffer.concat(chunks), headers: response.headers };
}

const contentUrl = (entry: Entry, asset = '') => entry.content.url_template.replace('{+asset_path}', asset);
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

function distinctColours(rgba: Uint8Array): number {
  const seen = new Set<number>();
  for (let i = 0; i < rgba.length; i += 4) seen.add((rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!);
  return seen.size;
}

describe('x-rep-hints', () => {
  it('offers what Box offers per file type and narrows to the hinted representations', async () => {
    const doc = await h.emulator.controls.createFile({ ownerId: userId, name: 'Plan.docx', size: 1000 });
    const photo = await h.emulator.controls.createFile({ ownerId: userId, name: 'Beach.jpg', size: 1000 });
    const video = await h.emulator.controls.createFile({ ownerId: userId, name: 'Clip.mp4', size: 1000 });
    const docReps = (await representations(doc.id)).map((e) => `${e.representation}:${e.properties.dimensions ?? ''}`);
    expect(docReps).toEqual(expect.arrayContaining(['pdf:', 'extracted_text:', 'jpg:320x320', 'png:1024x1024']));
    const photoReps = (await representations(photo.id)).map((e) => e.representation);
    expect(new Set(photoReps)).toEqual(new Set(['jpg', 'png']));
    expect(await representations(video.id)).toEqual([]);
    const hinted = await representations(doc.id, '[pdf][jpg?dimensions=94x94][png?dimensions=999x999]');
    expect(hinted.map((e) => [e.representation, e.properties.dimensions])).toEqual([
      ['pdf', undefined],
      ['jpg', '94x94'],
    ]);
    expect(hinted[1]?.properties).toMatchObject({ paged: 'false', thumb: 'true' });
    // Without `fields=representations` Box sends none.
    expect((await client.files.getFileById(doc.id)).representations).toBeUndefined();
  });
});

describe('rendition content', () => {
  it('serves a real 20-page PDF, its pages as PNGs, and its extracted text', async () => {
    const report = await h.emulator.controls.createFile({ ownerId: userId, name: 'Board deck.pdf', pdfPages: 20 });
    const [pdf, png, text] = await representations(report.id, '[pdf][png?dimensions=1024x1024][extracted_text]');
    expect(pdf?.status.state).toBe('success');
    const pdfBytes = await get(contentUrl(pdf!), 'binary');
    expect(pdfBytes.bytes?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdfBytes.bytes!)).toBe(20);
    // One byte range, as Box's rendition servers answer pdf.js.
    const part = await get(contentUrl(pdf!), 'binary', { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers?.['content-range']).toBe(`bytes 100-199/${pdfBytes.bytes!.length}`);
    expect(part.bytes?.equals(pdfBytes.bytes!.subarray(100, 200))).toBe(true);
    expect(pdfBytes.headers?.['accept-ranges']).toBe('bytes');
    const info = await get(pdf!.info.url, 'json');
    expect(info.json).toMatchObject({ status: { state: 'success' }, metadata: { pages: 20 } });
    expect(h.validator.validateSchema(ENTRY_SCHEMA, info.json)).toEqual([]);

    const page1 = await get(contentUrl(png!, '1.png'), 'binary');
    const page20 = await get(contentUrl(png!, '20.png'), 'binary');
    expect(page1.headers?.['content-type']).toBe('image/png');
    expect(page1.bytes?.subarray(1, 4).toString()).toBe('PNG');
    expect(page1.bytes?.readUInt32BE(20)).toBe(1024); // IHDR height: a portrait page fitted in 1024x1024
    expect(page1.bytes?.equals(page20.bytes!)).toBe(false);
    await expect(get(contentUrl(png!, '21.png'), 'binary')).rejects.toMatchObject({
      responseInfo: { statusCode: 404 },
    });
    const extracted = await get(contentUrl(text!), 'binary');
    expect(extracted.bytes?.toString('utf8')).toContain('section 20');
  });

  it('renders images as real pictures at the requested size, and office files as their extracted text', async () => {
    const photo = await h.emulator.controls.createFile({ ownerId: userId, name: 'Harbour.png', size: 10 });
    const [jpg] = await representations(photo.id, '[jpg?dimensions=320x320]');
    const image = await get(contentUrl(jpg!), 'binary');
    const decoded = jpeg.decode(image.bytes!, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([320, 200]);
    expect(distinctColours(decoded.data)).toBeGreaterThan(50); // a gradient with a sun, not a flat square
    const sheet = await h.emulator.controls.createFile({
      ownerId: userId,
      name: 'Numbers.xlsx',
      size: 5000,
      documentText: 'Revenue\t42\n',
    });
    const [text] = await representations(sheet.id, '[extracted_text]');
    expect((await get(contentUrl(text!), 'binary')).bytes?.toString('utf8')).toBe('Revenue\t42\n');
  });
});

describe('pending -> success and failures (controls)', () => {
  it('keeps a representation pending for the configured looks, then answers success', async () => {
    const doc = await h.emulator.controls.createFile({ ownerId: userId, name: 'Slow.pdf', pdfPages: 2 });
    await h.emulator.controls.representations({
      fileId: doc.id,
      representation: 'pdf',
      state: 'pending',
      pendingPolls: 2,
    });
    const [pending] = await representations(doc.id, '[pdf]');
    expect(pending?.status.state).toBe('pending');
    const stillPending = await get(pending!.info.url, 'json');
    expect(stillPending.json).toMatchObject({ status: { state: 'pending' } });
    expect(h.validator.validateSchema(ENTRY_SCHEMA, stillPending.json)).toEqual([]);
    const ready = await get(pending!.info.url, 'json');
    expect(ready.json).toMatchObject({ status: { state: 'success' }, metadata: { pages: 2 } });
    expect((await get(contentUrl(pending!), 'binary')).bytes?.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('answers 202 for content while pending, and a failed rendition as error with 404 content', async () => {
    const doc = await h.emulator.controls.createFile({ ownerId: userId, name: 'Stuck.docx', size: 100 });
    await h.emulator.controls.representations({ fileId: doc.id, state: 'pending' });
    const [pdf] = await representations(doc.id, '[pdf]');
    const raw = await fetch(contentUrl(pdf!), {
      headers: { authorization: `Bearer ${(await h.emulator.controls.issueToken({ userId })).access_token}` },
    });
    expect(raw.status).toBe(202);
    expect(raw.headers.get('retry-after')).toBe('1');
    await h.emulator.controls.representations({ fileId: doc.id, state: 'error' });
    const [failed] = await representations(doc.id, '[pdf]');
    expect(failed?.status.state).toBe('error');
    await expect(get(contentUrl(failed!), 'binary')).rejects.toMatchObject({ responseInfo: { statusCode: 404 } });
    // box-node-sdk does not parse the body of a failed binary read; the request log has Box's error.
    const last = (await h.emulator.controls.requests()).at(-1);
    expect(last?.responseBody).toMatchObject({ status: 404, code: 'preview_cannot_be_generated' });
  });
});

describe('seeded demo content', () => {
  it('has a real 24-page report PDF and real photos', async () => {
    const demo = await startConformanceHarness({ demoContent: true });
    try {
      const user = await demo.admin.users.createUser({ name: 'Demo', isPlatformAccessOnly: true });
      const asDemo = demo.asUser(user.id);
      const root = await asDemo.folders.getFolderItems('0', { queryParams: { limit: 1000 } });
      const report = root.entries?.find((e) => e.name === 'Quarterly report Q3.pdf');
      const content = await asDemo.downloads.downloadFile(report!.id);
      const chunks: Buffer[] = [];
      for await (const chunk of content as AsyncIterable<Buffer>) chunks.push(chunk);
      expect(pdfPages(Buffer.concat(chunks))).toBe(24);
      const photos = root.entries?.find((e) => e.name === 'Photos');
      const sunset = (await asDemo.folders.getFolderItems(photos!.id)).entries?.find((e) => e.name === 'Sunset.png');
      const file = await asDemo.files.getFileById(sunset!.id, {
        queryParams: { fields: ['representations'] },
        headers: { xRepHints: '[jpg?dimensions=1024x1024]', extraHeaders: {} },
      });
      const entry = (file.rawData as unknown as { representations: { entries: Entry[] } }).representations.entries[0]!;
      const response = await asDemo.makeRequest({ url: contentUrl(entry), method: 'GET', responseFormat: 'binary' });
      const bytes: Buffer[] = [];
      for await (const chunk of response.content as AsyncIterable<Buffer>) bytes.push(chunk);
      const decoded = jpeg.decode(Buffer.concat(bytes), { useTArray: true });
      expect(decoded.width).toBe(1024);
      expect(distinctColours(decoded.data)).toBeGreaterThan(50);
      expect((await demo.checkConformance()).failures).toEqual([]);
    } finally {
      await demo.close();
    }
  });
});
