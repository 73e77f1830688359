import type { BoxClient } from 'box-node-sdk';
import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let userId: string;
let client: BoxClient;

const status = (statusCode: number, code?: string) => ({
  responseInfo: { statusCode, ...(code === undefined ? {} : { code: expect.stringContaining(code) as unknown }) },
});

beforeAll(async () => {
  h = await startConformanceHarness();
  userId = (await h.admin.users.createUser({ name: 'Tidy', isPlatformAccessOnly: true })).id;
  client = h.asUser(userId);
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

describe('trash', () => {
  it('moves a deleted file to the trash, shows it there, and restores it where it was', async () => {
    const folder = await client.folders.createFolder({ name: 'Work', parent: { id: '0' } });
    const file = await h.emulator.controls.createFile({
      ownerId: userId,
      parentId: folder.id,
      name: 'a.txt',
      text: 'a',
    });
    await client.files.deleteFileById(file.id);
    // Box's "Common errors" guide: a trashed item is 404 `trashed`.
    await expect(client.files.getFileById(file.id)).rejects.toMatchObject(status(404, 'trashed'));
    expect((await client.folders.getFolderItems(folder.id)).totalCount).toBe(0);
    const trashed = await client.trashedFiles.getTrashedFileById(file.id);
    expect(trashed).toMatchObject({ id: file.id, itemStatus: 'trashed', parent: { id: folder.id } });
    expect(trashed.trashedAt).toBeDefined();
    const listed = await client.trashedItems.getTrashedItems();
    expect(listed.entries?.map((e) => e.id)).toEqual([file.id]);
    const restored = await client.trashedFiles.restoreFileFromTrash(file.id);
    expect(restored).toMatchObject({ id: file.id, itemStatus: 'active', parent: { id: folder.id } });
    expect((await client.folders.getFolderItems(folder.id)).entries?.map((e) => e.id)).toEqual([file.id]);
    await expect(client.trashedFiles.getTrashedFileById(file.id)).rejects.toMatchObject(status(404, 'not_trashed'));
  });

  it('needs a parent to restore into once the original parent is gone, and refuses a taken name', async () => {
    const folder = await client.folders.createFolder({ name: 'Doomed', parent: { id: '0' } });
    const file = await h.emulator.controls.createFile({
      ownerId: userId,
      parentId: folder.id,
      name: 'keep.txt',
      text: 'k',
    });
    await client.files.deleteFileById(file.id);
    await client.folders.deleteFolderById(folder.id);
    await client.trashedFolders.deleteTrashedFolderById(folder.id);
    await expect(client.trashedFiles.restoreFileFromTrash(file.id)).rejects.toMatchObject(status(403));
    await h.emulator.controls.createFile({ ownerId: userId, name: 'keep.txt', text: 'other' });
    await expect(
      client.trashedFiles.restoreFileFromTrash(file.id, { requestBody: { parent: { id: '0' } } }),
    ).rejects.toMatchObject(status(409, 'item_name_in_use'));
    const restored = await client.trashedFiles.restoreFileFromTrash(file.id, {
      requestBody: { parent: { id: '0' }, name: 'keep (restored).txt' },
    });
    expect(restored).toMatchObject({ name: 'keep (restored).txt', parent: { id: '0' } });
  });

  it('trashes a folder with what is inside, restores it whole, and purges for good', async () => {
    const folder = await client.folders.createFolder({ name: 'Box of things', parent: { id: '0' } });
    const inner = await h.emulator.controls.createFile({
      ownerId: userId,
      parentId: folder.id,
      name: 'in.txt',
      text: 'i',
    });
    await expect(client.folders.deleteFolderById(folder.id)).rejects.toMatchObject(status(400));
    // box-node-sdk reads no body on a failed DELETE; the request log has Box's code.
    expect((await h.emulator.controls.requests()).at(-1)?.responseBody).toMatchObject({ code: 'folder_not_empty' });
    await client.folders.deleteFolderById(folder.id, { queryParams: { recursive: true } });
    await expect(client.files.getFileById(inner.id)).rejects.toMatchObject(status(404));
    // Only the folder itself is in the trash; what was in it comes back with it.
    await expect(client.trashedFiles.getTrashedFileById(inner.id)).rejects.toMatchObject(status(404));
    expect((await client.trashedFolders.getTrashedFolderById(folder.id)).itemStatus).toBe('trashed');
    await client.trashedFolders.restoreFolderFromTrash(folder.id);
    expect((await client.files.getFileById(inner.id)).name).toBe('in.txt');

    await client.files.deleteFileById(inner.id);
    await client.trashedFiles.deleteTrashedFileById(inner.id);
    await expect(client.trashedFiles.getTrashedFileById(inner.id)).rejects.toMatchObject(status(404));
    await expect(client.trashedFiles.restoreFileFromTrash(inner.id)).rejects.toMatchObject(status(404));
    // Purging something not in the trash is `404 not_trashed`.
    await expect(client.trashedFolders.deleteTrashedFolderById(folder.id)).rejects.toMatchObject(status(404));
  });
});
