/**
 * An earlier version downloads through the verified transfer path, byte for byte; drag-out
 * prepares the verified file in the app's cache (once per content) and hands its path to the
 * shell's startDrag.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { NameClashBroker } from '../../../main/core/transfers/name-clash-broker.ts';
import { DragOutCache } from '../../../main/core/transfers/drag-out-cache.ts';
import { createTransferHandlers } from '../../../main/core/transfers/transfer-handlers.ts';
import { uploadNewVersion } from '../box-service/support/new-version.ts';
import { createManager } from './support/manager-fixture.ts';
import { useTransferPeers } from './support/transfer-peers.ts';

const world = useTransferPeers('versions');
const { freshFolder } = world;
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

async function fileWithVersions(name: string, contents: string[]) {
  const peers = world.peers();
  const file = await peers.emulator.controls.createFile({ ownerId: peers.boxUserId, name, text: contents[0]! });
  for (const text of contents.slice(1)) {
    await uploadNewVersion(peers.emulator.origin, await peers.tokens.getToken(), file.id, text);
  }
  return file;
}

async function versionIds(fileId: string): Promise<string[]> {
  const peers = world.peers();
  const response = await fetch(`${peers.emulator.origin}/2.0/files/${fileId}/versions`, {
    headers: { authorization: `Bearer ${await peers.tokens.getToken()}` },
  });
  return ((await response.json()) as { entries: { id: string }[] }).entries.map((entry) => entry.id);
}

test('an earlier version downloads byte for byte, checked against that version’s SHA-1', async () => {
  const file = await fileWithVersions('plan.txt', ['first draft', 'second, longer draft', 'final']);
  const [, oldest] = await versionIds(file.id);
  const folder = await freshFolder();
  const target = join(folder, 'plan (v1).txt');
  const { manager } = createManager(world.peers());
  const handlers = createTransferHandlers(manager, new NameClashBroker({ emit: () => undefined }), {
    chooseSavePath: () => Promise.resolve(target),
    chooseDownloadFolder: () => Promise.resolve(null),
    chooseFilesToUpload: () => Promise.resolve(null),
  });
  const [transfer] = await handlers['transfer:downloadVersion']({
    fileId: file.id,
    versionId: oldest!,
    name: 'plan.txt',
  });
  await manager.whenIdle();
  expect(manager.list().find((t) => t.id === transfer!.id)).toMatchObject({ state: 'done', transferredBytes: 11 });
  expect(await readFile(target, 'utf8')).toBe('first draft');
  expect(await readdir(folder)).toEqual(['plan (v1).txt']);
});

test('a version whose bytes do not match its SHA-1 is refused and leaves nothing behind', async () => {
  const file = await fileWithVersions('tamper.txt', ['old bytes', 'new bytes']);
  const [old] = await versionIds(file.id);
  const folder = await freshFolder();
  const peers = world.peers();
  const facts = await peers.client.fileFacts(file.id, 'tamper.txt', AbortSignal.timeout(10_000), old);
  expect(facts).toMatchObject({ id: file.id, versionId: old, size: 9, sha1: sha1('old bytes') });
  const { downloadFile } = await import('../../../main/core/transfers/download-file.ts');
  await expect(
    downloadFile({
      client: peers.client,
      file: { ...facts, sha1: sha1('new bytes') },
      targetPath: join(folder, 'tamper.txt'),
      replaceExisting: false,
      signal: AbortSignal.timeout(10_000),
      onBytes: () => undefined,
    }),
  ).rejects.toMatchObject({ code: 'transfer_failed' });
  expect(await readdir(folder)).toEqual([]);
});

describe('drag-out', () => {
  const cacheFor = async () => {
    const directory = await freshFolder();
    const peers = world.peers();
    return {
      directory,
      cache: new DragOutCache({ client: peers.client, directory, currentUserId: () => peers.boxUserId }),
    };
  };

  test('the verified file is prepared in the app’s cache and handed to the shell’s startDrag', async () => {
    const peers = world.peers();
    const file = await peers.emulator.controls.createFile({
      ownerId: peers.boxUserId,
      name: 'photo: 1.jpg',
      size: 300_000,
      seed: 3,
    });
    const { directory, cache } = await cacheFor();
    const dragged: string[] = [];
    const { manager } = createManager(peers);
    const handlers = createTransferHandlers(
      manager,
      new NameClashBroker({ emit: () => undefined }),
      {
        chooseSavePath: () => Promise.reject(new Error('drag-out asks for no dialog')),
        chooseDownloadFolder: () => Promise.reject(new Error('drag-out asks for no dialog')),
        chooseFilesToUpload: () => Promise.reject(new Error('drag-out asks for no dialog')),
      },
      { prepare: (id, name, signal) => cache.prepare(id, name, signal), startDrag: (path) => void dragged.push(path) },
    );
    await handlers['transfer:dragOut']({ fileId: file.id, name: 'photo: 1.jpg' });

    expect(dragged).toHaveLength(1);
    // <cache>/<user>/<file>/<sha1>/<a name the local file system takes>
    expect(relative(directory, dragged[0]!).split(/[\\/]/)).toEqual([
      peers.boxUserId,
      file.id,
      file.sha1,
      'photo_ 1.jpg',
    ]);
    const bytes = await readFile(dragged[0]!);
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(file.sha1);
    // Drag-out is not a transfer the panel lists.
    expect(manager.list()).toEqual([]);
  });

  test('the same content is handed out again without a download; a new version replaces the old copy', async () => {
    const peers = world.peers();
    const file = await fileWithVersions('notes.txt', ['v1']);
    const { directory, cache } = await cacheFor();
    const first = await cache.prepare(file.id, 'notes.txt', AbortSignal.timeout(10_000));
    const firstWritten = (await stat(first)).mtimeMs;
    await peers.emulator.controls.clearRequests();
    await expect(cache.prepare(file.id, 'notes.txt', AbortSignal.timeout(10_000))).resolves.toBe(first);
    const downloads = (await peers.emulator.controls.requests()).filter(
      (r) => r.route === 'GET /d/1/{ticket}/download',
    );
    expect(downloads).toEqual([]);
    expect((await stat(first)).mtimeMs).toBe(firstWritten);

    await uploadNewVersion(peers.emulator.origin, await peers.tokens.getToken(), file.id, 'version two');
    const second = await cache.prepare(file.id, 'notes.txt', AbortSignal.timeout(10_000));
    expect(await readFile(second, 'utf8')).toBe('version two');
    expect(await readdir(join(directory, peers.boxUserId, file.id))).toEqual([sha1('version two')]);
  });

  test('a shell that cannot drag says so, and a file the user cannot read is not prepared', async () => {
    const peers = world.peers();
    const { manager } = createManager(peers);
    const { cache, directory } = await cacheFor();
    const dialogs = {
      chooseSavePath: () => Promise.resolve(null),
      chooseDownloadFolder: () => Promise.resolve(null),
      chooseFilesToUpload: () => Promise.resolve(null),
    };
    const broker = new NameClashBroker({ emit: () => undefined });
    const noDrag = createTransferHandlers(manager, broker, dialogs, { prepare: (...a) => cache.prepare(...a) });
    await expect(noDrag['transfer:dragOut']({ fileId: '1', name: 'x.txt' })).rejects.toMatchObject({
      code: 'drag_out_unavailable',
    });
    const someoneElse = await peers.emulator.controls.createUser({ name: 'Mallory' });
    const theirs = await peers.emulator.controls.createFile({ ownerId: someoneElse.id, name: 'secret.txt', text: 's' });
    await expect(cache.prepare(theirs.id, 'secret.txt', AbortSignal.timeout(10_000))).rejects.toMatchObject({
      code: 'box_not_found',
    });
    expect(await readdir(directory)).toEqual([]);
  });
});
