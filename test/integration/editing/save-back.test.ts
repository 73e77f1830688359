/**
 * "Open for editing" against the Box emulator: the working copy and its lock, Office-style saves
 * becoming new versions, Box busy or unreachable, someone else's lock, and the working folder's
 * privacy.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { useTransferPeers } from '../transfers/support/transfer-peers.ts';
import { alice, boxView, createEditingWorld, editorSaves, type EditingWorld } from './support/editing-world.ts';

const { peers } = useTransferPeers('editing');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const uploadRoute = 'POST /api/2.0/files/{file_id}/content';
let world: EditingWorld;
let fileCount = 0;

beforeEach(async () => {
  world = await createEditingWorld(peers());
  await world.service.signedIn(alice(peers()));
});
afterEach(async () => {
  await world.close();
});

async function aliceFile(text: string, extension = '.xlsx') {
  const folder = await peers().emulator.controls.createFolder({
    ownerId: peers().boxUserId,
    name: `edit-${++fileCount}`,
  });
  const file = await peers().emulator.controls.createFile({
    ownerId: peers().boxUserId,
    parentId: folder.id,
    name: `Budget 2027${extension}`,
    text,
  });
  return { fileId: file.id, folderId: folder.id };
}

test('opening locks the file on Box (downloads allowed) and opens a private working copy', async () => {
  const { fileId } = await aliceFile('v1');
  const edit = await world.service.open(fileId);
  expect(edit).toMatchObject({ fileId, name: 'Budget 2027.xlsx', state: 'editing', pendingSave: false });
  const [path] = world.opened;
  expect(await readFile(path!, 'utf8')).toBe('v1');
  const onBox = await boxView(peers(), fileId);
  expect(onBox.lock).toMatchObject({ created_by: { id: peers().boxUserId }, is_download_prevented: false });
  expect(onBox.lock).toHaveProperty('expired_at');
  // User-only: the whole working folder and the copy itself.
  const userFolder = dirname(dirname(path!));
  expect((await stat(join(world.dataDir, 'Editing'))).mode & 0o777).toBe(0o700);
  expect((await stat(userFolder)).mode & 0o777).toBe(0o700);
  expect((await stat(dirname(path!))).mode & 0o777).toBe(0o700);
  expect((await stat(path!)).mode & 0o777).toBe(0o600);
  expect((await stat(join(userFolder, 'journal.json'))).mode & 0o777).toBe(0o600);
});

test('an Office-style save (temp file renamed over, twice within a second) becomes one new version within 5 s', async () => {
  const { fileId } = await aliceFile('v1');
  await world.service.open(fileId);
  await peers().emulator.controls.clearRequests();
  const path = world.opened[0]!;
  await editorSaves(path, 'v2 draft', 'v2 final');
  const settledAt = Date.now();
  const saved = await world.until(fileId, (e) => e.state === 'saved');
  expect(Date.now() - settledAt).toBeLessThan(5000);
  expect(saved.savedAt).toBeDefined();
  const onBox = await boxView(peers(), fileId);
  expect(onBox.sha1).toBe(sha1('v2 final'));
  expect(onBox.earlier).toEqual([sha1('v1')]);
  const uploads = (await peers().emulator.controls.requests()).filter((r) => r.route === uploadRoute);
  expect(uploads.map((r) => r.status)).toEqual([200]);
  // The transfers panel lists the save as an upload.
  expect(world.transfers.manager.list()).toEqual([
    expect.objectContaining({ direction: 'upload', name: 'Budget 2027.xlsx', fileId, state: 'done' }),
  ]);
  // The next save builds on the one before (If-Match on the new etag), again without a conflict.
  await editorSaves(path, 'v3');
  await world.until(fileId, (e) => e.state === 'saved' && (e.savedAt ?? '') > saved.savedAt!);
  expect((await boxView(peers(), fileId)).earlier).toEqual([sha1('v2 final'), sha1('v1')]);
});

test('while Box is busy (503) or unreachable the save waits, says so, and goes up once Box is back', async () => {
  const { fileId } = await aliceFile('v1');
  await world.service.open(fileId);
  // More 503s than the transfer's own retries: the edit must wait and come back.
  await peers().emulator.controls.addFault({ route: uploadRoute, status: 503, times: 5 });
  await editorSaves(world.opened[0]!, 'saved while Box was busy');
  const waiting = await world.until(fileId, (e) => e.state === 'waiting');
  expect(waiting.pendingSave).toBe(true);
  expect(waiting.error?.message).toMatch(/Box/);
  await world.until(fileId, (e) => e.state === 'saved', 30_000);
  const onBox = await boxView(peers(), fileId);
  expect(onBox.sha1).toBe(sha1('saved while Box was busy'));
  expect(onBox.earlier).toEqual([sha1('v1')]);
  // One row in the transfers panel for the save, however many tries it took.
  expect(world.transfers.manager.list()).toEqual([
    expect.objectContaining({ name: 'Budget 2027.xlsx', state: 'done' }),
  ]);
});

test('a file locked by someone else opens read-only and says by whom; nothing is locked or saved', async () => {
  const emulator = peers().emulator;
  const bob = await emulator.controls.createUser({ name: 'Bob Example' });
  const bobToken = (await emulator.controls.issueToken({ userId: bob.id })).access_token;
  const file = await emulator.controls.createFile({ ownerId: bob.id, name: 'Team plan.docx', text: 'by Bob' });
  const asBob = { authorization: `Bearer ${bobToken}`, 'content-type': 'application/json' };
  await fetch(`${peers().urls.apiBaseUrl}/2.0/collaborations`, {
    method: 'POST',
    headers: asBob,
    body: JSON.stringify({
      item: { type: 'file', id: file.id },
      accessible_by: { type: 'user', id: peers().boxUserId },
      role: 'editor',
    }),
  });
  await fetch(`${peers().urls.apiBaseUrl}/2.0/files/${file.id}`, {
    method: 'PUT',
    headers: asBob,
    body: JSON.stringify({ lock: { access: 'lock', is_download_prevented: false } }),
  });
  const edit = await world.service.open(file.id);
  expect(edit).toMatchObject({ state: 'read-only', lockedBy: 'Bob Example' });
  const path = world.opened[0]!;
  expect(await readFile(path, 'utf8')).toBe('by Bob');
  expect((await stat(path)).mode & 0o222).toBe(0);
  expect((await boxView(peers(), file.id, bobToken)).lock).toMatchObject({ created_by: { id: bob.id } });
  // Closing it leaves Bob's lock alone.
  await world.service.close(file.id);
  expect((await boxView(peers(), file.id, bobToken)).lock).toMatchObject({ created_by: { id: bob.id } });
});

test('Close unlocks on Box and removes the working copy; it is refused while a save is pending', async () => {
  const { fileId } = await aliceFile('v1');
  await world.service.open(fileId);
  const path = world.opened[0]!;
  await peers().emulator.controls.addFault({ route: uploadRoute, status: 503 });
  await editorSaves(path, 'not on Box yet');
  await world.until(fileId, (e) => e.state === 'waiting');
  await expect(world.service.close(fileId)).rejects.toMatchObject({ code: 'edit_unsaved' });
  await peers().emulator.controls.clearFaults();
  await world.until(fileId, (e) => e.state === 'saved', 30_000);
  await world.service.close(fileId);
  expect(world.service.list()).toEqual([]);
  expect((await boxView(peers(), fileId)).lock).toBeNull();
  await expect(stat(dirname(path))).rejects.toMatchObject({ code: 'ENOENT' });
});

test('quitting unlocks an edit with nothing to save and keeps it for the next start', async () => {
  const { fileId } = await aliceFile('v1');
  await world.service.open(fileId);
  await world.service.dispose();
  expect((await boxView(peers(), fileId)).lock).toBeNull();
  const again = await createEditingWorld(peers(), { dataDir: world.dataDir });
  await again.service.signedIn(alice(peers()));
  expect(again.service.list()).toEqual([expect.objectContaining({ fileId, state: 'editing' })]);
  // Locked again at the start.
  await expect
    .poll(async () => (await boxView(peers(), fileId)).lock?.created_by.id, { timeout: 5000 })
    .toBe(peers().boxUserId);
  await again.service.close(fileId);
  await again.close();
});

test('another user signing in sees none of the first user’s edits or working copies', async () => {
  const { fileId } = await aliceFile('v1');
  await world.service.open(fileId);
  const aliceFolder = dirname(dirname(world.opened[0]!));
  await world.service.signedOut();
  expect(world.published.at(-1)).toEqual([]);
  await world.service.signedIn({ boxUserId: '999999', name: 'Bob Example' });
  expect(world.service.list()).toEqual([]);
  const editingRoot = join(world.dataDir, 'Editing');
  const folders = await readdir(editingRoot);
  expect(folders).toHaveLength(2);
  const bobFolder = join(
    editingRoot,
    folders.find((f) => join(editingRoot, f) !== aliceFolder)!,
  );
  expect(await readdir(bobFolder)).toEqual(['journal.json']);
  expect(JSON.parse(await readFile(join(bobFolder, 'journal.json'), 'utf8'))).toEqual({ version: 1, edits: [] });
  // The folder names say nothing about whose they are.
  expect(folders.join(' ')).not.toMatch(new RegExp(`${peers().boxUserId}|999999`));
});
