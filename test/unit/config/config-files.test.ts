import { describe, expect, it } from 'vitest';
import { defaultConfigFiles, policyFilePath } from '../../../main/core/config/config-files.ts';

describe('the policy file lives in each OS conventional machine-wide place', () => {
  it('Windows: %ProgramData%', () => {
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Box SSO Desktop\\policy.json',
    );
    expect(policyFilePath('win32', {})).toBe('C:\\ProgramData\\Box SSO Desktop\\policy.json');
  });

  it('macOS: /Library/Application Support', () => {
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/Box SSO Desktop/policy.json');
  });

  it('Linux: /etc', () => {
    expect(policyFilePath('linux', {})).toBe('/etc/box-sso-desktop/policy.json');
  });

  it('is not moved by environment variables a user controls, except the OS ProgramData on Windows', () => {
    expect(policyFilePath('linux', { XDG_CONFIG_HOME: '/home/u/.config', HOME: '/home/u' })).toBe(
      '/etc/box-sso-desktop/policy.json',
    );
  });

  it('puts user settings in userData and bundled settings in the resources folder', () => {
    const files = defaultConfigFiles({
      platform: 'linux',
      env: {},
      userDataDir: '/home/u/.config/Box SSO Desktop',
      resourcesDir: '/opt/Box SSO Desktop/resources',
    });
    expect(files.userSettingsFile).toBe('/home/u/.config/Box SSO Desktop/settings.json');
    expect(files.bundledSettingsFile).toBe('/opt/Box SSO Desktop/resources/bundled-settings.json');
  });
});
