import type { Caller } from './access.ts';
import { collaboratorRole } from './collaboration-access.ts';
import type { Emulator } from './emulator-state.ts';
import { BoxError, badRequest, notFound } from './errors.ts';
import type { JsonObject } from './http-io.ts';
import type { SharedLinkAccess, SharedLinkRecord } from './item-extras.ts';
import { extensionOf } from './representations.ts';
import { randomId, type ItemRecord } from './store.ts';

const ACCESS: readonly SharedLinkAccess[] = ['open', 'company', 'collaborators'];

/** The link's JSON as Box shows it in `shared_link`; `null` when the item has none (or it has expired). */
export function sharedLinkJson(item: ItemRecord): Record<string, unknown> | null {
  const link = liveLink(item);
  if (!link) return null;
  // Box's hosts, not the emulator's: the spec's `url` format wants a domain name, and a link is an
  // opaque key for `GET /shared_items` anyway.
  const url = `https://app.box.com/s/${link.token}`;
  const ext = item.kind === 'file' ? extensionOf(item.name) : '';
  return {
    url,
    download_url:
      item.kind === 'file' && link.canDownload
        ? `https://app.box.com/shared/static/${link.token}${ext ? `.${ext}` : ''}`
        : null,
    vanity_url: link.vanityName ? `https://app.box.com/v/${link.vanityName}` : null,
    vanity_name: link.vanityName,
    access: link.access,
    effective_access: link.access,
    effective_permission: link.canEdit ? 'can_edit' : link.canDownload ? 'can_download' : 'can_preview',
    unshared_at: link.unsharedAt,
    is_password_enabled: link.password !== null,
    permissions: { can_download: link.canDownload, can_preview: true, can_edit: link.canEdit },
    download_count: 0,
    preview_count: 0,
  };
}

function liveLink(item: ItemRecord): SharedLinkRecord | undefined {
  const link = item.extras?.sharedLink ?? undefined;
  if (!link) return undefined;
  if (link.unsharedAt !== null && Date.parse(link.unsharedAt) <= Date.now()) return undefined;
  return link;
}

/**
 * `PUT /files|folders/{id}` with `shared_link` makes or changes the item's one link; `null` removes
 * it. Box's "Create or update shared link" and "Shared link permissions" guides: a password only
 * for `open` links, `can_edit` only on files, `unshared_at` in the future; and an enterprise that
 * forbids `open` links refuses them.
 */
export function changeSharedLink(emu: Emulator, item: ItemRecord, value: unknown): void {
  if (value === null) {
    item.extras = { ...item.extras, sharedLink: null };
    emu.store.touch(item);
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value))
    throw badRequest("Bad Request: 'shared_link' must be an object");
  const body = value as JsonObject;
  const current = liveLink(item);
  const access = (body.access ?? current?.access ?? 'open') as SharedLinkAccess;
  if (!ACCESS.includes(access))
    throw badRequest("Bad Request: 'shared_link.access' must be open, company or collaborators");
  if (access === 'open' && !emu.enterprise.openSharedLinksAllowed) {
    throw new BoxError(
      403,
      'access_denied_insufficient_permissions',
      'The enterprise does not allow open shared links',
    );
  }
  const password = body.password === undefined ? (current?.password ?? null) : body.password;
  if (password !== null && (typeof password !== 'string' || password.length < 8)) {
    throw badRequest("Bad Request: 'shared_link.password' must be at least 8 characters");
  }
  if (password !== null && access !== 'open')
    throw badRequest('Bad Request: a password is only allowed on open shared links');
  const unsharedAt = body.unshared_at === undefined ? (current?.unsharedAt ?? null) : body.unshared_at;
  if (unsharedAt !== null && (typeof unsharedAt !== 'string' || !(Date.parse(unsharedAt) > Date.now()))) {
    throw badRequest("Bad Request: 'shared_link.unshared_at' must be a date-time in the future");
  }
  const permissions = (
    typeof body.permissions === 'object' && body.permissions !== null ? body.permissions : {}
  ) as JsonObject;
  const canEdit = permissions.can_edit === undefined ? (current?.canEdit ?? false) : permissions.can_edit === true;
  if (canEdit && item.kind !== 'file') throw badRequest("Bad Request: 'can_edit' is only allowed on files");
  const vanity = body.vanity_name === undefined ? (current?.vanityName ?? null) : body.vanity_name;
  if (vanity !== null && (typeof vanity !== 'string' || vanity.length < 12)) {
    throw badRequest("Bad Request: 'shared_link.vanity_name' must be at least 12 characters");
  }
  item.extras = {
    ...item.extras,
    sharedLink: {
      token: current?.token ?? randomId(16),
      access,
      password,
      unsharedAt,
      canDownload:
        permissions.can_download === undefined ? (current?.canDownload ?? true) : permissions.can_download === true,
      canEdit,
      vanityName: vanity,
    },
  };
  emu.store.touch(item);
}

/**
 * `BoxApi: shared_link=<url>[&shared_link_password=<password>]`: the item behind a live link the
 * caller may use — anyone for `open`, the enterprise's users for `company`, the owner and
 * collaborators for `collaborators`; a wrong or missing password is `403 incorrect_shared_item_password`.
 */
export function resolveSharedItem(emu: Emulator, caller: Caller, header: string | undefined): ItemRecord {
  const params = new URLSearchParams(header ?? '');
  const url = params.get('shared_link');
  if (!url) throw badRequest("Bad Request: the 'boxapi' header needs shared_link=<url>");
  const token = /\/s\/([^/?#]+)$/.exec(url)?.[1];
  const item = [...emu.store.items.values()].find((i) => token !== undefined && liveLink(i)?.token === token);
  const link = item ? liveLink(item) : undefined;
  if (!item || !link) throw notFound('The shared link was not found or has expired');
  if (link.access === 'collaborators' && item.ownerId !== caller.user.id) {
    if (collaboratorRole(emu.store, caller.user.id, item) === undefined) throw notFound('Not Found');
  }
  if (link.password !== null && params.get('shared_link_password') !== link.password) {
    throw new BoxError(403, 'incorrect_shared_item_password', 'The shared link password is incorrect');
  }
  return item;
}
