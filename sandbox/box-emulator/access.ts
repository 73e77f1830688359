import { collaboratorRole, roleAllows } from './collaboration-access.ts';
import type { Emulator } from './emulator-state.ts';
import { BoxError, insufficientScope, notFound } from './errors.ts';
import { ensureUnlockedFor } from './locks.ts';
import type { RequestContext } from './router.ts';
import { SCOPES_FOR, type Operation } from './scopes.ts';
import type { ItemRecord, TokenRecord, UserRecord } from './store.ts';
import { isTrashed } from './trash-state.ts';

export interface Caller {
  token: TokenRecord;
  /** Whom the request acts as: the token's user, or the `As-User` target. */
  user: UserRecord;
  /** Set when `As-User` made the request act as someone other than the token's user. */
  actingFor?: UserRecord;
}

/** Box answers a missing, unknown or expired token with a bare 401 and a `WWW-Authenticate` challenge. */
function unauthorized(description: string): BoxError {
  return new BoxError(401, 'unauthorized', description, {
    headers: {
      'www-authenticate': `Bearer realm="Service", error="invalid_token", error_description="${description}"`,
    },
  });
}

const accessDenied = (): BoxError =>
  new BoxError(403, 'access_denied_insufficient_permissions', 'Access denied - insufficient permission');

/**
 * `As-User: <id>`: only a full token of the service account (an admin with "Perform actions as
 * users") may act as another user, and never as the service account itself or an inactive user.
 * Box answers anything else with `403 access_denied_insufficient_permissions` (Box support,
 * "API 403 access_denied_insufficient_permissions errors").
 */
function asUser(emu: Emulator, token: TokenRecord, tokenUser: UserRecord, header: string): UserRecord {
  if (token.scopes !== null || tokenUser.id !== emu.store.serviceAccountId) throw accessDenied();
  const target = emu.store.users.get(header.trim());
  if (!target || target.kind === 'service' || target.status === 'inactive') throw accessDenied();
  return target;
}

export function authenticate(emu: Emulator, ctx: RequestContext): Caller {
  const header = ctx.req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('The access token is missing.');
  const token = emu.store.tokens.get(match[1]);
  if (!token) throw unauthorized('The access token provided is invalid.');
  if (token.expiresAt <= Date.now()) throw unauthorized('The access token provided is expired.');
  const user = emu.store.users.get(token.userId);
  if (!user) throw unauthorized('The access token belongs to a deleted user.');
  if (user.status === 'inactive') throw unauthorized('The access token belongs to an inactive user.');
  const asUserHeader = ctx.req.headers['as-user'];
  if (typeof asUserHeader === 'string' && asUserHeader !== '') {
    return { token, user: asUser(emu, token, user, asUserHeader), actingFor: user };
  }
  return { token, user };
}

export function requireScope(caller: Caller, operation: Operation): void {
  const scopes = caller.token.scopes;
  if (scopes === null) return;
  if (!scopes.some((s) => SCOPES_FOR[operation].includes(s))) throw insufficientScope();
}

/** Full tokens only: a downscoped token never manages users. */
export function requireFullToken(caller: Caller): void {
  if (caller.token.scopes !== null) throw insufficientScope();
}

/**
 * Finds an item the caller may see and checks the scope for `operation`. Items the caller neither
 * owns nor collaborates on are invisible (404, as Box answers), as is anything in the trash; a
 * collaborator whose role does not allow `operation` gets a 403; a token limited to one resource
 * reaches nothing outside it.
 */
export function accessItem<K extends ItemRecord['kind']>(
  emu: Emulator,
  caller: Caller,
  kind: K,
  publicId: string,
  operation: Operation,
): Extract<ItemRecord, { kind: K }> {
  const id = kind === 'folder' ? emu.store.resolveFolderId(caller.user.id, publicId) : publicId;
  const item = emu.store.items.get(id);
  if (!item || item.kind !== kind) throw notFound('Not Found');
  // Box's "Common errors" guide: an item in the trash is a 404 `trashed`.
  if (isTrashed(emu.store, item)) {
    throw item.ownerId === caller.user.id ? new BoxError(404, 'trashed', 'Item is trashed') : notFound('Not Found');
  }
  if (item.ownerId !== caller.user.id) {
    const role = collaboratorRole(emu.store, caller.user.id, item);
    if (role === undefined) throw notFound('Not Found');
    if (!roleAllows(role, operation)) throw accessDenied();
  }
  requireScope(caller, operation);
  const resource = caller.token.resource;
  if (resource) {
    const inside = resource.type === 'folder' ? emu.store.isWithin(item, resource.id) : item.id === resource.id;
    if (!inside) throw insufficientScope();
  }
  if (item.kind === 'file') ensureUnlockedFor(caller, item, operation);
  return item as Extract<ItemRecord, { kind: K }>;
}

/** `If-Match` with the item's etag (its sequence): a mismatch means someone changed it since the caller looked. */
export function checkIfMatch(ctx: RequestContext, item: ItemRecord): void {
  const ifMatch = ctx.req.headers['if-match'];
  if (ifMatch !== undefined && ifMatch !== String(item.sequence)) {
    throw new BoxError(
      412,
      'precondition_failed',
      'The resource has been modified. Please retrieve the resource again and retry',
    );
  }
}
