import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../backend/config.ts';

const ccg = {
  OIDC_ISSUER: 'https://login.example.com',
  OIDC_AUDIENCE: 'desktop-client, other-client',
  BOX_CLIENT_ID: 'client-id',
  BOX_CLIENT_SECRET: 'client-secret',
  BOX_ENTERPRISE_ID: '12345',
};

function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

describe('backend configuration from the environment', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'backend-config-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a client-credentials setup with Box defaults', () => {
    const config = loadConfig(ccg);
    expect(config.oidcAudience).toEqual(['desktop-client', 'other-client']);
    expect(config.box).toEqual({
      kind: 'ccg',
      clientId: 'client-id',
      clientSecret: 'client-secret',
      enterpriseId: '12345',
    });
    expect(config.boxUserType).toBe('app');
    expect(config.baseUrls).toEqual({
      apiUrl: 'https://api.box.com',
      uploadUrl: 'https://upload.box.com/api',
      oauth2Url: 'https://account.box.com/api/oauth2',
    });
    expect(config.boxTokenScopes).toContain('item_upload');
    expect(config.boxTokenScopes).not.toContain('root_readwrite');
    expect(config.port).toBe(8080);
  });

  it('names the bad variable', () => {
    expect(failure({ ...ccg, OIDC_ISSUER: undefined }).variable).toBe('OIDC_ISSUER');
    expect(failure({ ...ccg, OIDC_ISSUER: 'http://idp.example.com' }).message).toMatch(/^OIDC_ISSUER: .*loopback/);
    expect(failure({ ...ccg, OIDC_ISSUER: 'not a url' }).message).toMatch(/^OIDC_ISSUER: Invalid URL/);
    expect(failure({ ...ccg, BOX_API_URL: 'https//api.box.com' }).variable).toBe('BOX_API_URL');
    expect(failure({ ...ccg, BOX_OAUTH2_URL: 'http://box.internal/oauth2' }).message).toMatch(
      /^BOX_OAUTH2_URL: .*loopback/,
    );
    expect(failure({ ...ccg, OIDC_AUDIENCE: ' , ' }).variable).toBe('OIDC_AUDIENCE');
    expect(failure({ ...ccg, BOX_USER_TYPE: 'guest' }).variable).toBe('BOX_USER_TYPE');
    expect(failure({ ...ccg, BOX_ENTERPRISE_ID: 'acme' }).variable).toBe('BOX_ENTERPRISE_ID');
    expect(failure({ ...ccg, BOX_CLIENT_SECRET: undefined }).variable).toBe('BOX_CLIENT_SECRET');
    expect(failure({ ...ccg, PORT: '99999' }).variable).toBe('PORT');
    expect(failure({ ...ccg, BOX_API_URL: 'not a url' }).variable).toBe('BOX_API_URL');
    const none = { OIDC_ISSUER: ccg.OIDC_ISSUER, OIDC_AUDIENCE: 'x' };
    expect(failure(none).variable).toBe('BOX_CONFIG_FILE');
  });

  it('enables SCIM and shared state only with what they need', () => {
    const secret = 's'.repeat(32);
    expect(loadConfig(ccg)).toMatchObject({ scim: undefined, redisUrl: undefined, linkClaim: 'sub' });
    expect(loadConfig({ ...ccg, SCIM_BEARER_TOKEN: secret, REDIS_URL: 'redis://cache:6379' })).toMatchObject({
      scim: { bearerToken: secret, linkAttribute: 'externalId', stateFile: undefined },
      redisUrl: 'redis://cache:6379',
    });
    expect(failure({ ...ccg, SCIM_BEARER_TOKEN: secret }).message).toMatch(
      /^SCIM_BEARER_TOKEN: .*set REDIS_URL .* or SCIM_STATE_FILE/,
    );
    expect(failure({ ...ccg, SCIM_BEARER_TOKEN: 'short', REDIS_URL: 'redis://x' }).message).toMatch(/32 characters/);
    expect(
      failure({ ...ccg, SCIM_BEARER_TOKEN: secret, SCIM_STATE_FILE: '/tmp/s.json', BOX_USER_TYPE: 'managed' }).message,
    ).toBe('SCIM_BEARER_TOKEN: SCIM needs BOX_USER_TYPE=app');
    expect(failure({ ...ccg, REDIS_URL: 'http://cache:6379' }).variable).toBe('REDIS_URL');
    expect(failure({ ...ccg, OIDC_LINK_CLAIM: 'o id' }).variable).toBe('OIDC_LINK_CLAIM');
    expect(failure({ ...ccg, BOX_RETENTION_OWNER_ID: 'admin' }).variable).toBe('BOX_RETENTION_OWNER_ID');
  });

  it('accepts an http issuer only on loopback', () => {
    expect(loadConfig({ ...ccg, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidcIssuer).toBe('http://127.0.0.1:4000');
  });

  it('checks the Box JWT config file at start-up', async () => {
    const missing = join(dir, 'missing.json');
    expect(failure({ OIDC_ISSUER: ccg.OIDC_ISSUER, OIDC_AUDIENCE: 'x', BOX_CONFIG_FILE: missing }).message).toMatch(
      /^BOX_CONFIG_FILE: cannot read .*ENOENT/,
    );
    const partial = join(dir, 'partial.json');
    await writeFile(
      partial,
      JSON.stringify({ boxAppSettings: { clientID: 'a', clientSecret: 'b' }, enterpriseID: '1' }),
    );
    expect(failure({ OIDC_ISSUER: ccg.OIDC_ISSUER, OIDC_AUDIENCE: 'x', BOX_CONFIG_FILE: partial }).message).toMatch(
      /^BOX_CONFIG_FILE: .*appAuth/,
    );
  });
});

function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['backend/main.ts'], { env: { PATH: process.env['PATH'] ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('listening on')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run backend (node backend/main.ts)', () => {
  it('refuses to start on a bad setting, naming it', async () => {
    const { code, stderr } = await runMain({ ...ccg, BOX_USER_TYPE: 'guest' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/invalid configuration: BOX_USER_TYPE/);
    expect(stderr).not.toContain('client-secret');
  });

  it('prints the URL it listens on', async () => {
    const { stdout } = await runMain({ ...ccg, PORT: '0', LOG_LEVEL: 'warn' });
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
  });
});
