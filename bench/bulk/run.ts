/**
 * `node bench/bulk/run.ts`: a bulk move of 1,000 items through our BulkService (the desktop's
 * parallelism limit and the retry policy's bulk limits) against the Box emulator with +20 ms on
 * every Box call and 5 % of the moves failing (`429`s and `503`s, without `retry-after`: Box's own
 * waits are added to the run as they come), then "Retry the N that failed" for whatever the policy
 * gave up on. Prints
 *   bulk move 1000 items: N s, M Box calls, lost: K
 * beside the floor for the same parallelism limit (1000 × 20 ms / limit) and, measured in the same
 * run, a bare loop of the same 1,000 `PUT`s with the same limit and latency and no failures.
 */
import { defaultBoxTokenScopes } from '../../backend/config.ts';
import { BoundedQueue } from '../../main/core/bulk/bounded-queue.ts';
import { defaultBulkParallelism } from '../../main/core/bulk/bulk-service.ts';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createDirectNetwork } from '../../main/core/network/create-outbound-network.ts';
import { BoxTransferClient } from '../../main/core/transfers/box-transfer-client.ts';
import { EmulatorControlClient } from '../../sandbox/box-emulator/control-client.ts';
import { createBulkWorld, idsOf, type BulkPeers } from '../../test/integration/bulk/support/bulk-world.ts';

const itemCount = 1000;
const latencyMs = 20;
const failures = Math.round(itemCount * 0.05);
const moveRoute = 'PUT /2.0/files/{file_id}';
const limit = defaultBulkParallelism;

const callsSince = async (before: Record<string, number>, counts: () => Promise<Record<string, number>>) => {
  const after = await counts();
  return Object.entries(after).reduce((sum, [route, count]) => sum + count - (before[route] ?? 0), 0);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The emulator in a process of its own, so that its CPU is not ours (as bench/transfers does). */
async function startEmulatorProcess() {
  const child = spawn(process.execPath, ['sandbox/box-emulator/cli.ts', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /listening on (\S+)/.exec(line);
    if (match?.[1]) return { origin: match[1], child };
  }
  throw new Error('the emulator exited before listening');
}

const emulator = await startEmulatorProcess();
try {
  const controls = new EmulatorControlClient(emulator.origin);
  const user = await controls.createUser({ name: 'Bench', externalAppUserId: 'bench-bulk' });
  // The scopes the backend grants by default.
  const { access_token: scopedToken } = await controls.issueToken({
    userId: user.id,
    scopes: [...defaultBoxTokenScopes],
  });
  const urls = { apiBaseUrl: emulator.origin, uploadBaseUrl: `${emulator.origin}/api` };
  const tokens = { getToken: () => Promise.resolve(scopedToken), invalidate: () => undefined };
  // The desktop's own transport (its keep-alive agents), without a proxy.
  const network = createDirectNetwork([]);
  const peers: BulkPeers = {
    tokens,
    urls,
    transport: network.boxTransport(),
    client: new BoxTransferClient(tokens, urls),
    boxUserId: user.id,
    emulator: { controls },
  };
  // The production limits: no shortened waits.
  const world = createBulkWorld(peers, [], {}, {});
  const { items, folderId: sourceId } = await world.seededFolder('Bench source', itemCount);
  const targetId = await world.folder('Bench target');
  const bareSource = await world.seededFolder('Bare source', itemCount);
  const bareTarget = await world.folder('Bare target');

  // Failures first (the oldest matching fault applies), each with the same latency; then latency on every call.
  await controls.addFault({ route: moveRoute, status: 429, latencyMs, times: failures / 2 });
  await controls.addFault({ route: moveRoute, status: 503, latencyMs, times: failures / 2 });
  await controls.addFault({ route: '*', latencyMs });

  const before = await controls.callCounts();
  const started = performance.now();
  const first = await world.bulk.finished(world.bulk.start({ action: 'move', targetFolderId: targetId }, items).id);
  const retried = first.failed.length > 0 ? await world.bulk.finished(world.bulk.retryFailed(first.id).id) : undefined;
  const elapsed = performance.now() - started;
  const calls = await callsSince(before, () => controls.callCounts());

  const atTarget = idsOf(await world.listAll(targetId));
  const leftAtSource = await world.listAll(sourceId);
  const expected = new Set(idsOf(items));
  const arrivedOnce = new Set(atTarget.filter((id) => expected.has(id)));
  const lost = itemCount - arrivedOnce.size + (atTarget.length - arrivedOnce.size) + leftAtSource.length;

  // The floor, measured: the same PUTs, same limit and latency, straight over fetch, nothing failing.
  const token = scopedToken;
  const queue = new BoundedQueue(limit);
  const bareStarted = performance.now();
  for (const item of bareSource.items)
    queue.add(async () => {
      const response = await fetch(`${peers.urls.apiBaseUrl}/2.0/files/${item.id}?fields=id`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ parent: { id: bareTarget } }),
      });
      if (!response.ok) throw new Error(`bare move answered ${response.status}`);
      await response.arrayBuffer();
    });
  await queue.whenIdle();
  const bareElapsed = performance.now() - bareStarted;
  await controls.clearFaults();

  const floorMs = (itemCount * latencyMs) / limit;
  console.log(`bulk move ${itemCount} items: ${(elapsed / 1000).toFixed(2)} s, ${calls} Box calls, lost: ${lost}`);
  console.log(`floor (${itemCount} × ${latencyMs} ms / ${limit}): ${seconds(floorMs)}`);
  console.log(`bare PUT loop, same limit and latency, no failures: ${seconds(bareElapsed)}`);
  console.log(`ratio to floor: ${(elapsed / floorMs).toFixed(2)}×`);
  console.log(
    `failed on the first run: ${first.failed.length} (injected: ${failures}), after one retry: ${retried?.failed.length ?? 0}`,
  );
  await network.close();
} finally {
  emulator.child.kill('SIGTERM');
}
