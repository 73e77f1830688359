/**
 * Where the native policy sources live. The registry key and the managed-preferences domain are
 * what the generated templates (build/policy/) write, so they are defined once, here.
 */
import path from 'node:path';

/** Under HKEY_LOCAL_MACHINE (machine policy) and HKEY_CURRENT_USER (user policy, weaker). */
export const registryPolicyKey = 'SOFTWARE\\Policies\\BoxSSO\\Desktop';
/** The subkey holding a policy's defaults, which the user may change. */
export const registryDefaultsSubkey = 'Defaults';
export const registryHives = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER'] as const;
export type RegistryHive = (typeof registryHives)[number];

/** The app's bundle id (electron-builder's `appId`): configuration profiles target this domain. */
export const managedPreferencesDomain = 'com.example.box-sso-desktop';

/** Machine-wide first, then the user's own (an MDM may scope a profile to one user). */
export function managedPreferencesFiles(username: string): string[] {
  const folder = '/Library/Managed Preferences';
  return [
    path.posix.join(folder, `${managedPreferencesDomain}.plist`),
    path.posix.join(folder, username, `${managedPreferencesDomain}.plist`),
  ];
}
