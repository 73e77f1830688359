import { completeLogin } from '../../../sandbox/idp/scripted-browser.ts';
import { freePort, holdPortInChildProcess, rawRequest } from './support/http.ts';
import { keychainUnavailableReason } from './support/keychain.ts';
import { useSignInPeers } from './support/sign-in-peers.ts';
import { scriptedSystemBrowser, silentSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();
const alice = { username: 'alice', password: 'alice-sandbox' };

describe.skipIf(noKeychain !== null)('desktop sign-in through the system browser', () => {
  const peers = useSignInPeers();

  /** A sign-in whose system browser only records the URL it was asked to open. */
  const silentSession = () => {
    const browser = silentSystemBrowser();
    const { manager } = peers.session({
      openExternal: browser.openExternal,
    });
    return { browser, manager };
  };
  /** The pending sign-in's callback URL carrying its own state and the given code and iss, as a crafted redirect would. */
  const callbackFor = async (browser: ReturnType<typeof silentSystemBrowser>, query: { code: string; iss: string }) => {
    const authorize = new URL(await browser.nextOpened());
    const callback = new URL(authorize.searchParams.get('redirect_uri') ?? '');
    callback.search = new URLSearchParams({ ...query, state: authorize.searchParams.get('state') ?? '' }).toString();
    return callback;
  };

  it('signs in with PKCE, keeps the refresh token in the keychain and hands off to Box', async () => {
    const browser = scriptedSystemBrowser(alice);
    let focused = 0;
    const { manager, states } = peers.session({
      openExternal: browser.openExternal,
      focusApp: () => focused++,
    });

    const final = await manager.signIn();
    expect(focused).toBe(1);

    expect(states.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    expect(final).toMatchObject({ status: 'signed-in', user: { name: 'Alice Example', email: 'alice@example.com' } });
    expect(final.status === 'signed-in' && final.user.boxUserId).toMatch(/^\d+$/);
    expect(JSON.stringify(states)).not.toMatch(/eyJ/);

    const authorize = new URL(browser.opened[0] ?? '');
    expect(authorize.origin).toBe(peers.idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('scope')).toBe('openid profile email offline_access');
    const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.pathname).toBe('/callback');

    const tab = await browser.visits[0];
    expect(tab?.status).toBe(200);
    expect(tab?.headers.get('cache-control')).toBe('no-store');
    expect(tab?.html).toContain("You're signed in.");
    const code = new URL(tab?.url ?? '').searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    expect(tab?.html).not.toContain(code);
    expect(new URL(tab?.url ?? '').searchParams.get('iss')).toBe(peers.idp.issuer);

    expect(await peers.store.get(peers.account())).toBeTruthy();
    await expect(rawRequest(Number(redirect.port), '/callback')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects a callback whose iss is not the configured issuer (RFC 9207)', async () => {
    const { browser, manager } = silentSession();
    const done = manager.signIn();
    const callback = await callbackFor(browser, { code: 'forged', iss: 'http://127.0.0.1:1' });
    const tab = fetch(callback);
    expect(await done).toMatchObject({ status: 'error', code: 'issuer_mismatch' });
    expect(await (await tab).text()).toContain('different identity provider');
    expect(await peers.store.get(peers.account())).toBeNull();
  });

  it('maps Cancel at the identity provider (error=access_denied) to sign_in_denied', async () => {
    const browser = scriptedSystemBrowser({ ...alice, action: 'cancel' });
    const { manager } = peers.session({
      openExternal: browser.openExternal,
    });
    expect(await manager.signIn()).toMatchObject({ status: 'error', code: 'sign_in_denied' });
    expect((await browser.visits[0])?.html).toContain("Sign-in didn't finish");
  });

  it('ignores a callback with a wrong state and still finishes with the right one (prompt=login)', async () => {
    const browser = silentSystemBrowser();
    const { manager } = peers.session({
      openExternal: browser.openExternal,
      settings: { prompt: 'login' },
    });
    const done = manager.signIn();
    const authorize = await browser.nextOpened();
    expect(new URL(authorize).searchParams.get('prompt')).toBe('login');
    const redirect = new URL(new URL(authorize).searchParams.get('redirect_uri') ?? '');
    const stray = await rawRequest(Number(redirect.port), '/callback?code=stolen&state=not-ours');
    expect(stray.status).toBe(400);
    expect(manager.state.status).toBe('signing-in');
    const tab = fetch(await completeLogin(authorize, alice));
    expect(await done).toMatchObject({ status: 'signed-in' });
    expect((await tab).status).toBe(200);
    // offline_access survived prompt=login: the refresh token is in the keychain.
    expect(await peers.store.get(peers.account())).toBeTruthy();
  });

  it('reports a token endpoint error for a code the provider never issued', async () => {
    const { browser, manager } = silentSession();
    const done = manager.signIn();
    const callback = await callbackFor(browser, { code: 'never-issued', iss: peers.idp.issuer });
    void fetch(callback).then((r) => r.text());
    expect(await done).toMatchObject({ status: 'error', code: 'token_endpoint_error' });
  });

  it('takes an empty code (code=) with our state as a malformed answer, not a token endpoint error', async () => {
    const { browser, manager } = silentSession();
    let grants = 0;
    const countGrant = () => grants++;
    peers.idp.provider.on('grant.success', countGrant);
    peers.idp.provider.on('grant.error', countGrant);
    try {
      const done = manager.signIn();
      const callback = await callbackFor(browser, { code: '', iss: peers.idp.issuer });
      const tab = fetch(callback);
      const ended = await done;
      expect(ended).toMatchObject({ status: 'error', code: 'sign_in_malformed_answer' });
      expect(ended.status === 'error' && ended.message).toContain('without a sign-in code');
      expect(await (await tab).text()).toContain('without a sign-in code');
      expect(grants).toBe(0);
    } finally {
      peers.idp.provider.off('grant.success', countGrant);
      peers.idp.provider.off('grant.error', countGrant);
    }
  });

  it('says which fixed port another program holds (sign_in_port_in_use), and opens no tab', async () => {
    const holder = await holdPortInChildProcess();
    try {
      const browser = silentSystemBrowser();
      const { manager } = peers.session({
        openExternal: browser.openExternal,
        settings: { loopbackPorts: [holder.port] },
      });
      expect(await manager.signIn()).toMatchObject({
        status: 'error',
        code: 'sign_in_port_in_use',
        message: `The sign-in port configured by IT (port ${holder.port}) is used by another program. Close that program and try again, or ask IT.`,
      });
      expect(browser.opened).toEqual([]);
    } finally {
      await holder.stop();
    }
  });

  it('times out, closes the listener and says so', async () => {
    const browser = silentSystemBrowser();
    const { manager } = peers.session({
      openExternal: browser.openExternal,
      settings: { timeoutMs: 300 },
    });
    const done = manager.signIn();
    const redirect = new URL(new URL(await browser.nextOpened()).searchParams.get('redirect_uri') ?? '');
    expect(await done).toMatchObject({ status: 'error', code: 'sign_in_timeout' });
    await expect(rawRequest(Number(redirect.port), '/callback')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a second click replaces the pending sign-in on the same fixed port without EADDRINUSE', async () => {
    const port = await freePort();
    const browser = silentSystemBrowser();
    const { manager, states } = peers.session({
      openExternal: browser.openExternal,
      settings: { loopbackPorts: [port] },
    });
    const first = manager.signIn();
    const firstUrl = await browser.nextOpened();
    const secondOpened = browser.nextOpened();
    const second = manager.signIn();
    const secondUrl = await secondOpened;
    expect(new URL(secondUrl).searchParams.get('state')).not.toBe(new URL(firstUrl).searchParams.get('state'));
    expect(new URL(secondUrl).searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`);
    expect(manager.signInLink()).toBe(secondUrl);
    // The first tab, finished late, reaches the second listener and is told its sign-in was replaced.
    const stale = await fetch(await completeLogin(firstUrl, alice));
    expect(stale.status).toBe(410);
    expect(await stale.text()).toContain('This sign-in was replaced');
    expect(manager.state.status).toBe('signing-in');
    await fetch(await completeLogin(secondUrl, alice));
    expect(await second).toMatchObject({ status: 'signed-in' });
    expect((await first).status).not.toBe('error');
    expect(states.filter((s) => s.status === 'error')).toEqual([]);
  });

  it('keeps waiting when the browser does not open, so the copied sign-in link still works', async () => {
    const { manager } = peers.session({
      openExternal: () => Promise.reject(new Error('no browser installed')),
    });
    const done = manager.signIn();
    await vi.waitFor(() => expect(manager.signInLink()).toBeTruthy());
    expect(manager.state.status).toBe('signing-in');
    await fetch(await completeLogin(manager.signInLink() ?? '', alice));
    expect(await done).toMatchObject({ status: 'signed-in' });
  });

  it('Cancel closes the listener and returns to signed-out', async () => {
    const { browser, manager } = silentSession();
    const done = manager.signIn();
    const redirect = new URL(new URL(await browser.nextOpened()).searchParams.get('redirect_uri') ?? '');
    manager.cancelSignIn();
    expect(await done).toEqual({ status: 'signed-out' });
    expect(manager.signInLink()).toBeNull();
    await expect(rawRequest(Number(redirect.port), '/callback')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('detects a wrong system clock (clock skew)', async () => {
    const browser = scriptedSystemBrowser(alice);
    const threeHoursAhead = () => Date.now() + 3 * 3600 * 1000;
    const { manager } = peers.session({
      openExternal: browser.openExternal,
      clock: threeHoursAhead,
    });
    expect(await manager.signIn()).toMatchObject({ status: 'error', code: 'clock_skew' });
  });

  it('says the provider is unreachable when discovery fails', async () => {
    const browser = silentSystemBrowser();
    const { manager } = peers.session({
      openExternal: browser.openExternal,
      settings: { issuer: `http://127.0.0.1:${await freePort()}` },
    });
    expect(await manager.signIn()).toMatchObject({ status: 'error', code: 'idp_unreachable' });
    expect(browser.opened).toEqual([]);
  });
});
