import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomFetch } from 'openid-client';
import { rememberedDiscoveryIn } from '../../../main/core/auth/remembered-discovery.ts';
import { keychainUnavailableReason } from './support/keychain.ts';
import { heldDiscovery } from './support/held-discovery.ts';
import { useSignInPeers } from './support/sign-in-peers.ts';
import { scriptedSystemBrowser, silentSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();
const bob = { username: 'bob', password: 'bob-sandbox' };

/**
 * Start-up runs in a new order (docs/launch.md): the refresh uses the last launch's discovery
 * instead of waiting for today's. Whatever the order, the user sees the same states: signed out
 * with nothing remembered, signing in then signed in when restoring.
 */
describe.skipIf(noKeychain !== null)('start-up order: the last launch’s discovery, the same states', () => {
  const peers = useSignInPeers({ idTokenTtl: 600 });
  let folder: string;
  let file: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'start-up-order-'));
    file = join(folder, 'identity-provider.json');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Signs bob in once with the discovery kept in `file`, as the launch before this one did. */
  const signedInBefore = async (): Promise<void> => {
    const browser = scriptedSystemBrowser(bob);
    const { manager } = peers.session({
      openExternal: browser.openExternal,
      rememberedDiscovery: rememberedDiscoveryIn(file),
    });
    expect(await manager.signIn()).toMatchObject({ status: 'signed-in' });
    await expect.poll(() => readFile(file, 'utf8').catch(() => '')).toContain('token_endpoint');
  };

  /** openid-client's requests, noted, with discovery held until the test lets it go. */
  const watchedIdp = () => {
    const held = heldDiscovery();
    const urls: string[] = [];
    const idpFetch: CustomFetch = (url, options) => {
      urls.push(url);
      return held.idpFetch(url, options);
    };
    return { held, urls, idpFetch };
  };

  it('restores before today’s discovery answers: signing in, then signed in, and the browser never opens', async () => {
    await signedInBefore();
    const { held, idpFetch } = watchedIdp();
    const browser = silentSystemBrowser();
    const { manager, states } = peers.session({
      openExternal: browser.openExternal,
      idpFetch,
      rememberedDiscovery: rememberedDiscoveryIn(file),
    });
    const restored = manager.restore();
    await held.reached;
    // Discovery has not even been sent: the refresh went to the remembered token endpoint.
    await expect(restored).resolves.toMatchObject({ status: 'signed-in', user: { name: 'Bob Example' } });
    expect(states.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    expect(browser.opened).toEqual([]);
    held.release();
  });

  it('with nothing in the keychain, a remembered discovery changes nothing: signed out', async () => {
    await signedInBefore();
    await peers.store.delete(peers.account());
    const { manager, states } = peers.session({
      openExternal: silentSystemBrowser().openExternal,
      rememberedDiscovery: rememberedDiscoveryIn(file),
    });
    expect(await manager.restore()).toEqual({ status: 'signed-out' });
    expect(states).toEqual([{ status: 'signed-out' }]);
  });

  it('a remembered token endpoint on another origin is never sent the refresh token; the restore waits for discovery', async () => {
    await signedInBefore();
    const metadata = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...metadata, token_endpoint: 'http://127.0.0.2:9/token' }));
    const { held, urls, idpFetch } = watchedIdp();
    const { manager, states } = peers.session({
      openExternal: silentSystemBrowser().openExternal,
      idpFetch,
      rememberedDiscovery: rememberedDiscoveryIn(file),
    });
    let settled = false;
    const restored = manager.restore().finally(() => (settled = true));
    await held.reached;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false);
    held.release();
    await expect(restored).resolves.toMatchObject({ status: 'signed-in' });
    expect(states.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    expect(urls.some((url) => url.startsWith('http://127.0.0.2:9'))).toBe(false);
  });

  it('a token endpoint the provider moved: the restore falls back to today’s discovery and remembers it', async () => {
    await signedInBefore();
    const metadata = JSON.parse(await readFile(file, 'utf8')) as { token_endpoint: string };
    const moved = new URL('/token-moved-away', metadata.token_endpoint).href;
    await writeFile(file, JSON.stringify({ ...metadata, token_endpoint: moved }));
    const { held, urls, idpFetch } = watchedIdp();
    held.release();
    const { manager, states } = peers.session({
      openExternal: silentSystemBrowser().openExternal,
      idpFetch,
      rememberedDiscovery: rememberedDiscoveryIn(file),
    });
    await expect(manager.restore()).resolves.toMatchObject({ status: 'signed-in' });
    expect(states.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    expect(urls).toContain(moved);
    await expect.poll(() => readFile(file, 'utf8')).toContain(metadata.token_endpoint);
  });

  it('a file from another issuer, or not JSON, is ignored', async () => {
    await signedInBefore();
    const metadata = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const remembered = rememberedDiscoveryIn(file);
    const settings = { issuer: peers.idp.issuer, clientId: peers.idp.desktopClientId };
    await expect(remembered.recall(settings, Date.now)).resolves.toBeDefined();
    await writeFile(file, JSON.stringify({ ...metadata, issuer: 'http://127.0.0.1:1/other' }));
    await expect(remembered.recall(settings, Date.now)).resolves.toBeUndefined();
    await writeFile(file, 'not json');
    await expect(remembered.recall(settings, Date.now)).resolves.toBeUndefined();
  });
});
