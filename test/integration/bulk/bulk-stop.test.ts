/**
 * Stopping a bulk run, against the emulator: calls in flight finish, nothing new starts, every
 * item is either at its destination or still where it was, the snapshot says how many were not
 * done, and "Do the N left" finishes exactly those.
 */
import { useTransferPeers } from '../transfers/support/transfer-peers.ts';
import { createBulkWorld, idsOf } from './support/bulk-world.ts';

const world = useTransferPeers('bulk-stop');
const moveRoute = 'PUT /2.0/files/{file_id}';

test('stop mid-move: each item is moved or untouched, the rest is listed not done, and the retry moves it', async () => {
  const { bulk, listAll, seededFolder, folder } = createBulkWorld(world.peers(), [], { parallelism: 2 });
  const { items, folderId: sourceId } = await seededFolder('Stop from', 40);
  const targetId = await folder('Stop to');
  const controls = world.peers().emulator.controls;
  await controls.clearRequests();
  await controls.addFault({ route: moveRoute, latencyMs: 60 });

  const run = bulk.start({ action: 'move', targetFolderId: targetId }, items);
  const finished = bulk.finished(run.id);
  await expect
    .poll(async () => (await controls.requests()).filter((entry) => entry.route === moveRoute).length)
    .toBeGreaterThanOrEqual(6);
  bulk.stop(run.id);
  const stopped = await finished;
  await controls.clearFaults();

  expect(stopped.stopped).toBe(true);
  expect(stopped.doneIds.length).toBeGreaterThanOrEqual(4);
  expect(stopped.doneIds.length).toBeLessThan(40);
  expect(stopped.doneIds.length + stopped.failed.length).toBe(40);
  expect(new Set(stopped.failed.map((failure) => failure.error.code))).toEqual(new Set(['transfer_cancelled']));
  // Where Box says they are: what the run did is at the target, the rest has not moved.
  expect(idsOf(await listAll(targetId))).toEqual([...stopped.doneIds].sort());
  expect(idsOf(await listAll(sourceId))).toEqual(idsOf(stopped.failed.map((failure) => failure.item)));
  // Nothing started after the stop beyond the calls already in flight (at most one per slot).
  const moves = (await controls.requests()).filter((entry) => entry.route === moveRoute);
  expect(moves.length).toBeLessThanOrEqual(stopped.doneIds.length + 2);

  const rest = await bulk.finished(bulk.retryFailed(run.id).id);
  expect(rest).toMatchObject({ total: stopped.failed.length, failed: [] });
  expect(idsOf(await listAll(targetId))).toEqual(idsOf(items));
  expect(await listAll(sourceId)).toEqual([]);
  // A finished run cannot be stopped again; nothing changes.
  expect(() => bulk.stop(run.id)).not.toThrow();
});
