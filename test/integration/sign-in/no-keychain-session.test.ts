import { randomUUID } from 'node:crypto';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { MemoryFallbackSecretStore } from '../../../main/core/keychain/memory-fallback-secret-store.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { startHandoffStack, type HandoffStack } from './support/handoff-stack.ts';
import { createSession } from './support/session-fixture.ts';
import { scriptedSystemBrowser, silentSystemBrowser } from './support/system-browser.ts';

// This file's process has no Secret Service: libsecret connects on keytar's first call, after this line.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/no-secret-service';

const bob = { username: 'bob', password: 'bob-sandbox' };

describe('session without a keychain (the real keytar, no Secret Service reachable)', () => {
  let idp: SandboxIdp;
  let stack: HandoffStack;
  const keychain = new KeytarSecretStore(`com.boxssodesktop.test.${randomUUID()}`);
  beforeAll(async () => {
    idp = await startSandboxIdp({ idTokenTtl: 600 });
    stack = await startHandoffStack(idp);
  });
  afterAll(async () => {
    await stack.close();
    await idp.close();
  });

  it('the keychain really is unreachable here', async () => {
    await expect(keychain.get('probe')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });

  it('signs in, refreshes and signs out with the session in memory only, never remembered', async () => {
    const store = new MemoryFallbackSecretStore(keychain);
    const browser = scriptedSystemBrowser(bob);
    const { manager, states } = createSession({ idp, backendUrl: stack.backendUrl, secretStore: store, ...browser });
    expect(await manager.restore()).toEqual({ status: 'signed-out' });
    expect(await manager.signIn()).toMatchObject({
      status: 'signed-in',
      remembered: false,
      user: { name: 'Bob Example' },
    });
    expect(store.persistent).toBe(false);
    // The rotated refresh token is kept in memory: refreshing keeps working.
    expect(await manager.getIdToken({ forceRefresh: true })).toMatch(/^eyJ/);
    expect(await manager.getIdToken({ forceRefresh: true })).toMatch(/^eyJ/);
    expect(await manager.signOut()).toEqual({ status: 'signed-out' });
    expect(states.filter((state) => state.status === 'error')).toEqual([]);

    // "Next time": a new process starts signed out, quietly (no error screen, no message).
    const restarted = createSession({
      idp,
      backendUrl: stack.backendUrl,
      secretStore: new MemoryFallbackSecretStore(keychain),
      ...silentSystemBrowser(),
    });
    expect(await restarted.manager.restore()).toEqual({ status: 'signed-out' });
  });
});
