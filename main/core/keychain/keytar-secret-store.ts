import keytar from 'keytar';
import { appError } from '../errors/error-catalog.ts';
import { keychainService, type SecretStore } from './secret-store.ts';

/**
 * The OS keychain through keytar (Keychain on macOS, Credential Manager on Windows, the
 * Secret Service on Linux). Failures become `keychain_unavailable` errors without the secret.
 */
export class KeytarSecretStore implements SecretStore {
  readonly service: string;
  readonly persistent = true;

  constructor(service: string = keychainService) {
    this.service = service;
  }

  async get(account: string): Promise<string | null> {
    return this.guard(() => keytar.getPassword(this.service, account));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.guard(() => keytar.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.guard(() => keytar.deletePassword(this.service, account));
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw appError('keychain_unavailable', 'default', {}, { cause: error });
    }
  }
}
