import { createBoxConnection } from '../../../main/core/box-client/box-connection.ts';
import { freePort } from './support/http.ts';
import { keychainUnavailableReason } from './support/keychain.ts';
import { useSignInPeers } from './support/sign-in-peers.ts';
import { scriptedSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();
const alice = { username: 'alice', password: 'alice-sandbox' };

describe.skipIf(noKeychain !== null)('Box token handoff against the real backend and the Box emulator', () => {
  const peers = useSignInPeers();

  /** A signed-in core whose backend calls are counted and whose clock the test moves. */
  const signedIn = async (backendUrl = peers.stack.backendUrl) => {
    const clock = { offsetMs: 0 };
    const backendCalls: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      backendCalls.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    };
    const session = peers.session({
      backendUrl,
      openExternal: scriptedSystemBrowser(alice).openExternal,
      clock: () => Date.now() + clock.offsetMs,
      fetch: countingFetch,
    });
    const state = await session.manager.signIn();
    return { ...session, state, clock, backendCalls };
  };

  const whoAmI = (token: string) =>
    fetch(`${peers.stack.emulator.origin}/2.0/users/me`, { headers: { authorization: `Bearer ${token}` } });

  afterEach(async () => {
    await peers.stack.emulator.controls.clearFaults();
  });

  it('trades the ID token for a Box token of the App User, kept in memory and reused', async () => {
    const { manager, state, backendCalls } = await signedIn();
    expect(backendCalls).toEqual([`${peers.stack.backendUrl}/v1/box-token`]);
    const access = await manager.boxTokens.getAccess();
    expect(state).toMatchObject({ status: 'signed-in', user: { boxUserId: access.boxUser.id } });
    expect(access.scopes.length).toBeGreaterThan(0);
    const me = await whoAmI(access.accessToken);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(access.boxUser.id);
    expect(await manager.boxTokens.getToken()).toBe(access.accessToken);
    expect(backendCalls).toHaveLength(1);
  });

  it('renews the Box token before it expires, once for concurrent callers', async () => {
    const { manager, clock, backendCalls } = await signedIn();
    const access = await manager.boxTokens.getAccess();
    clock.offsetMs = access.expiresAt - Date.now() - 6 * 60 * 1000;
    await manager.boxTokens.getToken();
    expect(backendCalls).toHaveLength(1);
    clock.offsetMs = access.expiresAt - Date.now() - 4 * 60 * 1000;
    const [a, b] = await Promise.all([manager.boxTokens.getAccess(), manager.boxTokens.getAccess()]);
    expect(backendCalls).toHaveLength(2);
    expect(b).toBe(a);
    expect(a.expiresAt).toBeGreaterThan(access.expiresAt);
  });

  it('renews once on a Box 401 and retries the call, but never loops', async () => {
    const { manager, backendCalls } = await signedIn();
    const origin = peers.stack.emulator.origin;
    // The app's own Box client: box-node-sdk with our auth and retry strategy over the session's token.
    const { client } = createBoxConnection({
      tokenSource: manager.boxTokens,
      baseUrls: { apiBaseUrl: origin, uploadBaseUrl: `${origin}/api` },
    });
    const route = 'GET /2.0/folders/{folder_id}';
    await peers.stack.emulator.controls.addFault({ route, status: 401, times: 1 });
    const root = await client.folders.getFolderById('0');
    expect(root.id).toBe('0');
    expect(backendCalls).toHaveLength(2);

    await peers.stack.emulator.controls.clearRequests();
    await peers.stack.emulator.controls.addFault({ route, status: 401, times: 5 });
    await expect(client.folders.getFolderById('0')).rejects.toMatchObject({ responseInfo: { statusCode: 401 } });
    expect((await peers.stack.emulator.controls.callCounts())[route]).toBe(2);
    expect(backendCalls).toHaveLength(3);
  });

  it('ends in an error state with a message when the backend cannot be reached', async () => {
    const { state, manager } = await signedIn(`http://127.0.0.1:${await freePort()}`);
    expect(state).toMatchObject({ status: 'error', code: 'backend_unreachable' });
    expect(state.status === 'error' && state.message).toMatch(/cannot be reached/);
    // The sign-in itself succeeded: a later retry does not need the browser again.
    expect(await peers.store.get(peers.account())).toBeTruthy();
    await manager.signOut();
  });

  it('forgets the Box token at sign-out', async () => {
    const { manager } = await signedIn();
    await manager.signOut();
    await expect(manager.boxTokens.getToken()).rejects.toMatchObject({ code: 'not_signed_in' });
  });
});
