import keytar from 'keytar';
import { randomUUID } from 'node:crypto';
import { KeytarSecretStore } from '../../../../main/core/keychain/keytar-secret-store.ts';

/**
 * Real keychain access for tests: each test file gets its own keychain service name so runs
 * never touch the app's real entry or each other's. Returns why the Secret Service cannot be
 * used, or null when it can (tests that need it are skipped with that reason printed).
 */
export async function keychainUnavailableReason(): Promise<string | null> {
  const service = `com.boxssodesktop.probe.${randomUUID()}`;
  const probe = (async () => {
    await keytar.setPassword(service, 'probe', 'probe');
    const read = await keytar.getPassword(service, 'probe');
    await keytar.deletePassword(service, 'probe');
    return read === 'probe' ? null : 'the Secret Service did not return what was stored';
  })();
  const timeout = new Promise<string>((resolve) =>
    setTimeout(() => resolve('the Secret Service did not answer within 5 s'), 5_000).unref(),
  );
  let reason: string | null;
  try {
    reason = await Promise.race([probe, timeout]);
  } catch (error) {
    reason = `no Secret Service is reachable (${error instanceof Error ? error.message : String(error)}); run inside dbus-run-session with gnome-keyring unlocked`;
  }
  if (reason === null) return null;
  // CI provides a Secret Service on purpose: there, a missing one is a failure, not a skip.
  if (process.env.BOX_SSO_REQUIRE_KEYCHAIN === '1') throw new Error(`BOX_SSO_REQUIRE_KEYCHAIN is set but ${reason}`);
  console.warn(`Skipping keychain tests: ${reason}.`);
  return reason;
}

export function testSecretStore(): KeytarSecretStore {
  return new KeytarSecretStore(`com.boxssodesktop.test.${randomUUID()}`);
}
