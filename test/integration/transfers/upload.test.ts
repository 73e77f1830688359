/**
 * Uploads against the Box emulator: retries of a failed or refused part, the `202` commit,
 * abort on cancel, unreadable files, the name-clash choices and the queue's limit.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TransferSnapshot } from '../../../common/transfers.ts';
import { createManager, writeRandomFile } from './support/manager-fixture.ts';
import { startTransferPeers, type TransferPeers } from './support/transfer-peers.ts';

const partRoute = 'PUT /api/2.0/files/upload_sessions/{upload_session_id}';
const commitRoute = 'POST /api/2.0/files/upload_sessions/{upload_session_id}/commit';
const sessionRoute = 'POST /api/2.0/files/upload_sessions';
const MB = 1024 * 1024;
const run = promisify(execFile);
let peers: TransferPeers;
let folderCount = 0;

beforeAll(async () => {
  peers = await startTransferPeers();
});
afterAll(async () => {
  await peers?.close();
});
beforeEach(async () => {
  await peers.emulator.controls.clearFaults();
  await peers.emulator.controls.clearRequests();
});

/** A new Box folder of the signed-in user, and a local folder for the files to upload. */
async function freshFolders(): Promise<{ boxFolderId: string; local: string }> {
  const n = ++folderCount;
  const folder = await peers.emulator.controls.createFolder({ ownerId: peers.boxUserId, name: `uploads-${n}` });
  const local = join(peers.workDir, `upload-${n}`);
  await mkdir(local, { recursive: true });
  return { boxFolderId: folder.id, local };
}

async function routeStatuses(route: string): Promise<number[]> {
  return (await peers.emulator.controls.requests()).filter((r) => r.route === route).map((r) => r.status);
}

