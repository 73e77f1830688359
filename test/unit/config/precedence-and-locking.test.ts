import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  settingDefaults,
  type DesktopConfigState,
  type EffectiveDesktopConfig,
} from '../../../common/desktop-config-schema.ts';
import { createConfigFixture, type ConfigFixture } from './config-fixture.ts';

const companyIdp = {
  issuer: 'https://login.example.com/tenant',
  clientId: 'company-client',
  backendUrl: 'https://box-sso.example.com',
};

function effective(state: DesktopConfigState): EffectiveDesktopConfig {
  if (state.status !== 'ok') throw new Error(`expected a valid configuration, got: ${state.error.message}`);
  return state.effective;
}

let fixture: ConfigFixture;
beforeEach(async () => {
  fixture = await createConfigFixture();
});
afterEach(async () => {
  await fixture.remove();
});

describe('precedence', () => {
  it('uses the bundled settings and the defaults when nothing else is set', async () => {
    await fixture.write('bundledSettingsFile', companyIdp);
    const result = effective(await fixture.load());
    expect(result.config).toEqual({
      ...companyIdp,
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      loopbackPorts: [],
      boxApiUrl: 'https://api.box.com',
      boxUploadUrl: 'https://upload.box.com/api',
      updatesEnabled: true,
      updateChannel: 'stable',
      proxyMode: 'system',
      caBundleFiles: [],
      editableFileTypes: settingDefaults.editableFileTypes,
    });
    expect(result.sources).toMatchObject({
      issuer: 'bundled',
      clientId: 'bundled',
      scopes: 'default',
      loopbackPorts: 'default',
    });
    expect(result.lockedKeys).toEqual([]);
  });

  it('lets user settings beat bundled settings when there is no policy', async () => {
    await fixture.write('bundledSettingsFile', companyIdp);
    await fixture.write('userSettingsFile', {
      backendUrl: 'https://other-backend.example.com',
      loopbackPorts: [49152],
    });
    const result = effective(await fixture.load());
    expect(result.config.backendUrl).toBe('https://other-backend.example.com');
    expect(result.config.loopbackPorts).toEqual([49152]);
    expect(result.sources).toMatchObject({ backendUrl: 'user', loopbackPorts: 'user', issuer: 'bundled' });
  });

  it('lets the policy beat user and bundled settings and locks what it sets', async () => {
    await fixture.write('bundledSettingsFile', { ...companyIdp, domainHint: 'bundled.example.com' });
    await fixture.write('userSettingsFile', { issuer: 'https://attacker.example.net', domainHint: 'user.example.com' });
    await fixture.write('policyFile', { issuer: 'https://policy-idp.example.com' });
    const result = effective(await fixture.load());
    expect(result.config.issuer).toBe('https://policy-idp.example.com');
    expect(result.sources.issuer).toBe('policy');
    expect(result.lockedKeys).toEqual(['issuer']);
    expect(result.ignoredUserKeys).toEqual(['issuer']);
    // Not set by the policy and no override list: the user's value still wins over the bundled one.
    expect(result.config.domainHint).toBe('user.example.com');
  });

  it('lets users override only the settings the policy lists, and locks everything else', async () => {
    await fixture.write('bundledSettingsFile', { backendUrl: 'https://bundled-backend.example.com' });
    await fixture.write('policyFile', {
      ...companyIdp,
      loopbackPorts: [50000],
      userOverridable: ['loopbackPorts', 'loginHint'],
    });
    await fixture.write('userSettingsFile', {
      loopbackPorts: [50001, 50002],
      loginHint: 'alice@example.com',
      clientId: 'mine',
      backendUrl: 'https://mine.example',
    });
    const result = effective(await fixture.load());
    expect(result.config.loopbackPorts).toEqual([50001, 50002]);
    expect(result.config.loginHint).toBe('alice@example.com');
    expect(result.config.clientId).toBe('company-client');
    expect(result.config.backendUrl).toBe('https://box-sso.example.com');
    expect(result.lockedKeys).toEqual([
      'issuer',
      'clientId',
      'scopes',
      'backendUrl',
      'domainHint',
      'boxApiUrl',
      'boxUploadUrl',
      'updatesEnabled',
      'updateUrl',
      'updateChannel',
      'proxyMode',
      'proxyUrl',
      'pacUrl',
      'caBundleFiles',
      'caBundlePem',
      'editableFileTypes',
    ]);
    expect(result.ignoredUserKeys).toEqual(['clientId', 'backendUrl']);
  });

  it('keeps the policy value for an overridable setting the user did not change', async () => {
    await fixture.write('policyFile', { ...companyIdp, loopbackPorts: [50000], userOverridable: ['loopbackPorts'] });
    const result = effective(await fixture.load());
    expect(result.config.loopbackPorts).toEqual([50000]);
    expect(result.sources.loopbackPorts).toBe('policy-default');
    expect(result.origins.loopbackPorts).toBe(`${fixture.files.policyFile} (defaults)`);
  });

  it('locks a listed-out setting to the bundled value even when the policy does not set it', async () => {
    await fixture.write('bundledSettingsFile', { scopes: ['openid', 'email'] });
    await fixture.write('policyFile', { ...companyIdp, userOverridable: [] });
    await fixture.write('userSettingsFile', { scopes: ['openid', 'profile'] });
    const result = effective(await fixture.load());
    expect(result.config.scopes).toEqual(['openid', 'email']);
    expect(result.sources.scopes).toBe('bundled');
    expect(result.ignoredUserKeys).toEqual(['scopes']);
  });
});

