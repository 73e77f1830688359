import type { SecretStore } from './secret-store.ts';

/**
 * The keychain when there is one, the process's memory when there is not (no Secret Service
 * on a headless or minimal Linux desktop, a locked keyring): signing in still works, it is
 * only not remembered after the app quits. Never a file: a refresh token on disk outside the
 * keychain is exactly what must not happen. Every write tries the keychain again, so one that
 * becomes available later (the user unlocks it) is used from then on and memory is emptied.
 */
export class MemoryFallbackSecretStore implements SecretStore {
  private readonly keychain: SecretStore;
  private readonly inMemory = new Map<string, string>();
  private keychainWorks = true;

  constructor(keychain: SecretStore) {
    this.keychain = keychain;
  }

  /** False while a secret is held in memory because the keychain refused it. */
  get persistent(): boolean {
    return this.keychainWorks && this.inMemory.size === 0;
  }

  async get(account: string): Promise<string | null> {
    const held = this.inMemory.get(account);
    if (held !== undefined) {
      await this.set(account, held); // moves it to the keychain if that works now
      return held;
    }
    try {
      const stored = await this.keychain.get(account);
      this.keychainWorks = true;
      return stored;
    } catch {
      // Nothing can have been stored where nothing can be read: start signed out.
      this.keychainWorks = false;
      return null;
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await this.keychain.set(account, secret);
      this.keychainWorks = true;
      this.inMemory.delete(account);
    } catch {
      this.keychainWorks = false;
      this.inMemory.set(account, secret);
    }
  }

  async delete(account: string): Promise<boolean> {
    const held = this.inMemory.delete(account);
    try {
      const deleted = await this.keychain.delete(account);
      this.keychainWorks = true;
      return deleted || held;
    } catch {
      this.keychainWorks = false;
      return held;
    }
  }
}
