/**
 * The backend reaches the identity provider (discovery, then the JWKS when it checks a token) with
 * the same trust as its Box calls: an IdP served over HTTPS with a certificate from a private CA
 * made here, that CA only in CA_BUNDLE_FILE (the backend process gets no NODE_EXTRA_CA_CERTS and
 * no system-store variables). Without the file the IdP is "unavailable", never trusted anyway.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { Agent } from 'undici';
import { fetchThrough } from '../../../backend/outbound-dispatcher.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../sandbox/box-emulator/index.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { startBackendProcess, type BackendProcess } from '../../../sandbox/stack/backend-process.ts';
import { createPrivateCa, type PrivateCa } from '../../support/private-ca.ts';
import { signInAs } from '../../support/sign-in-as.ts';

let ca: PrivateCa;
let idp: SandboxIdp;
let emulator: BoxEmulator;
let dir: string;
const running: BackendProcess[] = [];

beforeAll(async () => {
  ca = await createPrivateCa('Company IdP CA');
  dir = await mkdtemp(join(tmpdir(), 'idp-private-ca-'));
  idp = await startSandboxIdp({ tls: { ...(await ca.issue(['localhost'])), name: 'localhost' } });
  emulator = await startBoxEmulator({ appConfigPath: join(dir, 'box-config.json') });
}, 60_000);
afterAll(async () => {
  for (const backend of running) await backend.stop();
  await emulator?.close();
  await idp?.close();
  await ca?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function backend(extra: Record<string, string>): Promise<BackendProcess> {
  const started = await startBackendProcess({
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: idp.desktopClientId,
    BOX_CONFIG_FILE: join(dir, 'box-config.json'),
    BOX_API_URL: emulator.origin,
    BOX_UPLOAD_URL: `${emulator.origin}/api`,
    BOX_OAUTH2_URL: `${emulator.origin}/api/oauth2`,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...extra,
  });
  running.push(started);
  return started;
}

test('with the CA in CA_BUNDLE_FILE the backend discovers the IdP and checks its tokens against its keys', async () => {
  const trusting = new Agent({ connect: { ca: [ca.caPem] } });
  const fetchTrusting = fetchThrough(trusting);
  const config = await oidc.discovery(new URL(idp.issuer), idp.desktopClientId, undefined, oidc.None(), {
    [oidc.customFetch]: (url, options) => fetchTrusting(url, options as RequestInit),
  });
  const { idToken } = await signInAs(idp, 'alice', { config, fetch: fetchTrusting });

  const trusted = await backend({ CA_BUNDLE_FILE: ca.caFile });
  const ready = await fetch(`${trusted.url}/readyz`);
  expect(await ready.json()).toMatchObject({ status: 'ready', idp: 'ok' });
  const answer = await fetch(`${trusted.url}/v1/box-token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${idToken}` },
  });
  expect(answer.status).toBe(200);
  expect(await answer.json()).toMatchObject({ token_type: 'bearer', box_user: { name: 'Alice Example' } });
  await trusting.close();
});

test('without it the IdP is unavailable: the backend says so and accepts no token', async () => {
  const untrusting = await backend({});
  const ready = await fetch(`${untrusting.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ idp: 'unavailable' });
  const answer = await fetch(`${untrusting.url}/v1/box-token`, {
    method: 'POST',
    headers: { authorization: 'Bearer a.b.c' },
  });
  expect(answer.status).toBe(503);
});
