/**
 * Never losing an edit: 100 randomized races between a local save and a change on Box (each must
 * end in one conflict copy and leave Box's change as it was), a core killed mid-upload that
 * uploads the save exactly once when it starts again, and a sign-out that keeps a pending save
 * for the next sign-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { EditSnapshot } from '../../../common/editing.ts';
import { useTransferPeers } from '../transfers/support/transfer-peers.ts';
import { alice, boxView, changeOnBox, createEditingWorld, editorSaves, folderNames } from './support/editing-world.ts';

const { peers } = useTransferPeers('editing-races');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const uploadRoute = 'POST /api/2.0/files/{file_id}/content';
const conflictCopy = /^Race (\d+) \(conflict copy from Alice Example, \d{4}-\d\d-\d\d \d\d:\d\d\)\.txt$/;

test(
  '100 randomized races between a local save and a change on Box: no version overwritten, one conflict copy each',
  { timeout: 400_000 },
  async () => {
    // Longer than the editor's gap between two saves, so each race is one settled save (the gaps are 0-300 ms).
    const world = await createEditingWorld(peers(), { settleMs: 400 });
    await world.service.signedIn(alice(peers()));
    const folder = await peers().emulator.controls.createFolder({ ownerId: peers().boxUserId, name: 'races' });
    await peers().emulator.controls.clearRequests();
    const race = async (n: number) => {
      const name = `Race ${n}.txt`;
      const file = await peers().emulator.controls.createFile({
        ownerId: peers().boxUserId,
        parentId: folder.id,
        name,
        text: `original ${n}`,
      });
      await world.service.open(file.id);
      const path = world.opened.find((p) => p.endsWith(name))!;
      const local = Math.random() < 0.5 ? [`local ${n}`] : [`local ${n} draft`, `local ${n}`];
      // Box's change comes before, between or after the editor's writes, always before the save settles.
      await Promise.all([
        sleep(Math.random() * 150).then(() => editorSaves(path, ...local)),
        sleep(Math.random() * 150).then(() => changeOnBox(peers(), file.id, name, `remote ${n}`)),
      ]);
      const edit = await world.until(file.id, (e) => e.state === 'conflict' && !e.pendingSave, 30_000);
      expect(edit.conflict).toMatchObject({ originalFileId: file.id, originalName: name });
      const original = await boxView(peers(), file.id);
      expect(original.sha1).toBe(sha1(`remote ${n}`));
      expect(original.earlier).toEqual([sha1(`original ${n}`)]);
      expect((await boxView(peers(), edit.conflict!.copyFileId)).sha1).toBe(sha1(`local ${n}`));
      await world.service.close(file.id);
    };
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => race(batch * 10 + i)));
    }
    const names = (await folderNames(peers(), folder.id)).map((item) => item.name);
    const copies = names.filter((name) => conflictCopy.test(name));
    expect(names).toHaveLength(200);
    expect(new Set(copies.map((name) => conflictCopy.exec(name)![1])).size).toBe(100);
    // Every new version on the originals is Box's own change; each of our attempts met If-Match.
    const uploads = (await peers().emulator.controls.requests()).filter((r) => r.route === uploadRoute);
    expect(uploads.filter((r) => r.status === 200)).toHaveLength(100);
    expect(uploads.filter((r) => r.status === 412)).toHaveLength(100);
    await world.close();
  },
);

/** The editing core in a child process, its events read line by line. */
function startEditingProcess(input: Record<string, unknown>) {
  const script = fileURLToPath(new URL('./support/editing-process.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [script, JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: { opened?: string; edits?: EditSnapshot[] }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) =>
    lines.push(JSON.parse(line) as (typeof lines)[number]),
  );
  return {
    child,
    async until<T>(pick: (line: (typeof lines)[number]) => T | undefined, timeoutMs = 20_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const line of lines) {
          const found = pick(line);
          if (found !== undefined) return found;
        }
        if (child.exitCode !== null) throw new Error(`the editing process exited (${child.exitCode})`);
        if (Date.now() > deadline) throw new Error(`timed out; last lines: ${JSON.stringify(lines.slice(-3))}`);
        await sleep(20);
      }
    },
    kill() {
      child.kill('SIGKILL');
      return new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

test(
  'a core killed mid-upload uploads the pending save exactly once when it starts again',
  { timeout: 120_000 },
  async () => {
    const emulator = peers().emulator;
    const dataDir = await mkdtemp(join(tmpdir(), 'box-sso-editing-crash-'));
    const folder = await emulator.controls.createFolder({ ownerId: peers().boxUserId, name: 'crash' });
    const file = await emulator.controls.createFile({
      ownerId: peers().boxUserId,
      parentId: folder.id,
      name: 'Budget 2027.xlsx',
      text: 'v1',
    });
    const input = { origin: emulator.origin, userId: peers().boxUserId, userName: 'Alice Example', dataDir };
    const first = startEditingProcess({ ...input, open: file.id });
    try {
      const path = await first.until((line) => line.opened);
      // Box holds the upload for a while, and the core dies while it waits.
      await emulator.controls.addFault({ route: uploadRoute, latencyMs: 3000, times: 1 });
      await editorSaves(path, 'saved just before the crash');
      await first.until((line) => (line.edits?.some((e) => e.state === 'saving') ? true : undefined));
      await sleep(300);
    } finally {
      await first.kill();
    }
    // Let a request that Box had fully received finish, so the restart meets either outcome.
    await sleep(3500);
    await emulator.controls.clearFaults();
    const second = startEditingProcess(input);
    try {
      const saved = await second.until((line) => line.edits?.find((e) => e.state === 'saved'));
      expect(saved).toMatchObject({ fileId: file.id, pendingSave: false });
    } finally {
      await second.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
    const onBox = await boxView(peers(), file.id);
    expect(onBox.sha1).toBe(sha1('saved just before the crash'));
    expect(onBox.earlier).toEqual([sha1('v1')]);
    expect((await folderNames(peers(), folder.id)).map((item) => item.name)).toEqual(['Budget 2027.xlsx']);
  },
);

test('a save pending at sign-out stays for the next sign-in of the same user, and is uploaded then', async () => {
  const world = await createEditingWorld(peers());
  await world.service.signedIn(alice(peers()));
  const folder = await peers().emulator.controls.createFolder({ ownerId: peers().boxUserId, name: 'sign-out' });
  const file = await peers().emulator.controls.createFile({
    ownerId: peers().boxUserId,
    parentId: folder.id,
    name: 'Notes.txt',
    text: 'v1',
  });
  await world.service.open(file.id);
  await peers().emulator.controls.addFault({ route: uploadRoute, status: 503 });
  await editorSaves(world.opened[0]!, 'written before signing out');
  // What the sign-out question reads: the edit with its pending save.
  expect((await world.until(file.id, (e) => e.state === 'waiting')).pendingSave).toBe(true);
  await world.service.signedOut();
  await peers().emulator.controls.clearFaults();
  await world.service.signedIn({ boxUserId: '999999', name: 'Bob Example' });
  await sleep(500);
  expect((await boxView(peers(), file.id)).sha1).toBe(sha1('v1'));
  await world.service.signedOut();
  await world.service.signedIn(alice(peers()));
  await world.until(file.id, (e) => e.state === 'saved');
  expect((await boxView(peers(), file.id)).sha1).toBe(sha1('written before signing out'));
  await world.close();
});
