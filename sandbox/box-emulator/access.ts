import type { Emulator } from './emulator-state.ts';
import { BoxError, insufficientScope, notFound } from './errors.ts';
import type { RequestContext } from './router.ts';
import { SCOPES_FOR, type Operation } from './scopes.ts';
import type { ItemRecord, TokenRecord, UserRecord } from './store.ts';

export interface Caller {
  token: TokenRecord;
  user: UserRecord;
}

/** Box answers a missing, unknown or expired token with a bare 401 and a `WWW-Authenticate` challenge. */
function unauthorized(description: string): BoxError {
  return new BoxError(401, 'unauthorized', description, {
    headers: {
      'www-authenticate': `Bearer realm="Service", error="invalid_token", error_description="${description}"`,
    },
  });
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
 * Finds an item the caller may see and checks the scope for `operation`. Items of other users are
 * invisible (404, as Box answers), and a token limited to one resource reaches nothing outside it.
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
  if (!item || item.kind !== kind || item.ownerId !== caller.user.id) throw notFound(`Not Found`);
  requireScope(caller, operation);
  const resource = caller.token.resource;
  if (resource) {
    const inside = resource.type === 'folder' ? emu.store.isWithin(item, resource.id) : item.id === resource.id;
    if (!inside) throw insufficientScope();
  }
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
