import type { SecretStore } from '../../main/core/keychain/secret-store.ts';

/** A test's keychain: what was stored, where nothing else can see it (the real one is tested in sign-in/). */
export function memoryKeychain(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    persistent: true,
    get: (account) => Promise.resolve(entries.get(account) ?? null),
    set: (account, secret) => Promise.resolve(void entries.set(account, secret)),
    delete: (account) => Promise.resolve(entries.delete(account)),
  };
}
