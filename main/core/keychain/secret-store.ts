/**
 * Where the refresh token lives between runs. An interface so the session core stays plain
 * Node; the real implementation is the OS keychain (keytar-secret-store.ts).
 */
export interface SecretStore {
  /** Whether what is stored outlives the app (false while it is held in memory only). */
  readonly persistent: boolean;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when an entry was deleted. */
  delete(account: string): Promise<boolean>;
}

/**
 * The keychain service name: the app id (electron-builder.yml `appId`), so IT can find and
 * wipe the entry. test/unit/auth/keychain-service.test.ts keeps the two in step.
 */
export const keychainService = 'com.example.box-sso-desktop';

/**
 * One entry per identity provider and client: switching the configured issuer must never
 * hand one provider's refresh token to another.
 */
export function refreshTokenAccount(issuer: string, clientId: string): string {
  return `${issuer} ${clientId}`;
}
