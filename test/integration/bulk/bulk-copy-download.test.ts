/**
 * Bulk copy (Box's copy, with one name-clash question for the run) and the download of a whole
 * folder tree into a local folder through the verified download path, byte for byte.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sha1OfPath } from '../transfers/support/manager-fixture.ts';
import { useTransferPeers } from '../transfers/support/transfer-peers.ts';
import { asBulkItem, createBulkWorld } from './support/bulk-world.ts';

const world = useTransferPeers('bulk-copy');

test('copying a folder and a file that both clash asks once; "keep both, apply to all" copies them under numbered names', async () => {
  const { bulk, listAll, folder, questions } = createBulkWorld(world.peers(), [
    { choice: 'keep-both', applyToAll: true },
  ]);
  const controls = world.peers().emulator.controls;
  const owner = world.peers().boxUserId;
  const sourceId = await folder('Copy from');
  const targetId = await folder('Copy to');
  const reportsId = await folder('Reports', sourceId);
  for (const name of ['q1.txt', 'q2.txt', 'q3.txt'])
    await controls.createFile({ ownerId: owner, parentId: reportsId, name, text: `${name} body` });
  await controls.createFile({ ownerId: owner, parentId: sourceId, name: 'notes.txt', text: 'new notes' });
  await folder('Reports', targetId);
  await controls.createFile({ ownerId: owner, parentId: targetId, name: 'notes.txt', text: 'old notes' });

  const selection = (await listAll(sourceId)).map(asBulkItem);
  const copied = await bulk.finished(bulk.start({ action: 'copy', targetFolderId: targetId }, selection).id);

  expect(copied).toMatchObject({ total: 2, failed: [], skippedIds: [] });
  expect(questions).toHaveLength(1);
  expect(questions[0]).toMatchObject({ action: 'copy' });
  const target = await listAll(targetId);
  expect(target.map((item) => item.name).sort()).toEqual(['Reports', 'Reports (1)', 'notes (1).txt', 'notes.txt']);
  const copiedReports = target.find((item) => item.name === 'Reports (1)')!;
  expect((await listAll(copiedReports.id)).map((item) => item.name).sort()).toEqual(['q1.txt', 'q2.txt', 'q3.txt']);
  // The originals stay where they were.
  expect((await listAll(sourceId)).map((item) => item.name).sort()).toEqual(['Reports', 'notes.txt']);
});

test('"skip" at a copy clash leaves that item out and says so', async () => {
  const { bulk, folder, questions } = createBulkWorld(world.peers(), [{ choice: 'skip', applyToAll: false }]);
  const controls = world.peers().emulator.controls;
  const owner = world.peers().boxUserId;
  const sourceId = await folder('Skip from');
  const targetId = await folder('Skip to');
  const clashing = await controls.createFile({ ownerId: owner, parentId: sourceId, name: 'same.txt', text: 'a' });
  const fresh = await controls.createFile({ ownerId: owner, parentId: sourceId, name: 'fresh.txt', text: 'b' });
  await controls.createFile({ ownerId: owner, parentId: targetId, name: 'same.txt', text: 'c' });

  const items = [clashing, fresh].map((file) => ({ id: file.id, type: 'file' as const, name: String(file.name) }));
  const run = await bulk.finished(bulk.start({ action: 'copy', targetFolderId: targetId }, items).id);
  expect(run).toMatchObject({ doneIds: [fresh.id], skippedIds: [clashing.id], failed: [] });
  expect(questions).toHaveLength(1);
});

test('a folder tree of 300 files across 20 subfolders downloads byte for byte with one overall progress', async () => {
  const { bulk, folder } = createBulkWorld(world.peers());
  const controls = world.peers().emulator.controls;
  const owner = world.peers().boxUserId;
  const rootId = await folder('Tree');
  const expected = new Map<string, string>();
  let totalBytes = 0;
  // 4 folders at the top, 4 inside each: 20 subfolders, 15 files in each.
  for (let top = 0; top < 4; top++) {
    const topId = await folder(`Top ${top}`, rootId);
    const inner = await Promise.all([0, 1, 2, 3].map((n) => folder(`Inner ${n}`, topId)));
    const places = [
      { id: topId, path: `Top ${top}` },
      ...inner.map((id, n) => ({ id, path: `Top ${top}/Inner ${n}` })),
    ];
    for (const place of places) {
      await Promise.all(
        Array.from({ length: 15 }, async (_, n) => {
          const size = 1_000 + ((top * 97 + n * 131) % 9_000);
          const file = await controls.createFile({
            ownerId: owner,
            parentId: place.id,
            name: `file-${n}.bin`,
            size,
            seed: top * 100 + n,
          });
          expected.set(`Tree/${place.path}/file-${n}.bin`, file.sha1);
          totalBytes += size;
        }),
      );
    }
  }
  expect(expected.size).toBe(300);

  const destination = await world.freshFolder();
  const run = await bulk.finished(
    bulk.start({ action: 'download', destination }, [{ id: rootId, type: 'folder', name: 'Tree' }]).id,
  );

  expect(run).toMatchObject({ failed: [], filesTotal: 300, filesDone: 300, totalBytes, transferredBytes: totalBytes });
  const local = (await readdir(destination, { recursive: true, withFileTypes: true })).filter((entry) =>
    entry.isFile(),
  );
  expect(local).toHaveLength(300);
  for (const [path, sha1] of expected) expect(await sha1OfPath(join(destination, path)), path).toBe(sha1);
  expect(local.map((entry) => relative(destination, join(entry.parentPath, entry.name))).sort()).toEqual(
    [...expected.keys()].sort(),
  );
}, 120_000);

test('a local name clash in a download asks once; "replace" overwrites with Box’s bytes', async () => {
  const { bulk, questions } = createBulkWorld(world.peers(), [{ choice: 'replace', applyToAll: true }]);
  const controls = world.peers().emulator.controls;
  const owner = world.peers().boxUserId;
  const files = await Promise.all(
    ['a.txt', 'b.txt'].map((name) =>
      controls.createFile({ ownerId: owner, name: `clash-${name}`, text: `box ${name}` }),
    ),
  );
  const destination = await world.freshFolder();
  for (const file of files) await writeFile(join(destination, String(file.name)), 'local');

  const items = files.map((file) => ({ id: file.id, type: 'file' as const, name: String(file.name) }));
  const run = await bulk.finished(bulk.start({ action: 'download', destination }, items).id);
  expect(run).toMatchObject({ failed: [], filesDone: 2 });
  expect(questions).toHaveLength(1);
  expect(await readFile(join(destination, 'clash-a.txt'), 'utf8')).toBe('box a.txt');
  expect(await readFile(join(destination, 'clash-b.txt'), 'utf8')).toBe('box b.txt');
});
