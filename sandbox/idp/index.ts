/**
 * The sandbox identity provider: a real, certified OpenID Provider (oidc-provider) on
 * 127.0.0.1, seeded with test users and the desktop app's public native client. Tests,
 * benchmarks and sandbox mode sign in against it exactly as against a company IdP.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type Configuration, type JWK } from 'oidc-provider';
import { createInteractionHandler } from './interactions.ts';
import { createAdapterFactory, type AdapterStores } from './memory-adapter.ts';
import { offlineAccessWithoutConsentPrompt } from './offline-access.ts';
import { logoutSource, postLogoutSuccessSource, renderError } from './provider-pages.ts';
import { generateSigningKey } from './signing-key.ts';
import { claimsOf, defaultSandboxUsers, type SandboxUser } from './users.ts';

export type { SandboxUser } from './users.ts';
export type { ClientMetadata } from 'oidc-provider';

export const defaultDesktopClientId = 'box-sso-desktop';

export interface SandboxIdpOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  users?: SandboxUser[];
  /** Extra clients; the desktop client is always registered. */
  clients?: ClientMetadata[];
  desktopClientId?: string;
  /** Seconds. Short values let tests exercise expiry and refresh. */
  accessTokenTtl?: number;
  idTokenTtl?: number;
  refreshTokenTtl?: number;
}

export interface SandboxIdp {
  /** http://127.0.0.1:PORT */
  issuer: string;
  /** The live oidc-provider instance (replaced by rotateKeys). */
  readonly provider: Provider;
  desktopClientId: string;
  users: SandboxUser[];
  /** Signs with a new key from now on; the old key stays published so issued tokens still verify. */
  rotateKeys(): Promise<void>;
  /**
   * Registers the backend's back-channel logout endpoint on the desktop client: ID tokens carry
   * `sid` from then on, and ending a session at the IdP (its end_session endpoint) posts a
   * logout token there.
   */
  registerBackchannelLogout(uri: string): Promise<void>;
  /** What the IdP does when a session ends: signs a logout token for `sub`/`sid` and posts it to the registered URI. */
  sendBackchannelLogout(sub: string, sid: string): Promise<void>;
  close(): Promise<void>;
}

export function desktopClientMetadata(clientId: string): ClientMetadata {
  return {
    client_id: clientId,
    client_name: 'Box SSO Desktop',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    // oidc-provider accepts any port on a native client's loopback redirect (RFC 8252 §7.3).
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
}

/**
 * oidc-provider's outgoing calls (the back-channel logout POST) refuse loopback addresses, a
 * guard against SSRF at a real IdP. The sandbox's relying party, the backend, is on loopback,
 * so for loopback URLs only the guard's dispatcher is left out; everything else keeps it.
 */
const loopbackFetch: NonNullable<Configuration['fetch']> = (url, options) => {
  if (new URL(url instanceof Request ? url.url : url).hostname !== '127.0.0.1') return fetch(url, options);
  const { dispatcher: _ssrfGuard, ...rest } = options as RequestInit & { dispatcher?: unknown };
  return fetch(url, rest);
};

function configuration(options: {
  users: readonly SandboxUser[];
  clients: ClientMetadata[];
  keys: JWK[];
  cookieKeys: string[];
  stores: AdapterStores;
  ttl: { access: number; id: number; refresh: number };
}): Configuration {
  return {
    adapter: createAdapterFactory(options.stores),
    clients: options.clients,
    jwks: { keys: options.keys },
    cookies: { keys: options.cookieKeys },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    // Like most company IdPs, put profile and email claims in the ID token, not only in userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      // A client may revoke only its own tokens.
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      backchannelLogout: { enabled: true },
    },
    renderError,
    fetch: loopbackFetch,
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = options.users.find((u) => u.sub === sub);
      return user ? { accountId: sub, claims: () => claimsOf(user) } : undefined;
    },
    ttl: {
      AccessToken: options.ttl.access,
      IdToken: options.ttl.id,
      RefreshToken: options.ttl.refresh,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 24 * 3600,
      Grant: options.ttl.refresh,
    },
  };
}

export async function startSandboxIdp(options: SandboxIdpOptions = {}): Promise<SandboxIdp> {
  const users = options.users ?? defaultSandboxUsers.map((user) => ({ ...user }));
  const desktopClientId = options.desktopClientId ?? defaultDesktopClientId;
  let clients = [desktopClientMetadata(desktopClientId), ...(options.clients ?? [])];
  const stores: AdapterStores = new Map();
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const ttl = {
    access: options.accessTokenTtl ?? 3600,
    id: options.idTokenTtl ?? 3600,
    refresh: options.refreshTokenTtl ?? 14 * 24 * 3600,
  };
  let keys = [generateSigningKey()];

  let provider: Provider | undefined;
  let providerCallback: ((req: IncomingMessage, res: ServerResponse) => unknown) | undefined;
  const interactions = createInteractionHandler(() => provider as Provider, users);

  const server: Server = createServer((req, res) => {
    interactions(req, res)
      .then((handled) => {
        if (!handled) void providerCallback?.(req, res);
      })
      .catch((error: unknown) => {
        // Interaction lookups fail when the cookie expired or the uid is unknown.
        if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
        res.end(error instanceof Error ? error.message : 'bad request');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const build = (): void => {
    const next = new Provider(issuer, configuration({ users, clients, keys, cookieKeys, stores, ttl }));
    next.use(offlineAccessWithoutConsentPrompt);
    provider = next;
    providerCallback = next.callback();
  };
  build();

  return {
    issuer,
    get provider() {
      return provider as Provider;
    },
    desktopClientId,
    users,
    rotateKeys() {
      keys = [generateSigningKey(), ...keys];
      build();
      return Promise.resolve();
    },
    registerBackchannelLogout(uri) {
      clients = clients.map((client) =>
        client.client_id === desktopClientId
          ? { ...client, backchannel_logout_uri: uri, backchannel_logout_session_required: true }
          : client,
      );
      build();
      return Promise.resolve();
    },
    async sendBackchannelLogout(sub, sid) {
      const client = await (provider as Provider).Client.find(desktopClientId);
      if (!client) throw new Error('the desktop client is not registered');
      // oidc-provider's typings leave the feature's client method out (an index signature of unknown).
      const logout = client as unknown as { backchannelLogout(sub: string, sid: string): Promise<void> };
      await logout.backchannelLogout(sub, sid);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
