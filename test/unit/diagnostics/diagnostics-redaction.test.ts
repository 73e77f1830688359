/**
 * Plants each kind of secret where a real one could turn up (error messages, the session's
 * error, the network description, the configuration) and scans both the report and the log
 * file on disk for it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import { collectDiagnostics } from '../../../main/core/diagnostics/collect-diagnostics.ts';
import { ErrorLog } from '../../../main/core/diagnostics/error-log.ts';
import { redact } from '../../../main/core/diagnostics/redact.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'diagnostics-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function plantedSecrets() {
  const key = new TextEncoder().encode('k'.repeat(32));
  return {
    idToken: await new SignJWT({ sub: '00u1', email: 'alice@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://login.example.com')
      .sign(key),
    refreshToken: randomBytes(32).toString('base64url'),
    boxAccessToken: 'T9cE5asGnuyYCCqIZFoWjFHvNbvVqHjl',
    authorizationCode: `c0de-${randomBytes(12).toString('base64url')}`,
    state: randomBytes(16).toString('base64url'),
    codeVerifier: randomBytes(32).toString('base64url'),
    proxyPassword: 'Pr0xy-Passw0rd!',
    password: 'hunter2-correct-horse',
    basicCredentials: Buffer.from('alice:battery-staple').toString('base64'),
    clientSecret: 'cs_9f8e7d6c5b4a',
    fileContents: 'QUARTERLY-PAYROLL-CONFIDENTIAL row 1: 42,000',
  };
}

const config: DesktopConfigState = {
  status: 'ok',
  effective: {
    config: {
      issuer: 'https://login.example.com/tenant',
      clientId: 'company-client',
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      backendUrl: 'https://box-sso.example.com',
      loopbackPorts: [],
      boxApiUrl: 'https://api.box.com',
      boxUploadUrl: 'https://upload.box.com/api',
      updatesEnabled: false,
      updateChannel: 'stable',
      proxyMode: 'system',
      caBundleFiles: [],
      editableFileTypes: ['.docx'],
    },
    sources: { issuer: 'policy', clientId: 'policy', updatesEnabled: 'policy', scopes: 'default' },
    origins: { issuer: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\BoxSSO\\Desktop' },
    lockedKeys: ['issuer', 'clientId', 'updatesEnabled'],
    ignoredUserKeys: [],
  },
};

describe('diagnostics redaction', () => {
  it('keeps every planted secret out of the report and out of the log on disk', async () => {
    const secret = await plantedSecrets();
    const log = new ErrorLog({ folder });
    await log.record(
      'sign-in',
      new Error(`token exchange failed: {"id_token":"${secret.idToken}","refresh_token":"${secret.refreshToken}"}`),
    );
    await log.record(
      'sign-in',
      new Error(`callback http://127.0.0.1:53682/callback?code=${secret.authorizationCode}&state=${secret.state}`),
    );
    await log.record('sign-in', new Error(`PKCE code_verifier=${secret.codeVerifier} rejected`));
    await log.record('box', new Error(`401 for Authorization: Bearer ${secret.boxAccessToken}`));
    await log.record('box', new Error(`request with token ${secret.boxAccessToken} expired`));
    await log.record('network', new Error(`proxy http://alice:${secret.proxyPassword}@proxy.example.com:3128 refused`));
    await log.record(
      'network',
      new Error(`login form password=${secret.password}; Authorization: Basic ${secret.basicCredentials}`),
    );
    await log.record('backend', new Error(`client_secret=${secret.clientSecret} in environment`));
    await log.record('transfers', new Error(`upload of report.csv failed\n${secret.fileContents}`));
    await log.record(
      'transfers',
      Object.assign(new Error('download failed'), { code: `ECONN ${secret.boxAccessToken}` }),
    );

    const report = await collectDiagnostics({
      app: { name: 'Box SSO Desktop', version: '1.2.3', platform: 'linux', mode: 'company', languages: ['en-US'] },
      config,
      session: () => ({
        status: 'error',
        code: 'sign_in_denied',
        message: `refresh failed: refresh_token=${secret.refreshToken}`,
      }),
      updates: () => ({
        state: 'error',
        message: `GET https://updates.example.com/latest.yml?token=${secret.boxAccessToken}`,
      }),
      network: () => ({
        proxy: { mode: 'fixed', proxyUrl: `http://alice:${secret.proxyPassword}@proxy.example.com:3128` },
        certificates: { bundled: 1, system: { error: `bearer ${secret.idToken}` }, policyFiles: [], policyPem: 0 },
        routes: [],
      }),
      errorLog: log,
    })();

    const onDisk = (
      await Promise.all((await readdir(path.join(folder))).map((name) => readFile(path.join(folder, name), 'utf8')))
    ).join('');
    for (const [kind, value] of Object.entries(secret)) {
      expect(report, `${kind} in the report`).not.toContain(value);
      expect(onDisk, `${kind} in the log file`).not.toContain(value);
    }
    // Still useful to the help desk: what failed, where, and the settings with their sources.
    expect(report).toContain('[sign-in] token exchange failed');
    expect(report).toContain('upload of report.csv failed');
    expect(report).toContain('proxy.example.com:3128');
    expect(report).toContain(
      'issuer: "https://login.example.com/tenant"  (policy, locked: HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\BoxSSO\\Desktop)',
    );
    expect(report).toContain('Box SSO Desktop 1.2.3 (company)');
    expect(report).toMatch(/## Recent errors \(10\)/);
  });

  it('leaves ordinary text alone', () => {
    const text =
      'Failed to open /home/alice/Box/box-sso-desktop-diagnostics-2026-12-01.txt (id 123e4567-e89b-12d3-a456-426614174000)';
    expect(redact(text)).toBe(text);
  });
});

describe('the error log', () => {
  it('rotates: never more than two files of maxBytes, and the newest entries survive', async () => {
    const log = new ErrorLog({ folder, maxBytes: 2_000 });
    for (let index = 0; index < 200; index++) await log.record('test', new Error(`failure number ${index}`));
    const files = await readdir(folder);
    expect(files.sort()).toEqual(['errors.1.log', 'errors.log']);
    for (const name of files) expect((await readFile(path.join(folder, name))).length).toBeLessThanOrEqual(2_000);
    const recent = await log.recent(5);
    expect(recent.map((entry) => entry.message)).toEqual([195, 196, 197, 198, 199].map((n) => `failure number ${n}`));
  });

  it('skips a line a crash cut short and never throws when the folder cannot be written', async () => {
    await new ErrorLog({ folder }).record('test', new Error('before'));
    const { appendFile, writeFile } = await import('node:fs/promises');
    await appendFile(path.join(folder, 'errors.log'), '{"time":"2026-12-01T00:00:00.000Z","area":"te');
    // The next run of the app.
    const log = new ErrorLog({ folder });
    await log.record('test', new Error('after'));
    expect((await log.recent()).map((entry) => entry.message)).toEqual(['before', 'after']);

    const blocked = path.join(folder, 'a-file');
    await writeFile(blocked, '');
    await expect(
      new ErrorLog({ folder: path.join(blocked, 'logs') }).record('test', new Error('x')),
    ).resolves.toBeUndefined();
  });
});
