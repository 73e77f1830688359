/**
 * Bulk delete with undo and bulk move under injected `429`s and `5xx`s, against the emulator
 * with the backend's scoped token: every item ends exactly once where it should, or is listed
 * as failed, and a retry of exactly the failed ones finishes the rest.
 */
import { useTransferPeers } from '../transfers/support/transfer-peers.ts';
import { createBulkWorld, idsOf } from './support/bulk-world.ts';

const world = useTransferPeers('bulk');
const moveRoute = 'PUT /2.0/files/{file_id}';

test('bulk-delete 500 of a 10,000-item folder, then undo puts exactly those 500 back', async () => {
  const { bulk, listAll, seededFolder } = createBulkWorld(world.peers());
  const { folderId, items } = await seededFolder('Ten thousand', 10_000);
  expect(items).toHaveLength(10_000);
  const chosen = items.filter((_, index) => index % 20 === 7);
  expect(chosen).toHaveLength(500);

  const deleted = await bulk.finished(bulk.start({ action: 'delete' }, chosen).id);
  expect(deleted).toMatchObject({ action: 'delete', state: 'finished', total: 500, failed: [] });
  expect(idsOf(deleted.doneIds.map((id) => ({ id })))).toEqual(idsOf(chosen));
  const afterDelete = await listAll(folderId);
  expect(afterDelete).toHaveLength(9_500);
  expect(afterDelete.some((item) => chosen.some((gone) => gone.id === item.id))).toBe(false);

  const restored = await bulk.finished(bulk.undoDelete(deleted.id).id);
  expect(restored).toMatchObject({ action: 'restore', total: 500, failed: [] });
  expect(idsOf(await listAll(folderId))).toEqual(idsOf(items));
}, 120_000);

test('bulk-move 1,000 items with 5 % failing: each ends once at its destination or is listed failed; retry finishes', async () => {
  const { bulk, listAll, seededFolder, folder } = createBulkWorld(world.peers());
  const { folderId: sourceId, items } = await seededFolder('Move from', 1_000);
  const targetId = await folder('Move to');
  const controls = world.peers().emulator.controls;
  // 25 answers of Box's rate limit asking for a longer wait than the policy's bulk limits take (the item is
  // listed failed, with Box's wait), then 25 server errors the policy waits out and repeats.
  await controls.addFault({ route: moveRoute, status: 429, retryAfterSeconds: 60, times: 25 });
  await controls.addFault({ route: moveRoute, status: 500, times: 25 });

  const first = await bulk.finished(bulk.start({ action: 'move', targetFolderId: targetId }, items).id);
  const failedIds = first.failed.map((failure) => failure.item.id);
  expect(first.doneIds.length + failedIds.length).toBe(1_000);
  expect(new Set([...first.doneIds, ...failedIds]).size).toBe(1_000);
  expect(failedIds.length).toBeGreaterThanOrEqual(25);
  expect(first.failed.filter((failure) => failure.error.code === 'box_rate_limited')).toHaveLength(25);
  expect(first.failed[0]?.error.message).toMatch(/in 60 seconds/);
  // Where Box says they are: the moved ones in the target, each once; the failed ones still at the source.
  expect(idsOf(await listAll(targetId))).toEqual([...first.doneIds].sort());
  expect(idsOf(await listAll(sourceId))).toEqual([...failedIds].sort());

  const retried = await bulk.finished(bulk.retryFailed(first.id).id);
  expect(retried).toMatchObject({ total: failedIds.length, failed: [] });
  expect(idsOf(await listAll(targetId))).toEqual(idsOf(items));
  expect(await listAll(sourceId)).toEqual([]);
}, 120_000);

test('a retry or undo of a run that is not known says so', () => {
  const { bulk } = createBulkWorld(world.peers());
  expect(() => bulk.retryFailed('no-such-run')).toThrow(/no longer in the list/);
  expect(() => bulk.undoDelete('no-such-run')).toThrow(/no longer in the list/);
});
