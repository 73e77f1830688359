import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import { loadDesktopConfig } from '../../../main/core/config/load-desktop-config.ts';
import { nativePolicySources } from '../../../main/core/config/native-policy-sources.ts';
import { decodeRegFile, parseRegFile } from '../../../main/core/config/reg-file.ts';
import type { CommandRunner } from '../../../main/core/config/registry-policy-source.ts';
import { fixture, regExeStandIn } from './policy-fixtures.ts';

const hklm = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\BoxSSO\\Desktop';
const hkcu = 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\BoxSSO\\Desktop';
const noFiles = {
  policyFile: fixture('absent/policy.json'),
  userSettingsFile: fixture('absent/settings.json'),
  bundledSettingsFile: fixture('absent/bundled-settings.json'),
};

function load(runCommand: CommandRunner): Promise<DesktopConfigState> {
  return loadDesktopConfig({
    files: noFiles,
    nativePolicySources: nativePolicySources({
      platform: 'win32',
      env: { SystemRoot: 'C:\\Windows' },
      username: 'alice',
      runCommand,
    }),
    isDevelopment: false,
    env: {},
  });
}

async function loadError(regFile: string) {
  const state = await load(regExeStandIn({ [hklm]: fixture(regFile) }).run);
  if (state.status !== 'error') throw new Error('expected a configuration error');
  return state.error;
}

describe('registry exports', () => {
  it('parse every value type regedit writes, continued hex lines and non-ASCII text', async () => {
    const keys = parseRegFile(decodeRegFile(await readFile(fixture('hklm-full.reg'))));
    const root = keys.get(hklm);
    expect(root?.get('scopes')).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['openid', 'profile', 'email', 'offline_access'],
    });
    expect(root?.get('updatesEnabled')).toEqual({ type: 'REG_DWORD', data: 0 });
    expect(keys.get(`${hklm}\\Defaults`)?.get('loginHint')).toEqual({
      type: 'REG_SZ',
      data: 'Zoë.Ångström@example.com',
    });
  });
});

describe('Group Policy in the registry', () => {
  it('runs reg.exe by absolute path, exporting the machine key and then the user key', async () => {
    const regExe = regExeStandIn({});
    await load(regExe.run);
    expect(regExe.calls.map((call) => [call.program, call.args[0], call.args[1], call.args[3]])).toEqual([
      ['C:\\Windows\\System32\\reg.exe', 'export', hklm, '/y'],
      ['C:\\Windows\\System32\\reg.exe', 'export', hkcu, '/y'],
    ]);
  });

  it('enforces the machine key, offers its Defaults subkey, and lets the user key fill in below it', async () => {
    const state = await load(regExeStandIn({ [hklm]: fixture('hklm-full.reg'), [hkcu]: fixture('hkcu-user.reg') }).run);
    expect(state.status).toBe('ok');
    if (state.status !== 'ok') return;
    const { config, sources, origins, lockedKeys } = state.effective;
    expect(config).toMatchObject({
      issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
      clientId: '11111111-1111-1111-1111-111111111111',
      backendUrl: 'https://box-sso.example.com',
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      loopbackPorts: [53682, 53683, 53684],
      updatesEnabled: false,
      updateUrl: 'https://updates.example.com/box-sso',
      updateChannel: 'beta',
      loginHint: 'Zoë.Ångström@example.com',
      // The machine only suggests domainHint; the user-scoped policy enforces its own.
      domainHint: 'user-policy.example.com',
    });
    expect(sources).toMatchObject({ clientId: 'policy', loginHint: 'policy-default', domainHint: 'policy' });
    expect(origins).toMatchObject({ clientId: hklm, loginHint: `${hklm} (defaults)`, domainHint: hkcu });
    expect(lockedKeys).toContain('domainHint');
    expect(lockedKeys).not.toContain('loginHint');
  });

  it('reads nothing from the registry when neither key exists', async () => {
    const state = await load(regExeStandIn({}).run);
    expect(state).toMatchObject({ status: 'error', error: { file: null, field: 'issuer' } });
    if (state.status === 'error') expect(state.error.message).toContain(hklm);
  });

  it.each([
    ['hklm-bad-dword.reg', 'updatesEnabled', /expected boolean/],
    ['hklm-bad-port.reg', 'loopbackPorts[1]', /expected number/],
    ['hklm-unknown-value.reg', 'isuer', /unknown setting "isuer"/],
    ['hklm-unknown-subkey.reg', 'Recommended', /unknown registry key "Recommended"/],
    ['hklm-bad-default.reg', 'Defaults\\updateChannel', /"Defaults\\updateChannel"/],
    ['not-a-registry-export.reg', null, /not a registry export/],
  ])('%s is an error naming the key and the value, not a fallback', async (file, field, message) => {
    const error = await loadError(file);
    expect(error).toMatchObject({ file: hklm, field });
    expect(error.message).toMatch(message);
  });

  it('is an error, not "no policy", when reg.exe cannot be run', async () => {
    const state = await load(() =>
      Promise.reject(Object.assign(new Error('spawn reg.exe ENOENT'), { code: 'ENOENT' })),
    );
    expect(state).toMatchObject({ status: 'error', error: { file: hklm, field: null } });
    if (state.status === 'error') expect(state.error.message).toMatch(/registry cannot be read .*ENOENT/);
  });
});
