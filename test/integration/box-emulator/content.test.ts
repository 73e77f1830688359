import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BoxClient } from 'box-node-sdk';
import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let client: BoxClient;
let userId: string;

async function bytesOf(stream: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');
const status = (statusCode: number) => ({ responseInfo: { statusCode } });

beforeAll(async () => {
  h = await startConformanceHarness();
  const user = await h.admin.users.createUser({ name: 'Content Owner', isPlatformAccessOnly: true });
  userId = user.id;
  client = h.asUser(userId);
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

describe('folders', () => {
  it('creates, renames, moves and deletes folders; 409 on a name clash', async () => {
    const parent = await client.folders.createFolder({ name: 'Projects', parent: { id: '0' } });
    expect(parent.parent?.id).toBe('0');
    const child = await client.folders.createFolder({ name: 'Alpha', parent: { id: parent.id } });
    expect(child.pathCollection?.entries.map((e) => e.id)).toEqual(['0', parent.id]);
    await expect(client.folders.createFolder({ name: 'alpha', parent: { id: parent.id } })).rejects.toMatchObject(
      status(409),
    );
    const renamed = await client.folders.updateFolderById(child.id, { requestBody: { name: 'Beta' } });
    expect(renamed.name).toBe('Beta');
    const moved = await client.folders.updateFolderById(child.id, { requestBody: { parent: { id: '0' } } });
    expect(moved.parent?.id).toBe('0');
    await expect(
      client.folders.updateFolderById(parent.id, { requestBody: { parent: { id: parent.id } } }),
    ).rejects.toMatchObject(status(400));
    await client.folders.createFolder({ name: 'inner', parent: { id: child.id } });
    await expect(client.folders.deleteFolderById(child.id)).rejects.toMatchObject(status(400));
    await client.folders.deleteFolderById(child.id, { queryParams: { recursive: true } });
    await expect(client.folders.getFolderById(child.id)).rejects.toMatchObject(status(404));
  });

  it('lists a 10,000-item folder with offset and marker paging, fields, sort and direction', async () => {
    const big = await client.folders.createFolder({ name: 'Big', parent: { id: '0' } });
    await h.emulator.controls.seedItems({ ownerId: userId, parentId: big.id, count: 10_000, namePrefix: 'doc' });
    await h.emulator.controls.seedItems({
      ownerId: userId,
      parentId: big.id,
      count: 3,
      namePrefix: 'sub',
      kind: 'folder',
    });
    const first = await client.folders.getFolderItems(big.id, { queryParams: { limit: 1000 } });
    expect(first.totalCount).toBe(10_003);
    expect(first.entries).toHaveLength(1000);
    expect(first.entries?.slice(0, 4).map((e) => e.name)).toEqual(['sub-0', 'sub-1', 'sub-2', 'doc-00000.txt']);
    const capped = await client.folders.getFolderItems(big.id, { queryParams: { limit: 5000, offset: 9_990 } });
    expect(capped.entries).toHaveLength(13);

    let marker: string | undefined;
    let seen = 0;
    do {
      const page = await client.folders.getFolderItems(big.id, {
        queryParams: { usemarker: true, limit: 1000, ...(marker ? { marker } : {}) },
      });
      seen += page.entries?.length ?? 0;
      marker = page.nextMarker ?? undefined;
    } while (marker);
    expect(seen).toBe(10_003);

    const desc = await client.folders.getFolderItems(big.id, {
      queryParams: { limit: 2, offset: 3, sort: 'name', direction: 'DESC', fields: ['name', 'size', 'modified_at'] },
    });
    expect(desc.entries?.[0]).toMatchObject({ name: 'doc-09999.txt', size: 0 });
    const raw = (await (
      await fetch(`${h.emulator.origin}/2.0/folders/${big.id}/items?limit=1&offset=3&fields=name`, {
        headers: { authorization: `Bearer ${(await h.emulator.controls.issueToken({ userId })).access_token}` },
      })
    ).json()) as { entries: Record<string, unknown>[] };
    expect(Object.keys(raw.entries[0] ?? {}).sort()).toEqual(['etag', 'id', 'name', 'type']);
  });
});

describe('files', () => {
  it('uploads with multipart, reads, renames, moves and deletes', async () => {
    const data = Buffer.from('hello box');
    const uploaded = await client.uploads.uploadFile({
      attributes: { name: 'hello.txt', parent: { id: '0' } },
      file: Readable.from([data]),
    });
    const file = uploaded.entries?.[0];
    expect(file).toMatchObject({ name: 'hello.txt', size: data.length, sha1: sha1(data) });
    const id = file?.id ?? '';
    const folder = await client.folders.createFolder({ name: 'Moved here', parent: { id: '0' } });
    const updated = await client.files.updateFileById(id, {
      requestBody: { name: 'renamed.txt', parent: { id: folder.id } },
    });
    expect(updated).toMatchObject({ name: 'renamed.txt', parent: { id: folder.id } });
    const current = await client.files.getFileById(id);
    expect(current.name).toBe('renamed.txt');
    const unchanged = await fetch(`${h.emulator.origin}/2.0/files/${id}`, {
      headers: {
        authorization: `Bearer ${(await h.emulator.controls.issueToken({ userId })).access_token}`,
        'if-none-match': current.etag ?? '',
      },
    });
    expect(unchanged.status).toBe(304);
    await client.files.deleteFileById(id);
    await expect(client.files.getFileById(id)).rejects.toMatchObject(status(404));
  });

  it('answers 409 item_name_in_use with the conflicting file in context_info', async () => {
    const first = await client.uploads.uploadFile({
      attributes: { name: 'dup.txt', parent: { id: '0' } },
      file: Readable.from([Buffer.from('1')]),
    });
    const error = await client.uploads
      .uploadFile({ attributes: { name: 'DUP.txt', parent: { id: '0' } }, file: Readable.from([Buffer.from('2')]) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      responseInfo: { statusCode: 409, code: expect.stringContaining('item_name_in_use') as unknown },
    });
    const context = (error as { responseInfo: { contextInfo: { conflicts: { id: string } } } }).responseInfo
      .contextInfo;
    expect(context.conflicts.id).toBe(first.entries?.[0]?.id);
  });

  it('answers the upload preflight check, with a 409 for a taken name', async () => {
    await h.emulator.controls.createFile({ ownerId: userId, name: 'preflight.txt', text: 'x' });
    const free = await client.uploads.preflightFileUploadCheck({ name: 'new.txt', size: 10, parent: { id: '0' } });
    expect(free.uploadUrl).toBe(`${h.emulator.origin}/api/2.0/files/content`);
    await expect(
      client.uploads.preflightFileUploadCheck({ name: 'preflight.txt', size: 10, parent: { id: '0' } }),
    ).rejects.toMatchObject(status(409));
  });

  it('rejects a multipart upload whose attributes come after the file', async () => {
    const { access_token } = await h.emulator.controls.issueToken({ userId });
    const form = new FormData();
    form.append('file', new Blob(['late']), 'late.txt');
    form.append('attributes', JSON.stringify({ name: 'late.txt', parent: { id: '0' } }));
    const response = await fetch(`${h.emulator.origin}/api/2.0/files/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'error', status: 400 });
  });

  it('uploads a new version and downloads it through a 302, honouring Range', async () => {
    const v1 = await client.uploads.uploadFile({
      attributes: { name: 'versions.txt', parent: { id: '0' } },
      file: Readable.from([Buffer.from('version one')]),
    });
    const id = v1.entries?.[0]?.id ?? '';
    const v2 = await client.uploads.uploadFileVersion(id, {
      attributes: { name: 'versions.txt' },
      file: Readable.from([Buffer.from('version two!')]),
    });
    expect(v2.entries?.[0]).toMatchObject({ id, versionNumber: '2', size: 12 });
    expect((await bytesOf(await client.downloads.downloadFile(id))).toString()).toBe('version two!');
    const part = await client.downloads.downloadFile(id, { headers: { range: 'bytes=8-10' } });
    expect((await bytesOf(part)).toString()).toBe('two');
    const url = await client.downloads.getDownloadFileUrl(id);
    expect(url.startsWith(`${h.emulator.origin}/d/`)).toBe(true);
    const suffix = await fetch(url, { headers: { range: 'bytes=-4' } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe('bytes 8-11/12');
    expect(await suffix.text()).toBe('two!');
    expect((await fetch(url, { headers: { range: 'bytes=50-' } })).status).toBe(416);
  });

  it('serves seeded generated files with their known SHA-1', async () => {
    const seeded = await h.emulator.controls.createFile({
      ownerId: userId,
      name: 'pattern.bin',
      size: 300_000,
      seed: 7,
    });
    const bytes = await bytesOf(await client.downloads.downloadFile(seeded.id));
    expect(bytes.length).toBe(300_000);
    expect(sha1(bytes)).toBe(seeded.sha1);
    expect((await client.files.getFileById(seeded.id)).sha1).toBe(seeded.sha1);
  });
});

describe('search', () => {
  it('matches names, filters by type and ancestor folder, and pages', async () => {
    const area = await client.folders.createFolder({ name: 'Search area', parent: { id: '0' } });
    for (const name of ['report-q1.pdf', 'report-q2.pdf', 'notes.txt']) {
      await h.emulator.controls.createFile({ ownerId: userId, parentId: area.id, name, text: name });
    }
    await client.folders.createFolder({ name: 'reports', parent: { id: area.id } });
    await h.emulator.controls.createFile({ ownerId: userId, name: 'report-elsewhere.pdf', text: 'x' });
    const results = await client.search.searchForContent({
      query: 'report',
      ancestorFolderIds: [area.id],
      type: 'file',
    });
    expect(results).toMatchObject({ totalCount: 2 });
    const paged = await client.search.searchForContent({ query: 'report', limit: 1, offset: 1 });
    expect(paged).toMatchObject({ totalCount: 4, entries: [expect.anything()] });
  });
});

describe('thumbnails', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

  it('serves a real PNG and JPEG for image files and a placeholder otherwise', async () => {
    const image = await h.emulator.controls.createFile({
      ownerId: userId,
      name: 'photo.jpg',
      text: 'not really a jpeg',
    });
    const pngBytes = await bytesOf(await client.files.getFileThumbnailById(image.id, 'png'));
    expect(pngBytes.subarray(0, 4)).toEqual(png);
    const jpgBytes = await bytesOf(await client.files.getFileThumbnailById(image.id, 'jpg'));
    expect(jpgBytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const doc = await h.emulator.controls.createFile({ ownerId: userId, name: 'doc.txt', text: 'text' });
    const { access_token } = await h.emulator.controls.issueToken({ userId });
    const placeholder = await fetch(`${h.emulator.origin}/2.0/files/${doc.id}/thumbnail.png`, {
      headers: { authorization: `Bearer ${access_token}` },
      redirect: 'manual',
    });
    expect(placeholder.status).toBe(302);
  });

  it('answers 202 with a lower-case retry-after while the thumbnail is generating', async () => {
    await h.emulator.controls.settings({ thumbnailPendingResponses: 1, thumbnailRetryAfterSeconds: 2 });
    const image = await h.emulator.controls.createFile({ ownerId: userId, name: 'late.png', text: 'x' });
    const { access_token } = await h.emulator.controls.issueToken({ userId });
    const url = `${h.emulator.origin}/2.0/files/${image.id}/thumbnail.png`;
    const pending = await fetch(url, { headers: { authorization: `Bearer ${access_token}` }, redirect: 'manual' });
    expect(pending.status).toBe(202);
    expect(pending.headers.get('retry-after')).toBe('2');
    const ready = await fetch(url, { headers: { authorization: `Bearer ${access_token}` } });
    expect(ready.status).toBe(200);
    expect(Buffer.from(await ready.arrayBuffer()).subarray(0, 4)).toEqual(png);
    await h.emulator.controls.settings({ thumbnailPendingResponses: 0 });
  });
});
