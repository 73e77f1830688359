/**
 * A sample configuration profile for Jamf, Intune for Mac or any MDM. It uses the classic
 * managed-preferences payload (`com.apple.ManagedClient.preferences`, "Forced"), which every MDM
 * accepts and which macOS writes to /Library/Managed Preferences/<domain>.plist, where the app
 * reads it. Its UUIDs are derived from the identifiers so that regenerating changes nothing.
 */
import { createHash } from 'node:crypto';
import { build } from 'plist';
import type { DesktopPolicy } from '../../common/desktop-config-schema.ts';
import { managedPreferencesDomain } from '../../main/core/config/policy-locations.ts';

export const mobileconfigFileName = 'box-sso-desktop.mobileconfig';

function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  // Version 5-style layout (name-based); IT replaces them when making the profile its own.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

export function renderMobileconfig(policy: DesktopPolicy): string {
  const profileId = `${managedPreferencesDomain}.policy`;
  const payloadId = `${profileId}.preferences`;
  return build({
    PayloadContent: [
      {
        PayloadType: 'com.apple.ManagedClient.preferences',
        PayloadVersion: 1,
        PayloadIdentifier: payloadId,
        PayloadUUID: stableUuid(payloadId),
        PayloadDisplayName: 'Box SSO Desktop settings',
        PayloadContent: {
          [managedPreferencesDomain]: { Forced: [{ mcx_preference_settings: policy }] },
        },
      },
    ],
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: profileId,
    PayloadUUID: stableUuid(profileId),
    PayloadDisplayName: 'Box SSO Desktop',
    PayloadDescription: 'Sign-in, backend and update settings for Box SSO Desktop.',
    PayloadOrganization: 'Example Corp',
    PayloadScope: 'System',
  });
}
