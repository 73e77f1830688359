import { ipcRequestSchemas } from '../../../common/ipc-request-schemas.ts';
import type { SessionState } from '../../../common/session-state.ts';
import { CoreEventBus } from '../../../main/core/ipc/event-bus.ts';
import { refreshTokenAccount } from '../../../main/core/keychain/secret-store.ts';
import { createSessionHandlers, forwardSessionChanges } from '../../../main/core/session/session-handlers.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { completeLogin } from '../../../sandbox/idp/scripted-browser.ts';
import { startHandoffStack, type HandoffStack } from './support/handoff-stack.ts';
import { keychainUnavailableReason, testSecretStore } from './support/keychain.ts';
import { createSession } from './support/session-fixture.ts';
import { silentSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();

describe.skipIf(noKeychain !== null)('session IPC handlers', () => {
  let idp: SandboxIdp;
  let stack: HandoffStack;
  const store = testSecretStore();

  beforeAll(async () => {
    idp = await startSandboxIdp();
    stack = await startHandoffStack(idp);
  });
  afterAll(async () => {
    await store.delete(refreshTokenAccount(idp.issuer, idp.desktopClientId));
    await stack?.close();
    await idp?.close();
  });

  it('validates requests, drives the session and forwards states (never tokens) as session:changed', async () => {
    expect(ipcRequestSchemas['session:signOut'].safeParse({ endSession: true }).success).toBe(true);
    expect(ipcRequestSchemas['session:signOut'].safeParse({ endSession: 'yes' }).success).toBe(false);
    expect(ipcRequestSchemas['session:signIn'].safeParse({ anything: 1 }).success).toBe(false);

    const browser = silentSystemBrowser();
    const { manager } = createSession({
      idp,
      backendUrl: stack.backendUrl,
      secretStore: store,
      openExternal: browser.openExternal,
    });
    const events = new CoreEventBus();
    const forwarded: SessionState[] = [];
    events.on('session:changed', (state) => forwarded.push(state));
    const stop = forwardSessionChanges(manager, events);
    const handlers = createSessionHandlers(manager);

    expect(await handlers['session:get']()).toEqual({ status: 'signed-out' });
    expect(await handlers['session:getSignInLink']()).toBeNull();
    const signingIn = handlers['session:signIn']();
    const link = await browser.nextOpened();
    expect(await handlers['session:getSignInLink']()).toBe(link);
    await fetch(await completeLogin(link, { username: 'alice', password: 'alice-sandbox' }));
    expect(await signingIn).toMatchObject({ status: 'signed-in' });
    expect(await handlers['session:signOut']({ endSession: false })).toEqual({ status: 'signed-out' });

    expect(forwarded.map((s) => s.status)).toEqual(['signing-in', 'signed-in', 'signed-out']);
    expect(JSON.stringify(forwarded)).not.toMatch(/eyJ|access_token|refresh/);
    stop();
  });
});
