/**
 * How a bulk run waits on Box, read from the emulator's request log: a `429` holds back every
 * call of the run (Box throttles the user, not the item), a 5xx puts only its item back in the
 * queue and gives the slot to the others, an item out of tries is listed as failed, and a
 * stopped run does not sit out Box's waits.
 */
import { useTransferPeers } from '../transfers/support/transfer-peers.ts';
import { createBulkWorld, idsOf } from './support/bulk-world.ts';

const world = useTransferPeers('bulk-scheduling');
const moveRoute = 'PUT /2.0/files/{file_id}';

/** The moves the emulator saw since `sinceSeq`, oldest first, with the id of the file each moved. */
async function movesSince(sinceSeq: number) {
  const logged = await world.peers().emulator.controls.requests(sinceSeq);
  return logged
    .filter((entry) => entry.route === moveRoute)
    .map((entry) => ({ ...entry, fileId: /\/files\/(\d+)/.exec(entry.path)?.[1] ?? '' }));
}

async function lastSeq(): Promise<number> {
  return (await world.peers().emulator.controls.requests()).at(-1)?.seq ?? 0;
}

test('a 429 with retry-after holds back every call of the run until the wait is over, then all items arrive', async () => {
  const { bulk, listAll, seededFolder, folder } = createBulkWorld(world.peers());
  const { items } = await seededFolder('Throttled from', 40);
  const targetId = await folder('Throttled to');
  const since = await lastSeq();
  await world.peers().emulator.controls.addFault({ route: moveRoute, status: 429, retryAfterSeconds: 1, times: 1 });

  const run = await bulk.finished(bulk.start({ action: 'move', targetFolderId: targetId }, items).id);
  expect(run.failed).toEqual([]);
  expect(idsOf(await listAll(targetId))).toEqual(idsOf(items));

  const moves = await movesSince(since);
  const throttled = moves.find((entry) => entry.status === 429)!;
  const answeredAt = throttled.startedAt + throttled.durationMs;
  // Calls already on their way when Box answered may still arrive just after; none starts later within the second.
  const duringWait = moves.filter((entry) => entry.startedAt > answeredAt + 150 && entry.startedAt < answeredAt + 900);
  expect(duringWait).toEqual([]);
  // The throttled item came back after the wait, and the run went on with the rest.
  const again = moves.filter((entry) => entry.fileId === throttled.fileId && entry.seq > throttled.seq);
  expect(again).toHaveLength(1);
  expect(again[0]!.startedAt).toBeGreaterThanOrEqual(answeredAt + 900);
  expect(moves.filter((entry) => entry.status === 200)).toHaveLength(40);
});

test('a 5xx puts only its item back in the queue: the others use the slot while it waits out its backoff', async () => {
  // One slot and a long backoff: were the slot held while the item waits, nothing could happen meanwhile.
  const { bulk, listAll, seededFolder, folder } = createBulkWorld(
    world.peers(),
    [],
    { parallelism: 1 },
    { baseDelaySeconds: 1.5, jitter: false },
  );
  const { items } = await seededFolder('Flaky from', 10);
  const targetId = await folder('Flaky to');
  const since = await lastSeq();
  await world.peers().emulator.controls.addFault({ route: moveRoute, status: 503, times: 1 });

  const run = await bulk.finished(bulk.start({ action: 'move', targetFolderId: targetId }, items).id);
  expect(run.failed).toEqual([]);
  expect(idsOf(await listAll(targetId))).toEqual(idsOf(items));

  const moves = await movesSince(since);
  expect(moves).toHaveLength(11);
  const [refused, ...rest] = moves;
  expect(refused!.status).toBe(503);
  // The other nine went while it waited; its second try was the last call of the run.
  expect(rest.slice(0, 9).map((entry) => entry.fileId)).not.toContain(refused!.fileId);
  expect(rest.at(-1)).toMatchObject({ fileId: refused!.fileId, status: 200 });
});

test('an item still refused after the policy’s tries is listed as failed with Box’s words; a retry moves it', async () => {
  const { bulk, listAll, seededFolder, folder } = createBulkWorld(
    world.peers(),
    [],
    { parallelism: 1 },
    { maxAttempts: 3, baseDelaySeconds: 0.01 },
  );
  const { items } = await seededFolder('Refused from', 1);
  const targetId = await folder('Refused to');
  await world.peers().emulator.controls.addFault({ route: moveRoute, status: 500, times: 3 });

  const first = await bulk.finished(bulk.start({ action: 'move', targetFolderId: targetId }, items).id);
  expect(first.doneIds).toEqual([]);
  expect(first.failed).toHaveLength(1);
  expect(first.failed[0]!.error.code).toBe('box_error');
  expect(await listAll(targetId)).toEqual([]);

  const retried = await bulk.finished(bulk.retryFailed(first.id).id);
  expect(retried).toMatchObject({ failed: [], doneIds: [items[0]!.id] });
  expect(idsOf(await listAll(targetId))).toEqual(idsOf(items));
});

test('a run stopped while Box makes it wait lists what waits at once, and moves nothing more', async () => {
  const { bulk, listAll, seededFolder, folder } = createBulkWorld(world.peers(), [], { parallelism: 2 });
  const { items, folderId: sourceId } = await seededFolder('Stopped from', 20);
  const targetId = await folder('Stopped to');
  await world.peers().emulator.controls.addFault({ route: moveRoute, status: 429, retryAfterSeconds: 25, times: 2 });

  const since = await lastSeq();
  const finished = bulk.finished(bulk.start({ action: 'move', targetFolderId: targetId }, items).id);
  await expect.poll(async () => (await movesSince(since)).filter((entry) => entry.status === 429).length).toBe(2);
  // Signing out stops every run; the 25-second wait must not hold it (the test's time limit is 10 s).
  await bulk.dispose();
  const run = await finished;
  expect(run.doneIds).toEqual([]);
  expect(run.failed).toHaveLength(20);
  expect(new Set(run.failed.map((failure) => failure.error.code))).toEqual(new Set(['transfer_cancelled']));
  expect(await listAll(targetId)).toEqual([]);
  expect(idsOf(await listAll(sourceId))).toEqual(idsOf(items));
  expect((await movesSince(since)).filter((entry) => entry.status === 200)).toEqual([]);
}, 10_000);
