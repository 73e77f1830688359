import { timingSafeEqual } from 'node:crypto';
import type { Emulator } from '../emulator-state.ts';
import { OAuthError } from '../errors.ts';
import { readForm } from '../http-io.ts';
import { verifyAssertion } from '../jwt-assertion.ts';
import type { Reply, Route } from '../router.ts';
import { isKnownScope } from '../scopes.ts';
import { pruneExpired, randomId, type TokenRecord } from '../store.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

const invalidClient = (): OAuthError => new OAuthError(400, 'invalid_client', 'The client credentials are invalid');
const invalidGrant = (description: string): OAuthError => new OAuthError(400, 'invalid_grant', description);
const invalidRequest = (description: string): OAuthError => new OAuthError(400, 'invalid_request', description);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function checkClient(emu: Emulator, form: URLSearchParams): void {
  const settings = emu.app.config.boxAppSettings;
  if (form.get('client_id') !== settings.clientID) throw invalidClient();
  if (!sameSecret(form.get('client_secret') ?? '', settings.clientSecret)) throw invalidClient();
}

/** Maps a `box_sub_type`/`box_subject_type` + subject id to the user the token acts as. */
function subjectUser(
  emu: Emulator,
  type: string | null,
  id: string | null,
): Pick<TokenRecord, 'userId' | 'subjectType'> {
  if (type === 'enterprise') {
    if (id !== emu.store.enterpriseId) throw invalidGrant("Please check the 'sub' claim: unknown enterprise");
    return { userId: emu.store.serviceAccountId, subjectType: 'enterprise' };
  }
  if (type === 'user') {
    const user = id === null ? undefined : emu.store.users.get(id);
    if (!user || user.kind === 'service') throw invalidGrant("Please check the 'sub' claim: unknown user");
    if (user.status === 'inactive') throw invalidGrant('The user is inactive');
    return { userId: user.id, subjectType: 'user' };
  }
  throw invalidGrant("Please check the 'box_sub_type' claim.");
}

function issue(emu: Emulator, record: Omit<TokenRecord, 'expiresAt'>): Reply {
  pruneExpired(emu.store.tokens);
  const accessToken = randomId(16);
  emu.store.tokens.set(accessToken, { ...record, expiresAt: Date.now() + emu.tokenTtlSeconds * 1000 });
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    json: {
      access_token: accessToken,
      expires_in: emu.tokenTtlSeconds,
      token_type: 'bearer',
      restricted_to: [],
      ...(record.scopes === null ? {} : { issued_token_type: ACCESS_TOKEN_TYPE }),
    },
  };
}

/** `resource` is a full API URL such as `https://api.box.com/2.0/folders/123`. */
function parseResource(emu: Emulator, userId: string, raw: string | null): TokenRecord['resource'] {
  if (raw === null || raw === '') return null;
  const match = /\/2\.0\/(files|folders)\/(\d+)$/.exec(raw);
  if (!match?.[1] || !match[2]) throw invalidRequest('The resource is not a Box file or folder URL');
  const type = match[1] === 'files' ? 'file' : 'folder';
  const id = type === 'folder' ? emu.store.resolveFolderId(userId, match[2]) : match[2];
  const item = emu.store.items.get(id);
  if (!item || item.kind !== type || item.ownerId !== userId) throw invalidRequest('The resource does not exist');
  return { type, id };
}

async function jwtGrant(emu: Emulator, form: URLSearchParams): Promise<Reply> {
  checkClient(emu, form);
  const assertion = form.get('assertion');
  if (!assertion) throw invalidRequest('The assertion is missing');
  const claims = await verifyAssertion(
    assertion,
    emu.app.config.boxAppSettings.clientID,
    emu.app.publicKeys,
    emu.store.usedJtis,
  );
  const subType = typeof claims.box_sub_type === 'string' ? claims.box_sub_type : null;
  return issue(emu, { ...subjectUser(emu, subType, claims.sub ?? null), scopes: null, resource: null });
}

function clientCredentialsGrant(emu: Emulator, form: URLSearchParams): Reply {
  checkClient(emu, form);
  const subject = subjectUser(emu, form.get('box_subject_type'), form.get('box_subject_id'));
  return issue(emu, { ...subject, scopes: null, resource: null });
}

/** Downscoping: the new token keeps the subject, narrows the scopes, and never gets a refresh token. */
function tokenExchange(emu: Emulator, form: URLSearchParams): Reply {
  if (form.get('subject_token_type') !== ACCESS_TOKEN_TYPE) throw invalidRequest('Unsupported subject_token_type');
  const subject = emu.store.tokens.get(form.get('subject_token') ?? '');
  if (!subject || subject.expiresAt <= Date.now()) throw invalidGrant('The subject token is invalid or expired');
  const scopes = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
  if (scopes.length === 0) throw new OAuthError(400, 'invalid_scope', 'At least one scope is required');
  const unknown = scopes.filter((s) => !isKnownScope(s));
  if (unknown.length > 0) throw new OAuthError(400, 'invalid_scope', `Unknown scope: ${unknown.join(' ')}`);
  const notGranted = subject.scopes === null ? [] : scopes.filter((s) => !subject.scopes?.includes(s));
  if (notGranted.length > 0) {
    throw new OAuthError(
      400,
      'invalid_scope',
      `The scope is not granted to the subject token: ${notGranted.join(' ')}`,
    );
  }
  const resource = parseResource(emu, subject.userId, form.get('resource')) ?? subject.resource;
  return issue(emu, { userId: subject.userId, subjectType: subject.subjectType, scopes, resource });
}

export function tokenRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'POST',
      template: '/oauth2/token',
      handler: async ({ req }) => {
        const form = await readForm(req);
        const grant = form.get('grant_type');
        if (grant === JWT_BEARER) return jwtGrant(emu, form);
        if (grant === 'client_credentials') return clientCredentialsGrant(emu, form);
        if (grant === TOKEN_EXCHANGE) return tokenExchange(emu, form);
        throw new OAuthError(400, 'unsupported_grant_type', 'The grant type is not supported');
      },
    },
    {
      method: 'POST',
      template: '/oauth2/revoke',
      handler: async ({ req }) => {
        const form = await readForm(req);
        checkClient(emu, form);
        emu.store.tokens.delete(form.get('token') ?? '');
        return { status: 200 };
      },
    },
  ];
}