describe('environment variables', () => {
  const env = {
    BOX_SSO_ISSUER: 'http://127.0.0.1:4000',
    BOX_SSO_SCOPES: 'openid  email',
    BOX_SSO_LOOPBACK_PORTS: '50010, 50011',
  };

  it('are ignored in a packaged (production) build', async () => {
    await fixture.write('bundledSettingsFile', companyIdp);
    const result = effective(await fixture.load({ isDevelopment: false, env }));
    expect(result.config.issuer).toBe(companyIdp.issuer);
    expect(result.config.scopes).toEqual(['openid', 'profile', 'email', 'offline_access']);
  });

  it('beat user settings in a development build but never a policy lock', async () => {
    await fixture.write('bundledSettingsFile', companyIdp);
    await fixture.write('userSettingsFile', { issuer: 'https://user.example.com' });
    await fixture.write('policyFile', { scopes: ['openid'] });
    const result = effective(await fixture.load({ isDevelopment: true, env }));
    expect(result.config.issuer).toBe('http://127.0.0.1:4000');
    expect(result.sources.issuer).toBe('environment');
    expect(result.config.loopbackPorts).toEqual([50010, 50011]);
    expect(result.config.scopes).toEqual(['openid']);
    expect(result.ignoredUserKeys).toEqual(['scopes']);
  });

  it('split lists the way a shell user writes them', async () => {
    await fixture.write('bundledSettingsFile', companyIdp);
    const result = effective(await fixture.load({ isDevelopment: true, env }));
    expect(result.config.scopes).toEqual(['openid', 'email']);
    expect(result.config.loopbackPorts).toEqual([50010, 50011]);
    expect(result.sources).toMatchObject({ scopes: 'environment', loopbackPorts: 'environment', clientId: 'bundled' });
  });

  it('name the variable when one is invalid', async () => {
    const state = await fixture.load({ isDevelopment: true, env: { BOX_SSO_LOOPBACK_PORTS: '80' } });
    expect(state).toMatchObject({
      status: 'error',
      error: { file: 'environment variables', field: 'BOX_SSO_LOOPBACK_PORTS' },
    });
  });
});

describe('a required setting set nowhere', () => {
  it('is an error naming the field and every place it could be set', async () => {
    await fixture.write('bundledSettingsFile', { issuer: companyIdp.issuer, backendUrl: companyIdp.backendUrl });
    const state = await fixture.load();
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(state.error.file).toBeNull();
    expect(state.error.field).toBe('clientId');
    expect(state.error.message).toContain(fixture.files.policyFile);
    expect(state.error.message).toContain(fixture.files.bundledSettingsFile);
  });
});
