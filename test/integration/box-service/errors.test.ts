import { backendEnv, startBackend, type RunningBackend } from '../backend/support/backend-harness.ts';
import { startBoxStack, signedInService, type BoxStack, type SignedInService } from './support/box-stack.ts';

const listRoute = 'GET /2.0/folders/{folder_id}/items';

describe('BoxService errors: each Box failure becomes a message that says what to do', () => {
  let stack: BoxStack;
  let alice: SignedInService;
  let readOnlyBackend: RunningBackend;

  beforeAll(async () => {
    stack = await startBoxStack();
    alice = await signedInService(stack, 'alice');
    readOnlyBackend = await startBackend(
      backendEnv(stack.idp.issuer, stack.idp.desktopClientId, stack.box, {
        LOG_LEVEL: 'warn',
        BOX_TOKEN_SCOPES: 'base_explorer item_preview',
      }),
    );
  });
  afterEach(async () => {
    await stack.box.emulator.controls.clearFaults();
  });
  afterAll(async () => {
    await readOnlyBackend.close();
    await stack.close();
  });

  it('insufficient scope: a read-only token cannot create a folder', async () => {
    const readOnly = await signedInService(stack, 'alice', { backend: readOnlyBackend });
    await expect(readOnly.service.listFolder({ folderId: '0' })).resolves.toBeDefined();
    const promise = readOnly.service.createFolder('0', 'Not allowed');
    await expect(promise).rejects.toMatchObject({ code: 'box_insufficient_scope' });
    await expect(promise).rejects.toThrow(/not allowed this app.*IT team/);
  });

  it('name clash: says the name is taken and to choose another', async () => {
    await alice.service.createFolder('0', 'Taken');
    await expect(alice.service.createFolder('0', 'taken')).rejects.toMatchObject({
      code: 'box_item_name_in_use',
      message: 'An item named “taken” already exists here. Choose another name.',
    });
  });

  it.each([
    {
      status: 400,
      boxCode: 'item_name_invalid',
      code: 'box_item_name_invalid',
      message: /^Box does not accept “Plans” as a name\. Use at most 255 characters/,
    },
    {
      status: 403,
      boxCode: 'storage_limit_exceeded',
      code: 'box_storage_limit',
      message: /^Your Box storage is full\. Delete files you no longer need, or ask your IT team for more space\.$/,
    },
  ])('Box answering $status $boxCode says what happened and what to do', async ({ status, boxCode, code, message }) => {
    await stack.box.emulator.controls.addFault({ route: 'POST /2.0/folders', status, code: boxCode, times: 1 });
    const promise = alice.service.createFolder('0', 'Plans');
    await expect(promise).rejects.toMatchObject({ code });
    await expect(promise).rejects.toThrow(message);
  });

  it('invalid names are refused before any Box call', async () => {
    await stack.box.emulator.controls.clearRequests();
    for (const name of ['a/b', ' lead', 'trail ', 'x'.repeat(256), '']) {
      await expect(alice.service.createFolder('0', name)).rejects.toMatchObject({ code: 'box_item_name_invalid' });
    }
    expect((await stack.box.emulator.controls.callCounts())['POST /2.0/folders']).toBeUndefined();
  });

  it('rate limiting: waits as long as retry-after says, then succeeds', async () => {
    await stack.box.emulator.controls.addFault({ route: listRoute, status: 429, retryAfterSeconds: 1, times: 2 });
    await stack.box.emulator.controls.clearRequests();
    const started = performance.now();
    await expect(alice.service.listFolder({ folderId: '0' })).resolves.toBeDefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    expect((await stack.box.emulator.controls.callCounts())[listRoute]).toBe(3);
  });

  it('rate limiting: a long retry-after is not waited out but told to the user', async () => {
    await stack.box.emulator.controls.addFault({ route: listRoute, status: 429, retryAfterSeconds: 90, times: 1 });
    const started = performance.now();
    await expect(alice.service.listFolder({ folderId: '0' })).rejects.toMatchObject({
      code: 'box_rate_limited',
      message: 'Box is receiving too many requests. Try again in 90 seconds.',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a dropped connection on a listing is retried and the user sees nothing', async () => {
    await stack.box.emulator.controls.addFault({ route: listRoute, dropAfterBytes: 20, times: 1 });
    await stack.box.emulator.controls.clearRequests();
    await expect(alice.service.listFolder({ folderId: '0' })).resolves.toMatchObject({ nextMarker: null });
    expect((await stack.box.emulator.controls.callCounts())[listRoute]).toBe(2);
  });

  it('a connection that keeps dropping ends as "offline", and a create is not repeated blindly', async () => {
    await stack.box.emulator.controls.addFault({ route: listRoute, dropAfterBytes: 5 });
    const listing = alice.service.listFolder({ folderId: '0' });
    await expect(listing).rejects.toMatchObject({ code: 'offline' });
    await expect(listing).rejects.toThrow(/cannot be reached.*connection/);
    await stack.box.emulator.controls.addFault({ route: 'POST /2.0/folders', dropAfterBytes: 5, times: 1 });
    await stack.box.emulator.controls.clearRequests();
    await expect(alice.service.createFolder('0', 'Once')).rejects.toMatchObject({ code: 'offline' });
    expect((await stack.box.emulator.controls.callCounts())['POST /2.0/folders']).toBe(1);
  });

  it('nothing listening at all is "offline"', async () => {
    const nowhere = await signedInService(stack, 'alice', {
      baseUrls: { apiBaseUrl: 'http://127.0.0.1:9', uploadBaseUrl: 'http://127.0.0.1:9/api' },
    });
    await expect(nowhere.service.listFolder({ folderId: '0' })).rejects.toMatchObject({ code: 'offline' });
  });

  it('a token Box refuses is renewed through the backend once, then the call succeeds', async () => {
    const session = await signedInService(stack, 'alice');
    const before = session.exchanges();
    await stack.box.emulator.controls.addFault({ route: listRoute, status: 401, times: 1 });
    await expect(session.service.listFolder({ folderId: '0' })).resolves.toBeDefined();
    expect(session.exchanges()).toBe(before + 1);
  });

  it('a token Box keeps refusing means the session has ended', async () => {
    await stack.box.emulator.controls.addFault({ route: listRoute, status: 401 });
    await expect(alice.service.listFolder({ folderId: '0' })).rejects.toMatchObject({
      code: 'session_expired',
      message: 'Your session has ended. Sign in again to continue.',
    });
  });

  it('Box server errors are retried, then reported as Box trouble', async () => {
    await stack.box.emulator.controls.addFault({ route: listRoute, status: 503 });
    await expect(alice.service.listFolder({ folderId: '0' })).rejects.toMatchObject({ code: 'box_error' });
  });

  it('storage quota: says storage is full and what to do', async () => {
    await stack.box.emulator.controls.addFault({ route: 'POST /2.0/folders', status: 507, times: 1 });
    const creating = alice.service.createFolder('0', 'Full');
    await expect(creating).rejects.toMatchObject({ code: 'box_storage_limit' });
    await expect(creating).rejects.toThrow(/storage is full.*ask your IT team/);
  });
});
