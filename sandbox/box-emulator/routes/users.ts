import { authenticate, requireFullToken } from '../access.ts';
import { seedDemoContent } from '../demo-content.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, badRequest, forbidden, notFound } from '../errors.ts';
import { decodeMarker, encodeMarker } from '../markers.ts';
import { intParam, readJson, stringField } from '../http-io.ts';
import type { Route } from '../router.ts';
import { fieldPicker, userAllFields, userFull } from '../serialize.ts';
import { nowIso, randomId, type UserRecord } from '../store.ts';
import { applyUserChanges, invalidParameter, readUserChanges } from '../user-input.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Box's 409 for a taken login or external id; the SDK surfaces `code` and `context_info`. */
function conflict(message: string): BoxError {
  return new BoxError(409, 'conflict', message);
}

/** Only the service account (an enterprise token, not downscoped) administers users. */
export function requireAdmin(emu: Emulator, caller: ReturnType<typeof authenticate>): void {
  requireFullToken(caller);
  if (caller.user.id !== emu.store.serviceAccountId) throw forbidden();
}

export function createUser(
  emu: Emulator,
  input: {
    name?: string;
    login?: string;
    isPlatformAccessOnly: boolean;
    externalAppUserId?: string;
    spaceAmount?: number;
  },
): UserRecord {
  const name = input.name?.trim();
  if (!name) throw badRequest("Bad Request: 'name' is required");
  if (name.length > 50) throw invalidParameter('name', `'name' exceeds the maximum length of 50`);
  if (input.externalAppUserId !== undefined) ensureExternalIdFree(emu, input.externalAppUserId);
  let login: string;
  if (input.isPlatformAccessOnly) {
    login = `AppUser_${emu.store.enterpriseId}_${randomId(5)}@boxdevedition.com`;
  } else {
    if (!input.login || !EMAIL.test(input.login)) throw badRequest("Bad Request: 'login' must be an email address");
    if (emu.store.findUserByLogin(input.login))
      throw new BoxError(409, 'conflict', 'User with the specified login already exists');
    login = input.login;
  }
  const user = emu.store.addUser({
    kind: input.isPlatformAccessOnly ? 'app' : 'managed',
    name,
    login,
    externalAppUserId: input.externalAppUserId ?? null,
    ...(input.spaceAmount === undefined ? {} : { spaceAmount: input.spaceAmount }),
  });
  if (emu.demoContent) seedDemoContent(emu, user);
  return user;
}

export function ensureExternalIdFree(emu: Emulator, externalAppUserId: string, except?: UserRecord): void {
  const holder = emu.store.findUserByExternalId(externalAppUserId);
  if (holder && holder !== except) throw conflict('A user with this external_app_user_id already exists');
}

/** `fields=` answers any documented user field; without it, the default set. */
export function userJson(emu: Emulator, user: UserRecord, fields: string | null) {
  return fields ? fieldPicker(fields)(userAllFields(emu.store, user)) : userFull(emu.store, user);
}

function matchesType(user: UserRecord, type: string | null): boolean {
  if (type === null || type === 'all') return true;
  if (type === 'managed') return user.kind !== 'app';
  if (type === 'external') return false;
  throw badRequest('Invalid value for user_type');
}

export function userRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/users/me',
      handler: (ctx) => ({
        status: 200,
        json: userJson(emu, authenticate(emu, ctx).user, ctx.url.searchParams.get('fields')),
      }),
    },
    {
      method: 'GET',
      template: '/2.0/users',
      handler: (ctx) => {
        requireAdmin(emu, authenticate(emu, ctx));
        const query = ctx.url.searchParams;
        const externalId = query.get('external_app_user_id');
        const term = query.get('filter_term')?.toLowerCase() ?? null;
        const type = query.get('user_type');
        const matches = [...emu.store.users.values()].filter(
          (u) =>
            u.kind !== 'service' &&
            (externalId === null || u.externalAppUserId === externalId) &&
            (term === null || u.login.toLowerCase().startsWith(term) || u.name.toLowerCase().startsWith(term)) &&
            matchesType(u, type),
        );
        const limit = Math.max(1, intParam(query, 'limit', 100, 1000));
        const fields = query.get('fields');
        const page = (from: number) => matches.slice(from, from + limit).map((u) => userJson(emu, u, fields));
        if (query.get('usemarker') === 'true') {
          const from = decodeMarker(query.get('marker'));
          const next = from + limit < matches.length ? encodeMarker(from + limit) : null;
          return { status: 200, json: { limit, next_marker: next, entries: page(from) } };
        }
        const offset = intParam(query, 'offset', 0, Number.MAX_SAFE_INTEGER);
        return { status: 200, json: { total_count: matches.length, limit, offset, entries: page(offset) } };
      },
    },
    {
      method: 'GET',
      template: '/2.0/users/{user_id}',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        const user = emu.store.users.get(ctx.params.user_id ?? '');
        if (caller.user.id !== user?.id) requireAdmin(emu, caller);
        if (!user) throw notFound();
        return { status: 200, json: userJson(emu, user, ctx.url.searchParams.get('fields')) };
      },
    },
    {
      method: 'POST',
      template: '/2.0/users',
      handler: async (ctx) => {
        requireAdmin(emu, authenticate(emu, ctx));
        const body = await readJson(ctx.req);
        const changes = readUserChanges(body);
        const externalAppUserId = stringField(body, 'external_app_user_id');
        const user = createUser(emu, {
          name: stringField(body, 'name'),
          login: stringField(body, 'login'),
          isPlatformAccessOnly: body.is_platform_access_only === true,
          ...(externalAppUserId === undefined ? {} : { externalAppUserId }),
        });
        applyUserChanges(user, changes, nowIso());
        return { status: 201, json: userJson(emu, user, ctx.url.searchParams.get('fields')) };
      },
    },
  ];
}
