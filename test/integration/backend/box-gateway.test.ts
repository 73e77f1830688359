import { BoxGateway } from '../../../backend/box-gateway.ts';
import { loadConfig } from '../../../backend/config.ts';
import { startBoxPeer, type BoxPeer } from './support/backend-harness.ts';

const tokenCalls = async (box: BoxPeer) => (await box.emulator.controls.callCounts())['POST /oauth2/token'] ?? 0;

/** Each gateway holds a pool of connections to the emulator; closed after the tests. */
const gateways: BoxGateway[] = [];

function gatewayFor(box: BoxPeer, kind: 'jwt' | 'ccg'): BoxGateway {
  const settings = box.emulator.appConfig;
  const credentials =
    kind === 'jwt'
      ? { BOX_CONFIG_FILE: box.configPath }
      : {
          BOX_CLIENT_ID: settings.boxAppSettings.clientID,
          BOX_CLIENT_SECRET: settings.boxAppSettings.clientSecret,
          BOX_ENTERPRISE_ID: settings.enterpriseID,
        };
  const config = loadConfig({
    OIDC_ISSUER: 'https://idp.example.com',
    OIDC_AUDIENCE: 'desktop',
    BOX_API_URL: box.emulator.origin,
    BOX_UPLOAD_URL: `${box.emulator.origin}/api`,
    BOX_OAUTH2_URL: `${box.emulator.origin}/api/oauth2`,
    ...credentials,
  });
  const gateway = new BoxGateway(config);
  gateways.push(gateway);
  return gateway;
}

describe('Box gateway against the emulator (box-node-sdk underneath)', () => {
  let box: BoxPeer;
  beforeAll(async () => {
    box = await startBoxPeer();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await box.close();
  });
  beforeEach(() => box.emulator.controls.clearRequests());

  it('shares one service-account token request among concurrent callers and reuses it', async () => {
    const gateway = gatewayFor(box, 'jwt');
    await Promise.all(Array.from({ length: 20 }, (_, i) => gateway.findAppUser(`nobody-${i}`)));
    await gateway.findAppUser('nobody-again');
    expect(await tokenCalls(box)).toBe(1);
  });

  it('caches each user token and exchanges it for a downscoped one on every login', async () => {
    const gateway = gatewayFor(box, 'jwt');
    const user = await gateway.createAppUser('Cache Test', 'cache-test');
    const before = await tokenCalls(box);
    const first = await gateway.issueScopedToken(user.id, ['base_explorer']);
    const second = await gateway.issueScopedToken(user.id, ['base_explorer']);
    expect(first.accessToken).not.toBe(second.accessToken);
    // One user token, then one token exchange per login.
    expect((await tokenCalls(box)) - before).toBe(3);
  });

  it('reports a taken external_app_user_id as a conflict', async () => {
    const gateway = gatewayFor(box, 'jwt');
    await gateway.createAppUser('Twice', 'twice');
    await expect(gateway.createAppUser('Twice', 'twice')).rejects.toMatchObject({ name: 'BoxConflictError' });
  });

  it('works with client credentials (CCG) as well as JWT', async () => {
    const gateway = gatewayFor(box, 'ccg');
    const user = await gateway.createAppUser('Ccg User', 'ccg-user');
    expect(await gateway.findAppUser('ccg-user')).toEqual(user);
    const token = await gateway.issueScopedToken(user.id, ['item_preview']);
    expect(token.accessToken.length).toBeGreaterThan(10);
  });
});

describe('service-account token expiry', () => {
  let box: BoxPeer;
  beforeAll(async () => {
    box = await startBoxPeer({ tokenTtlSeconds: 2 });
  });
  afterAll(() => box.close());

  it('fetches a new service token shortly before the old one expires', async () => {
    const gateway = gatewayFor(box, 'jwt');
    await gateway.findAppUser('a');
    await gateway.findAppUser('b');
    expect(await tokenCalls(box)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await gateway.findAppUser('c');
    expect(await tokenCalls(box)).toBe(2);
  });
});