async function boxFile(id: string) {
  const token = await peers.tokens.getToken();
  const response = await fetch(`${peers.urls.apiBaseUrl}/2.0/files/${id}?fields=name,sha1,size,file_version`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as { name: string; sha1: string; size: number; file_version: { id: string } };
}

async function uploadOne(
  path: string,
  folderId: string,
  options: Parameters<typeof createManager>[2] = {},
): Promise<TransferSnapshot> {
  const { manager } = createManager(peers, [], options);
  manager.upload(folderId, [path]);
  await manager.whenIdle();
  return manager.list()[0]!;
}

test('a part that fails once (500) is retried and the upload completes', async () => {
  const { boxFolderId, local } = await freshFolders();
  const path = join(local, 'retry-500.bin');
  const sha1 = await writeRandomFile(path, 21 * MB, 3);
  await peers.emulator.controls.addFault({ route: partRoute, status: 500, times: 1 });
  const result = await uploadOne(path, boxFolderId);
  expect(result.error).toBeUndefined();
  expect(result.state).toBe('done');
  expect((await boxFile(result.fileId!)).sha1).toBe(sha1);
  const statuses = await routeStatuses(partRoute);
  expect(statuses.filter((s) => s === 500)).toHaveLength(1);
  expect(statuses.filter((s) => s === 200)).toHaveLength(3);
});

test('a part whose digest Box refuses (412) is sent again', async () => {
  const { boxFolderId, local } = await freshFolders();
  const path = join(local, 'retry-412.bin');
  await writeRandomFile(path, 20 * MB, 4);
  await peers.emulator.controls.addFault({ route: partRoute, status: 412, times: 1 });
  const result = await uploadOne(path, boxFolderId);
  expect(result.state).toBe('done');
  expect((await routeStatuses(partRoute)).filter((s) => s === 412)).toHaveLength(1);
});

test('Box checks each part’s digest: a wrong one is refused with 412', async () => {
  const { boxFolderId } = await freshFolders();
  const signal = AbortSignal.timeout(10_000);
  const session = await peers.client.createUploadSession(
    { kind: 'new-file', folderId: boxFolderId, name: 'digest.bin' },
    20 * MB,
    signal,
  );
  const data = Buffer.alloc(session.partSize, 1);
  const wrong = Buffer.alloc(20, 0);
  await expect(
    peers.client.uploadPart(session, { offset: 0, data, sha1: wrong, fileSize: 20 * MB }, signal, 'digest.bin'),
  ).rejects.toMatchObject({
    status: 412,
  });
  await peers.client.abortUploadSession(session, 'digest.bin');
});

test('the commit is repeated while Box answers 202 with retry-after', async () => {
  const { boxFolderId, local } = await freshFolders();
  const path = join(local, 'slow-commit.bin');
  const sha1 = await writeRandomFile(path, 20 * MB, 5);
  await peers.emulator.controls.addFault({ route: commitRoute, status: 202, retryAfterSeconds: 1, times: 2 });
  const started = Date.now();
  const result = await uploadOne(path, boxFolderId);
  expect(result.state).toBe('done');
  expect((await boxFile(result.fileId!)).sha1).toBe(sha1);
  expect(await routeStatuses(commitRoute)).toEqual([202, 202, 201]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
});

test('cancel aborts the upload session: Box keeps no session and no file', async () => {
  const { boxFolderId, local } = await freshFolders();
  const path = join(local, 'cancel.bin');
  await writeRandomFile(path, 30 * MB, 6);
  await peers.emulator.controls.addFault({ route: partRoute, latencyMs: 3000 });
  const { manager } = createManager(peers);
  const [transfer] = manager.upload(boxFolderId, [path]);
  await vi.waitFor(async () => expect(await routeStatuses(sessionRoute)).toEqual([201]), {
    timeout: 10_000,
    interval: 50,
  });
  manager.cancel(transfer!.id);
  await manager.whenIdle();
  expect(manager.list()[0]!.state).toBe('cancelled');

  const requests = await peers.emulator.controls.requests();
  const abort = requests.find((r) => r.route === 'DELETE /api/2.0/files/upload_sessions/{upload_session_id}');
  expect(abort?.status).toBe(204);
  // The session is gone: its status endpoint answers 404.
  const token = await peers.tokens.getToken();
  const status = await fetch(`${peers.emulator.origin}${abort!.path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(status.status).toBe(404);
  const listing = await fetch(`${peers.urls.apiBaseUrl}/2.0/folders/${boxFolderId}/items`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(((await listing.json()) as { total_count: number }).total_count).toBe(0);
});

test('a file that is missing, a folder, or unreadable fails with a clear reason and sends nothing', async () => {
  const { boxFolderId, local } = await freshFolders();
  const missing = await uploadOne(join(local, 'gone.txt'), boxFolderId);
  expect(missing.state).toBe('failed');
  // The error also carries its wording and the names filled in, for the renderer's catalogs.
  expect(missing.error).toMatchObject({
    code: 'file_unreadable',
    message: '“gone.txt” cannot be uploaded because it no longer exists.',
  });

  const folder = await uploadOne(local, boxFolderId);
  expect(folder.error?.code).toBe('file_unreadable');
  expect(folder.error?.message).toMatch(/is not a file/);
  expect(await routeStatuses('POST /api/2.0/files/content')).toEqual([]);
});

test('a file without read permission fails with a clear reason and sends nothing', async () => {
  const { boxFolderId, local } = await freshFolders();
  const secret = join(local, 'secret.txt');
  await writeFile(secret, 'no');
  await chmod(secret, 0o000);
  const expected = {
    code: 'file_unreadable',
    message: '“secret.txt” cannot be uploaded because you do not have permission to read it.',
  };
  if (process.getuid?.() === 0) {
    // Root reads anything: check as the unprivileged user "nobody" instead (the file's folders must let it through).
    await chmod(peers.workDir, 0o755);
    await chmod(local, 0o755);
    const script = fileURLToPath(new URL('./support/inspect-upload-source.ts', import.meta.url));
    const { stdout } = await run(process.execPath, [script, secret]);
    expect(JSON.parse(stdout)).toMatchObject(expected);
    return;
  }
  const result = await uploadOne(secret, boxFolderId);
  expect(result.error).toMatchObject(expected);
  expect(await routeStatuses('POST /api/2.0/files/content')).toEqual([]);
});

describe('a name clash offers keep both, new version and skip', () => {
  async function clashSetup(size: number) {
    const { boxFolderId, local } = await freshFolders();
    const path = join(local, 'plan.txt');
    const first = await writeRandomFile(path, size, 10);
    const original = await uploadOne(path, boxFolderId);
    const second = await writeRandomFile(path, size, 11);
    return { boxFolderId, path, original, first, second };
  }

  for (const size of [1000, 20 * MB]) {
    const kind = size < 20_000_000 ? 'multipart' : 'chunked';

    test(`keep both uploads under a new name (${kind})`, async () => {
      const { boxFolderId, path, original, first, second } = await clashSetup(size);
      const { manager, questions } = createManager(peers, [{ choice: 'keep-both', applyToAll: false }]);
      manager.upload(boxFolderId, [path]);
      await manager.whenIdle();
      const result = manager.list()[0]!;
      expect(questions).toEqual([{ transferId: result.id, direction: 'upload', name: 'plan.txt', othersInBatch: 0 }]);
      expect(result).toMatchObject({ state: 'done', name: 'plan (1).txt' });
      expect(result.fileId).not.toBe(original.fileId);
      expect((await boxFile(result.fileId!)).sha1).toBe(second);
      expect((await boxFile(original.fileId!)).sha1).toBe(first);
    });

    test(`new version replaces the content of the same Box file (${kind})`, async () => {
      const { boxFolderId, path, original, second } = await clashSetup(size);
      const before = await boxFile(original.fileId!);
      const { manager } = createManager(peers, [{ choice: 'replace', applyToAll: false }]);
      manager.upload(boxFolderId, [path]);
      await manager.whenIdle();
      const result = manager.list()[0]!;
      expect(result).toMatchObject({ state: 'done', fileId: original.fileId });
      const after = await boxFile(original.fileId!);
      expect(after.sha1).toBe(second);
      expect(after.file_version.id).not.toBe(before.file_version.id);
    });

    test(`skip leaves Box as it was (${kind})`, async () => {
      const { boxFolderId, path, original, first } = await clashSetup(size);
      const { manager } = createManager(peers, [{ choice: 'skip', applyToAll: false }]);
      manager.upload(boxFolderId, [path]);
      await manager.whenIdle();
      expect(manager.list()[0]!.state).toBe('skipped');
      expect((await boxFile(original.fileId!)).sha1).toBe(first);
    });
  }

  test('apply to all answers every clash of the batch with one question', async () => {
    const { boxFolderId, local } = await freshFolders();
    const names = ['one.txt', 'two.txt', 'three.txt'];
    const paths = names.map((name) => join(local, name));
    for (const path of paths) await writeFile(path, 'first');
    const { manager: seed } = createManager(peers);
    seed.upload(boxFolderId, paths);
    await seed.whenIdle();
    for (const path of paths) await writeFile(path, 'second');

    const { manager, questions } = createManager(peers, [{ choice: 'keep-both', applyToAll: true }], {
      concurrency: 1,
    });
    manager.upload(boxFolderId, paths);
    await manager.whenIdle();
    expect(questions).toHaveLength(1);
    expect(questions[0]!.othersInBatch).toBe(2);
    expect(manager.list().map((t) => [t.state, t.name])).toEqual([
      ['done', 'one (1).txt'],
      ['done', 'two (1).txt'],
      ['done', 'three (1).txt'],
    ]);
  });
});

test('several uploads queue: never more than the concurrency limit run at once', async () => {
  const { boxFolderId, local } = await freshFolders();
  const paths: string[] = [];
  for (let i = 0; i < 6; i++) {
    const path = join(local, `queued-${i}.bin`);
    await writeRandomFile(path, 200_000, 100 + i);
    paths.push(path);
  }
  const { manager, events } = createManager(peers, [], { concurrency: 2 });
  manager.upload(boxFolderId, paths);
  await manager.whenIdle();
  const running = new Set<string>();
  let peak = 0;
  for (const { event, payload } of events) {
    if (event !== 'transfer:changed') continue;
    const snapshot = payload as TransferSnapshot;
    if (snapshot.state === 'running') running.add(snapshot.id);
    else running.delete(snapshot.id);
    peak = Math.max(peak, running.size);
  }
  expect(peak).toBe(2);
  expect(manager.list().every((t) => t.state === 'done')).toBe(true);
});

test('a failed upload can be retried', async () => {
  const { boxFolderId, local } = await freshFolders();
  const path = join(local, 'flaky.txt');
  await writeFile(path, 'hello');
  await peers.emulator.controls.addFault({ route: 'POST /api/2.0/files/content', status: 403, times: 1 });
  const { manager } = createManager(peers);
  const [transfer] = manager.upload(boxFolderId, [path]);
  await manager.whenIdle();
  expect(manager.list()[0]).toMatchObject({ state: 'failed', error: { code: 'box_insufficient_scope' } });
  manager.retry(transfer!.id);
  await manager.whenIdle();
  expect(manager.list()[0]!.state).toBe('done');
});

test.each([
  {
    status: 403,
    boxCode: 'storage_limit_exceeded',
    code: 'box_storage_limit',
    message: '“report.txt” does not fit in your Box storage. Free some space, or ask your IT team for more.',
  },
  {
    status: 400,
    boxCode: 'item_name_invalid',
    code: 'box_item_name_invalid',
    message: 'Box does not accept “report.txt” as a name. Rename the file, then try again.',
  },
])(
  'Box refusing an upload with $status $boxCode says why and what to do',
  async ({ status, boxCode, code, message }) => {
    const { boxFolderId, local } = await freshFolders();
    const path = join(local, 'report.txt');
    await writeFile(path, 'quarterly numbers');
    await peers.emulator.controls.addFault({ route: 'POST /api/2.0/files/content', status, code: boxCode, times: 1 });
    const result = await uploadOne(path, boxFolderId);
    expect(result).toMatchObject({ state: 'failed', error: { code, message } });
  },
);
