/**
 * The backend's outbound calls trust what IT adds with CA_BUNDLE_FILE (a TLS-inspecting proxy's
 * root) besides Node's roots, and a bad file stops the process at start-up with its name.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { ConfigError, loadConfig } from '../../../backend/config.ts';
import { outboundDispatcher } from '../../../backend/outbound-dispatcher.ts';
import { createPrivateCa, type PrivateCa } from '../../support/private-ca.ts';

let ca: PrivateCa;
let server: Server;
let url: string;

beforeAll(async () => {
  ca = await createPrivateCa('Inspecting Proxy Root');
  server = createServer(await ca.issue(['localhost']), (_req, res) => res.end('through'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `https://localhost:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server?.close();
  await ca?.close();
});

test('CA_BUNDLE_FILE makes a server signed by that CA trusted; without it the call is refused', async () => {
  const trusting = outboundDispatcher({ CA_BUNDLE_FILE: ca.caFile });
  const answer = await request(url, { dispatcher: trusting });
  expect(await answer.body.text()).toBe('through');
  await trusting.close();

  const plain = outboundDispatcher({});
  await expect(request(url, { dispatcher: plain })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  await plain.close();
});

test('a CA_BUNDLE_FILE that cannot be read or holds no certificate stops start-up, naming the variable', () => {
  const env = {
    OIDC_ISSUER: 'https://idp.example.com',
    OIDC_AUDIENCE: 'desktop',
    BOX_CLIENT_ID: 'id',
    BOX_CLIENT_SECRET: 'secret',
    BOX_ENTERPRISE_ID: '1',
  };
  expect(() => loadConfig({ ...env, CA_BUNDLE_FILE: '/nonexistent/ca.pem' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...env, CA_BUNDLE_FILE: '/etc/hostname' })).toThrow(/CA_BUNDLE_FILE/);
  expect(loadConfig({ ...env, CA_BUNDLE_FILE: ca.caFile }).oidcIssuer).toBe('https://idp.example.com');
});
