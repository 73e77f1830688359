import { MemoryFallbackSecretStore } from '../../../main/core/keychain/memory-fallback-secret-store.ts';
import type { SecretStore } from '../../../main/core/keychain/secret-store.ts';
import { keychainUnavailableReason } from './support/keychain.ts';
import { useSignInPeers } from './support/sign-in-peers.ts';
import { scriptedSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();
const bob = { username: 'bob', password: 'bob-sandbox' };

/**
 * The real Secret Service behind a lock this test opens: libsecret keeps its D-Bus session for
 * the life of the process, so a real keyring cannot be made to appear mid-test; the lock plays
 * "locked until the user unlocks it" in front of the real keychain.
 */
function lockable(keychain: SecretStore) {
  const state = { locked: true };
  const gate = <T>(operation: () => Promise<T>): Promise<T> =>
    state.locked ? Promise.reject(new Error('the keyring is locked')) : operation();
  const store: SecretStore = {
    persistent: true,
    get: (account) => gate(() => keychain.get(account)),
    set: (account, secret) => gate(() => keychain.set(account, secret)),
    delete: (account) => gate(() => keychain.delete(account)),
  };
  return { store, unlock: () => (state.locked = false) };
}

describe.skipIf(noKeychain !== null)('a keychain that becomes available while signed in', () => {
  const peers = useSignInPeers({ idTokenTtl: 600 });

  it('is used from the next refresh on, and the session is remembered from then on', async () => {
    const keychain = lockable(peers.store);
    const store = new MemoryFallbackSecretStore(keychain.store);
    const { manager, states } = peers.session({ secretStore: store, ...scriptedSystemBrowser(bob) });
    expect(await manager.signIn()).toMatchObject({ status: 'signed-in', remembered: false });
    expect(await peers.store.get(peers.account())).toBeNull();

    keychain.unlock();
    await manager.getIdToken({ forceRefresh: true });
    expect(states.at(-1)).toMatchObject({ status: 'signed-in', remembered: true });
    expect(store.persistent).toBe(true);
    expect(await peers.store.get(peers.account())).toMatch(/\S{20,}/);
  });
});
