import { Readable } from 'node:stream';
import type { BoxClient } from 'box-node-sdk';
import { dateTimeFromString } from 'box-node-sdk/internal/utils';
import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let ownerId: string;
let owner: BoxClient;
let editor: BoxClient;
let shared: string;

const status = (statusCode: number, code?: string) => ({
  responseInfo: { statusCode, ...(code === undefined ? {} : { code: expect.stringContaining(code) as unknown }) },
});

async function text(stream: unknown): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function upload(client: BoxClient, fileId: string, body: string) {
  const { name } = await client.files.getFileById(fileId, { queryParams: { fields: ['name'] } });
  return client.uploads.uploadFileVersion(fileId, {
    attributes: { name: name ?? '' },
    file: Readable.from([Buffer.from(body)]),
  });
}

beforeAll(async () => {
  h = await startConformanceHarness();
  ownerId = (await h.admin.users.createUser({ name: 'Owner', isPlatformAccessOnly: true })).id;
  const editorId = (await h.admin.users.createUser({ name: 'Editor', isPlatformAccessOnly: true })).id;
  owner = h.asUser(ownerId);
  editor = h.asUser(editorId);
  shared = (await owner.folders.createFolder({ name: 'Team', parent: { id: '0' } })).id;
  await owner.userCollaborations.createCollaboration({
    item: { type: 'folder', id: shared },
    accessibleBy: { type: 'user', id: editorId },
    role: 'editor',
  });
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

describe('copy', () => {
  it('copies a file, optionally renamed; a taken name is 409 item_name_in_use with the conflicting item', async () => {
    const file = await h.emulator.controls.createFile({ ownerId, parentId: shared, name: 'memo.txt', text: 'memo' });
    const copy = await owner.files.copyFile(file.id, { parent: { id: '0' } });
    expect(copy).toMatchObject({ name: 'memo.txt', parent: { id: '0' }, sha1: file.sha1 });
    expect(copy.id).not.toBe(file.id);
    expect(await text(await owner.downloads.downloadFile(copy.id))).toBe('memo');
    const renamed = await owner.files.copyFile(file.id, { parent: { id: shared }, name: 'memo (copy).txt' });
    expect(renamed.name).toBe('memo (copy).txt');
    const clash = await owner.files.copyFile(file.id, { parent: { id: '0' } }).catch((e: unknown) => e);
    expect(clash).toMatchObject(status(409, 'item_name_in_use'));
    expect(
      (clash as { responseInfo: { contextInfo: { conflicts: { id: string }[] } } }).responseInfo.contextInfo
        .conflicts[0]?.id,
    ).toBe(copy.id);
  });

  it('copies a folder with everything in it, and never into itself', async () => {
    const folder = await owner.folders.createFolder({ name: 'Source', parent: { id: '0' } });
    const inner = await owner.folders.createFolder({ name: 'Inner', parent: { id: folder.id } });
    await h.emulator.controls.createFile({ ownerId, parentId: inner.id, name: 'deep.txt', text: 'deep' });
    const copy = await owner.folders.copyFolder(folder.id, { parent: { id: '0' }, name: 'Source copy' });
    expect(copy.name).toBe('Source copy');
    const copiedInner = (await owner.folders.getFolderItems(copy.id)).entries?.[0];
    expect(copiedInner).toMatchObject({ name: 'Inner' });
    expect(copiedInner?.id).not.toBe(inner.id);
    expect((await owner.folders.getFolderItems(copiedInner!.id)).entries?.map((e) => e.name)).toEqual(['deep.txt']);
    await expect(owner.folders.copyFolder(folder.id, { parent: { id: '0' } })).rejects.toMatchObject(
      status(409, 'item_name_in_use'),
    );
    await expect(owner.folders.copyFolder(folder.id, { parent: { id: inner.id } })).rejects.toMatchObject(status(400));
  });
});

describe('locks', () => {
  it('keeps a lock set with PUT, shows it in fields=lock, and removes it with lock: null', async () => {
    const file = await h.emulator.controls.createFile({ ownerId, parentId: shared, name: 'locked.docx', text: 'v1' });
    const locked = await editor.files.updateFileById(file.id, {
      requestBody: { lock: { access: 'lock', isDownloadPrevented: false } },
      queryParams: { fields: ['lock'] },
    });
    expect(locked.lock).toMatchObject({ type: 'lock', createdBy: { name: 'Editor' }, isDownloadPrevented: false });
    const read = await owner.files.getFileById(file.id, { queryParams: { fields: ['lock'] } });
    expect(read.lock?.id).toBe(locked.lock?.id);
    const unlocked = await editor.files.updateFileById(file.id, {
      requestBody: { lock: null },
      queryParams: { fields: ['lock'] },
    });
    expect(unlocked.rawData).toMatchObject({ lock: null });
  });

  it("refuses other users' new versions, renames and deletes of a locked file (access_denied_item_locked)", async () => {
    const file = await h.emulator.controls.createFile({ ownerId, parentId: shared, name: 'contract.docx', text: 'v1' });
    await owner.files.updateFileById(file.id, {
      requestBody: { lock: { access: 'lock', isDownloadPrevented: true } },
    });
    await expect(upload(editor, file.id, 'v2 by editor')).rejects.toMatchObject(
      status(403, 'access_denied_item_locked'),
    );
    await expect(editor.files.updateFileById(file.id, { requestBody: { name: 'renamed.docx' } })).rejects.toMatchObject(
      status(403, 'access_denied_item_locked'),
    );
    await expect(editor.files.deleteFileById(file.id)).rejects.toMatchObject(status(403));
    await expect(editor.downloads.downloadFile(file.id)).rejects.toMatchObject(status(403));
    await expect(editor.files.updateFileById(file.id, { requestBody: { lock: null } })).rejects.toMatchObject(
      status(403, 'access_denied_item_locked'),
    );
    // The holder still uploads; nothing of the refused attempts was kept.
    await upload(owner, file.id, 'v2 by owner');
    expect(await text(await owner.downloads.downloadFile(file.id))).toBe('v2 by owner');
    // An expired lock binds no one.
    await owner.files.updateFileById(file.id, {
      requestBody: { lock: { access: 'lock', expiresAt: dateTimeFromString('2020-01-01T00:00:00+00:00') } },
    });
    await upload(editor, file.id, 'v3 by editor');
  });
});

describe('versions', () => {
  it('lists earlier versions, downloads one, and promotes it to current', async () => {
    const file = await h.emulator.controls.createFile({ ownerId, name: 'history.txt', text: 'first' });
    await upload(owner, file.id, 'second');
    await upload(owner, file.id, 'third');
    const versions = await owner.fileVersions.getFileVersions(file.id);
    expect(versions.totalCount).toBe(2);
    const [second, first] = versions.entries ?? [];
    expect([second?.versionNumber, first?.versionNumber]).toEqual(['2', '1']);
    expect(first).toMatchObject({ type: 'file_version', size: 5, modifiedBy: { id: ownerId } });
    expect(await text(await owner.downloads.downloadFile(file.id, { queryParams: { version: first!.id } }))).toBe(
      'first',
    );
    const promoted = await owner.fileVersions.promoteFileVersion(file.id, {
      requestBody: { id: first!.id, type: 'file_version' },
    });
    expect(promoted).toMatchObject({ type: 'file_version', versionNumber: '4', sha1: first!.sha1 });
    expect(await text(await owner.downloads.downloadFile(file.id))).toBe('first');
    expect((await owner.fileVersions.getFileVersions(file.id)).totalCount).toBe(3);
    await expect(owner.downloads.downloadFile(file.id, { queryParams: { version: '999999' } })).rejects.toMatchObject(
      status(404),
    );
  });
});

describe('upload preflight', () => {
  it('answers 409 with the conflict for a taken name and 403 storage_limit_exceeded when the size does not fit', async () => {
    const quotaUser = await h.admin.users.createUser({ name: 'Tight quota', isPlatformAccessOnly: true });
    await h.admin.users.updateUserById(quotaUser.id, { requestBody: { spaceAmount: 1000 } });
    const client = h.asUser(quotaUser.id);
    const taken = await h.emulator.controls.createFile({
      ownerId: quotaUser.id,
      name: 'taken.txt',
      text: 'x'.repeat(400),
    });
    const ok = await client.uploads.preflightFileUploadCheck({ name: 'new.txt', size: 500, parent: { id: '0' } });
    expect(ok.uploadUrl).toContain('/api/2.0/files/content');
    await expect(
      client.uploads.preflightFileUploadCheck({ name: 'TAKEN.txt', size: 1, parent: { id: '0' } }),
    ).rejects.toMatchObject(status(409, 'item_name_in_use'));
    await expect(
      client.uploads.preflightFileUploadCheck({ name: 'big.txt', size: 700, parent: { id: '0' } }),
    ).rejects.toMatchObject(status(403, 'storage_limit_exceeded'));
    await expect(
      client.uploads.uploadFile({
        attributes: { name: 'big.txt', parent: { id: '0' } },
        file: Readable.from([Buffer.alloc(700)]),
      }),
    ).rejects.toMatchObject(status(403, 'storage_limit_exceeded'));

    // OPTIONS /files/{id}/content: a new version replaces the old bytes in the quota count.
    const preflightVersion = (body: Record<string, unknown>) =>
      client.makeRequest({
        method: 'OPTIONS',
        url: `${h.emulator.origin}/2.0/files/${taken.id}/content`,
        data: body as never,
        contentType: 'application/json',
        responseFormat: 'json',
      });
    expect((await preflightVersion({ size: 900 })).data).toMatchObject({
      upload_url: expect.stringContaining(taken.id) as unknown,
    });
    await expect(preflightVersion({ size: 1200 })).rejects.toMatchObject(status(403, 'storage_limit_exceeded'));
    await client.uploads.uploadFile({
      attributes: { name: 'other.txt', parent: { id: '0' } },
      file: Readable.from([Buffer.from('o')]),
    });
    await expect(preflightVersion({ name: 'other.txt', size: 1 })).rejects.toMatchObject(
      status(409, 'item_name_in_use'),
    );
  });
});
