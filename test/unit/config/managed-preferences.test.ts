import { describe, expect, it } from 'vitest';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import { loadDesktopConfig } from '../../../main/core/config/load-desktop-config.ts';
import { managedPreferencesSource } from '../../../main/core/config/managed-preferences-source.ts';
import { managedPreferencesFiles } from '../../../main/core/config/policy-locations.ts';
import { fixture } from './policy-fixtures.ts';

function load(plistFile: string): Promise<DesktopConfigState> {
  return loadDesktopConfig({
    files: {
      policyFile: fixture('absent/policy.json'),
      userSettingsFile: fixture('absent/settings.json'),
      bundledSettingsFile: fixture('absent/bundled-settings.json'),
    },
    nativePolicySources: [managedPreferencesSource(fixture(plistFile))],
    isDevelopment: false,
    env: {},
  });
}

describe('macOS managed preferences', () => {
  it('live in /Library/Managed Preferences under the app bundle id, machine-wide before the user', () => {
    expect(managedPreferencesFiles('alice')).toEqual([
      '/Library/Managed Preferences/com.example.box-sso-desktop.plist',
      '/Library/Managed Preferences/alice/com.example.box-sso-desktop.plist',
    ]);
  });

  it.each(['managed-preferences-full.binary.plist', 'managed-preferences-full.xml.plist'])(
    '%s: enforced keys lock, the defaults dictionary stays the user’s',
    async (file) => {
      const state = await load(file);
      expect(state.status).toBe('ok');
      if (state.status !== 'ok') return;
      expect(state.effective.config).toMatchObject({
        issuer: 'https://example.okta.com/oauth2/default',
        loopbackPorts: [53682, 53683, 53684],
        updatesEnabled: true,
        updateUrl: 'https://updates.example.com/box-sso',
        loginHint: 'employee@example.com',
      });
      expect(state.effective.sources).toMatchObject({ issuer: 'policy', loginHint: 'policy-default' });
      expect(state.effective.origins.issuer).toBe(fixture(file));
      expect(state.effective.lockedKeys).toEqual(
        expect.arrayContaining(['issuer', 'clientId', 'backendUrl', 'loopbackPorts', 'updateUrl']),
      );
      expect(state.effective.lockedKeys).not.toContain('loginHint');
    },
  );

  it('names the file and the key of a value of the wrong type', async () => {
    const state = await load('managed-preferences-bad-type.binary.plist');
    expect(state).toMatchObject({
      status: 'error',
      error: { file: fixture('managed-preferences-bad-type.binary.plist'), field: 'loopbackPorts' },
    });
  });

  it('is an error, not an empty policy, when the property list is damaged', async () => {
    const state = await load('managed-preferences-truncated.binary.plist');
    expect(state).toMatchObject({ status: 'error', error: { field: null } });
    if (state.status === 'error') expect(state.error.message).toMatch(/not a valid property list/);
  });

  it('means no policy when the file is absent', async () => {
    const state = await load('absent.plist');
    expect(state).toMatchObject({ status: 'error', error: { file: null, field: 'issuer' } });
  });
});
