import { mkdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopConfigError } from '../../../common/desktop-config-schema.ts';
import { createConfigFixture, type ConfigFixture } from './config-fixture.ts';

const valid = {
  issuer: 'https://login.example.com',
  clientId: 'company-client',
  backendUrl: 'https://box-sso.example.com',
};

let fixture: ConfigFixture;
beforeEach(async () => {
  fixture = await createConfigFixture();
  // A complete, valid fallback: an invalid policy must still fail rather than fall back to it.
  await fixture.write('bundledSettingsFile', valid);
});
afterEach(async () => {
  await fixture.remove();
});

async function policyError(policy: unknown): Promise<DesktopConfigError> {
  await fixture.write('policyFile', policy);
  const state = await fixture.load({ isDevelopment: true });
  if (state.status !== 'error') throw new Error('expected a configuration error, got a valid configuration');
  return state.error;
}

describe('an invalid policy file is an error naming the file and the field, never a fallback', () => {
  it('bad JSON', async () => {
    const error = await policyError('{ "issuer": "https://login.example.com", }');
    expect(error.file).toBe(fixture.files.policyFile);
    expect(error.field).toBeNull();
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('an unknown key', async () => {
    const error = await policyError({ ...valid, isuer: 'https://typo.example.com' });
    expect(error).toMatchObject({ file: fixture.files.policyFile, field: 'isuer' });
    expect(error.message).toContain('unknown setting "isuer"');
  });

  it('an http: issuer that is not on loopback', async () => {
    const error = await policyError({ ...valid, issuer: 'http://login.example.com' });
    expect(error).toMatchObject({ file: fixture.files.policyFile, field: 'issuer' });
    expect(error.message).toMatch(/http: only on a loopback host/);
  });

  it('an http: backend URL that is not on loopback', async () => {
    const error = await policyError({ ...valid, backendUrl: 'http://10.0.0.5:8080' });
    expect(error).toMatchObject({ field: 'backendUrl' });
  });

  it('wrong types', async () => {
    expect(await policyError({ ...valid, loopbackPorts: '50000' })).toMatchObject({
      file: fixture.files.policyFile,
      field: 'loopbackPorts',
    });
    expect(await policyError({ ...valid, scopes: ['openid', 42] })).toMatchObject({ field: 'scopes[1]' });
    expect(await policyError({ ...valid, userOverridable: ['issuer', 'colour'] })).toMatchObject({
      field: 'userOverridable[1]',
    });
    expect(await policyError(['not', 'an', 'object'])).toMatchObject({ file: fixture.files.policyFile, field: null });
  });

  it('values out of range', async () => {
    expect(await policyError({ ...valid, loopbackPorts: [80] })).toMatchObject({ field: 'loopbackPorts[0]' });
    expect(await policyError({ ...valid, scopes: ['profile'] })).toMatchObject({ field: 'scopes' });
    expect(await policyError({ ...valid, clientId: '  ' })).toMatchObject({ field: 'clientId' });
    expect(await policyError({ ...valid, issuer: 'https://admin:pw@login.example.com' })).toMatchObject({
      field: 'issuer',
    });
  });

  it('a path that cannot be read as a file', async () => {
    // A folder where the file should be: unreadable even for root, unlike a chmod 000 file.
    await mkdir(fixture.files.policyFile, { recursive: true });
    const state = await fixture.load();
    expect(state).toMatchObject({ status: 'error', error: { file: fixture.files.policyFile, field: null } });
    expect(state.status === 'error' && state.error.message).toMatch(/cannot be read \(EISDIR\)/);
  });
});

describe('other sources are validated the same way', () => {
  it('userOverridable is a policy-only setting', async () => {
    await fixture.write('userSettingsFile', { userOverridable: ['issuer'] });
    const state = await fixture.load();
    expect(state).toMatchObject({
      status: 'error',
      error: { file: fixture.files.userSettingsFile, field: 'userOverridable' },
    });
  });

  it('bad bundled settings are reported against the bundled file', async () => {
    await fixture.write('bundledSettingsFile', { ...valid, issuer: 'ftp://login.example.com' });
    const state = await fixture.load();
    expect(state).toMatchObject({
      status: 'error',
      error: { file: fixture.files.bundledSettingsFile, field: 'issuer' },
    });
  });
});

describe('accepted forms', () => {
  it('loopback http: issuers and backends, a byte-order mark; the issuer kept exactly, the backend URL trimmed', async () => {
    await fixture.write(
      'policyFile',
      `\uFEFF${JSON.stringify({ issuer: 'http://127.0.0.1:4000/', backendUrl: 'http://[::1]:8080/' })}`,
    );
    const state = await fixture.load();
    expect(state).toMatchObject({
      status: 'ok',
      effective: { config: { issuer: 'http://127.0.0.1:4000/', backendUrl: 'http://[::1]:8080' } },
    });
  });

  it('an absent policy file means no policy', async () => {
    const state = await fixture.load();
    expect(state).toMatchObject({ status: 'ok', effective: { lockedKeys: [] } });
  });
});
