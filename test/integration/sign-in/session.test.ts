import { setTimeout as sleep } from 'node:timers/promises';
import * as oidc from 'openid-client';
import type { SecretStore } from '../../../main/core/keychain/secret-store.ts';
import { discoverSandbox } from '../../support/sign-in-as.ts';
import { keychainUnavailableReason } from './support/keychain.ts';
import { useSignInPeers } from './support/sign-in-peers.ts';
import { scriptedSystemBrowser, silentSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();
const bob = { username: 'bob', password: 'bob-sandbox' };

describe.skipIf(noKeychain !== null)('session: keychain, refresh, restore and sign-out', () => {
  const peers = useSignInPeers({ idTokenTtl: 600 });

  /** A fresh core, as after an app restart: nothing shared with the previous one but the keychain. */
  const restartedCore = (clock?: () => number) => {
    const browser = silentSystemBrowser();
    return {
      browser,
      ...peers.session({
        openExternal: browser.openExternal,
        ...(clock ? { clock } : {}),
      }),
    };
  };

  const signedInCore = async (clock?: () => number) => {
    const browser = scriptedSystemBrowser(bob);
    const session = peers.session({
      openExternal: browser.openExternal,
      ...(clock ? { clock } : {}),
    });
    expect(await session.manager.signIn()).toMatchObject({ status: 'signed-in' });
    return { browser, ...session };
  };

  it('stays signed out at start-up when the keychain holds nothing', async () => {
    const { manager, states } = restartedCore();
    expect(await manager.restore()).toEqual({ status: 'signed-out' });
    expect(states).toEqual([{ status: 'signed-out' }]);
  });

  it('restores the session silently after a restart, from the keychain only', async () => {
    await signedInCore();
    const { manager, states, browser } = restartedCore();
    const restored = await manager.restore();
    expect(restored).toMatchObject({ status: 'signed-in', user: { name: 'Bob Example', email: 'bob@example.com' } });
    expect(states.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    expect(browser.opened).toEqual([]);
    expect(await manager.getIdToken()).toMatch(/^eyJ/);
  });

  it('reads the keychain once at start-up (on macOS each read may ask the user)', async () => {
    await signedInCore();
    let reads = 0;
    const counted = {
      persistent: true,
      get: (account: string) => (reads++, peers.store.get(account)),
      set: (account: string, secret: string) => peers.store.set(account, secret),
      delete: (account: string) => peers.store.delete(account),
    };
    const browser = silentSystemBrowser();
    const { manager } = peers.session({ openExternal: browser.openExternal, secretStore: counted });
    expect(await manager.restore()).toMatchObject({ status: 'signed-in' });
    expect(reads).toBe(1);
  });

  it('start-up discovers the provider while the keychain answers; a slow keychain changes nothing the user sees', async () => {
    await signedInCore();
    let reads = 0;
    const slow: SecretStore = {
      persistent: true,
      get: async (account) => {
        reads++;
        await sleep(300);
        return peers.store.get(account);
      },
      set: (account, secret) => peers.store.set(account, secret),
      delete: (account) => peers.store.delete(account),
    };
    const browser = silentSystemBrowser();
    const { manager, states } = peers.session({ openExternal: browser.openExternal, secretStore: slow });
    expect(await manager.restore()).toMatchObject({ status: 'signed-in', user: { name: 'Bob Example' } });
    expect(states.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    expect(reads).toBe(1);
    expect(browser.opened).toEqual([]);
  });

  it('with nothing to restore, an unreachable provider at start-up still shows signed-out, not an error', async () => {
    const browser = silentSystemBrowser();
    // Nothing listens on port 9: the discovery started beside the keychain read fails.
    const { manager, states } = peers.session({
      openExternal: browser.openExternal,
      settings: { issuer: 'http://127.0.0.1:9' },
    });
    expect(await manager.restore()).toEqual({ status: 'signed-out' });
    expect(states).toEqual([{ status: 'signed-out' }]);
    // The failed discovery is not kept: signing in tries the provider again and says it cannot be reached.
    expect(await manager.signIn()).toMatchObject({ status: 'error' });
    expect(browser.opened).toEqual([]);
  });

  it('rotates the refresh token on refresh and keeps the newest in the keychain', async () => {
    const { manager } = await signedInCore();
    const first = await peers.store.get(peers.account());
    expect(await manager.getIdToken({ forceRefresh: true })).toMatch(/^eyJ/);
    const second = await peers.store.get(peers.account());
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
  });

  it('refreshes an expired ID token before handing it out, once for concurrent callers', async () => {
    let offsetMs = 0;
    const clock = () => Date.now() + offsetMs;
    const { manager } = await signedInCore(clock);
    const rotatedFrom = await peers.store.get(peers.account());
    let refreshGrants = 0;
    const countRefresh = (ctx: { oidc: { params?: { grant_type?: unknown } } }) => {
      if (ctx.oidc.params?.grant_type === 'refresh_token') refreshGrants++;
    };
    peers.idp.provider.on('grant.success', countRefresh);
    await manager.getIdToken();
    expect(refreshGrants).toBe(0);
    offsetMs = 600_000;
    const [a, b] = await Promise.all([manager.getIdToken(), manager.getIdToken()]);
    peers.idp.provider.off('grant.success', countRefresh);
    expect(refreshGrants).toBe(1);
    expect(b).toBe(a);
    // Two concurrent refreshes would have reused a rotated token and revoked the grant.
    const newest = (await peers.store.get(peers.account())) ?? '';
    expect(newest).not.toBe(rotatedFrom);
    const config = await discoverSandbox(peers.idp);
    await expect(oidc.refreshTokenGrant(config, newest)).resolves.toBeTruthy();
  });

  it('a reused (rotated-out) refresh token signs out with a message and clears the keychain', async () => {
    const { manager } = await signedInCore();
    const old = (await peers.store.get(peers.account())) ?? '';
    await manager.getIdToken({ forceRefresh: true });
    // A stale copy comes back (e.g. a restored backup): the provider treats reuse as theft.
    await peers.store.set(peers.account(), old);
    const restarted = restartedCore();
    const state = await restarted.manager.restore();
    expect(state).toMatchObject({
      status: 'signed-out',
      code: 'session_expired',
      message: 'Your session has ended. Sign in again.',
    });
    expect(await peers.store.get(peers.account())).toBeNull();
  });

  it('sign-out revokes the refresh token at the provider, deletes it and forgets the tokens', async () => {
    const { manager, states } = await signedInCore();
    const refreshToken = (await peers.store.get(peers.account())) ?? '';
    expect(await manager.signOut()).toEqual({ status: 'signed-out' });
    expect(states.at(-1)).toEqual({ status: 'signed-out' });
    expect(await peers.store.get(peers.account())).toBeNull();
    await expect(manager.getIdToken()).rejects.toMatchObject({ code: 'not_signed_in' });
    const config = await discoverSandbox(peers.idp);
    await expect(oidc.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('sign-out can open the provider end-session page with the ID token hint', async () => {
    await signedInCore();
    const opened: string[] = [];
    const spy = peers.session({
      openExternal: (url) => (opened.push(url), Promise.resolve()),
    });
    await spy.manager.restore();
    await spy.manager.signOut({ endSession: true });
    const endSession = new URL(opened[0] ?? '');
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${peers.idp.issuer}/session/end`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    const page = await fetch(endSession);
    expect(page.status).toBe(200);
  });
});
