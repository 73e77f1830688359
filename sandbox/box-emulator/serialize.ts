import { lockJson } from './locks.ts';
import { sharedLinkJson } from './shared-links.ts';
import { MAX_UPLOAD_SIZE, usedBytes } from './storage.ts';
import type { FileRecord, FolderRecord, ItemRecord, Store, UserRecord } from './store.ts';

type Json = Record<string, unknown>;

export function userMini(user: UserRecord): Json {
  return { type: 'user', id: user.id, name: user.name, login: user.login };
}

/**
 * The fields answered for a user by default: Box's standard set plus `role`, `enterprise`,
 * `is_platform_access_only` and `external_app_user_id`, which callers here read without asking.
 */
export function userFull(store: Store, user: UserRecord): Json {
  return {
    ...userMini(user),
    created_at: user.createdAt,
    modified_at: user.modifiedAt,
    language: user.profile.language,
    timezone: user.profile.timezone,
    space_amount: user.spaceAmount,
    space_used: usedBytes(store, user),
    max_upload_size: MAX_UPLOAD_SIZE,
    status: user.status,
    job_title: user.profile.jobTitle,
    phone: user.profile.phone,
    address: user.profile.address,
    avatar_url: '',
    notification_email: null,
    role: user.kind === 'service' ? 'admin' : 'user',
    enterprise: { type: 'enterprise', id: store.enterpriseId, name: 'Emulated Enterprise' },
    is_platform_access_only: user.kind === 'app' || user.kind === 'service',
    ...(user.externalAppUserId === null ? {} : { external_app_user_id: user.externalAppUserId }),
  };
}

/** Every field Box documents for a user, for `fields=` requests. */
export function userAllFields(store: Store, user: UserRecord): Json {
  return {
    ...userFull(store, user),
    tracking_codes: [],
    can_see_managed_users: user.kind === 'service',
    is_sync_enabled: user.kind === 'managed',
    is_external_collab_restricted: false,
    is_exempt_from_device_limits: false,
    is_exempt_from_login_verification: false,
    my_tags: [],
    hostname: 'https://app.box.com/',
    external_app_user_id: user.externalAppUserId ?? '',
  };
}

/** Box shows every user's root as folder `0`. */
export function publicId(item: ItemRecord): string {
  return item.parentId === null && item.kind === 'folder' ? '0' : item.id;
}

function folderMini(folder: FolderRecord): Json {
  const root = folder.parentId === null;
  return {
    type: 'folder',
    id: publicId(folder),
    ...(root
      ? { sequence_id: null, etag: null }
      : { sequence_id: String(folder.sequence), etag: String(folder.sequence) }),
    name: folder.name,
  };
}

function fileMini(file: FileRecord): Json {
  const version = file.versions.at(-1);
  return {
    type: 'file',
    id: file.id,
    sequence_id: String(file.sequence),
    etag: String(file.sequence),
    sha1: version?.content.sha1 ?? '',
    name: file.name,
    file_version: { type: 'file_version', id: version?.id ?? '', sha1: version?.content.sha1 ?? '' },
  };
}

export function itemMini(item: ItemRecord): Json {
  return item.kind === 'folder' ? folderMini(item) : fileMini(item);
}

function pathCollection(store: Store, item: ItemRecord): Json {
  const entries = store.ancestors(item).map(folderMini);
  return { total_count: entries.length, entries };
}

function common(store: Store, item: ItemRecord): Json {
  const owner = store.users.get(item.ownerId);
  const ownerJson = owner ? userMini(owner) : { type: 'user', id: item.ownerId, name: '', login: '' };
  const parent = item.parentId === null ? undefined : store.folder(item.parentId);
  return {
    description: item.description,
    size: store.size(item),
    path_collection: pathCollection(store, item),
    created_at: item.createdAt,
    modified_at: item.modifiedAt,
    trashed_at: null,
    purged_at: null,
    content_created_at: item.createdAt,
    content_modified_at: item.modifiedAt,
    created_by: ownerJson,
    modified_by: ownerJson,
    owned_by: ownerJson,
    parent: parent ? folderMini(parent) : null,
    item_status: 'active',
  };
}

const CHILDREN_IN_FOLDER_FULL = 100;

export function folderFull(store: Store, folder: FolderRecord): Json {
  const children = [...folder.children.values()]
    .map((id) => store.items.get(id))
    .filter((c): c is ItemRecord => c !== undefined)
    .sort(compareDefault)
    .slice(0, CHILDREN_IN_FOLDER_FULL);
  return {
    ...folderMini(folder),
    ...common(store, folder),
    ...(folder.parentId === null ? { created_at: null, modified_at: null, content_created_at: null } : {}),
    shared_link: sharedLinkJson(folder),
    folder_upload_email: null,
    item_collection: {
      total_count: folder.children.size,
      entries: children.map(itemMini),
      offset: 0,
      limit: CHILDREN_IN_FOLDER_FULL,
      order: [
        { by: 'type', direction: 'ASC' },
        { by: 'name', direction: 'ASC' },
      ],
    },
  };
}

export function fileFull(store: Store, file: FileRecord): Json {
  const dot = file.name.lastIndexOf('.');
  return {
    ...fileMini(file),
    ...common(store, file),
    version_number: String(file.versions.length),
    comment_count: 0,
    // Box sends `shared_link: null` for files too, but its spec marks only the folder's as nullable.
    ...(file.extras?.sharedLink ? { shared_link: sharedLinkJson(file) } : {}),
    lock: lockJson(store, file),
    extension: dot > 0 ? file.name.slice(dot + 1) : '',
    is_package: false,
    expires_at: null,
  };
}

export function itemFull(store: Store, item: ItemRecord): Json {
  return item.kind === 'folder' ? folderFull(store, item) : fileFull(store, item);
}

/** One collator for all sorting: `localeCompare` builds a new one per call, which dominates big listings. */
export const nameCollator = new Intl.Collator('en');

/** Box's standard order: folders before files, then by name. */
export function compareDefault(a: ItemRecord, b: ItemRecord): number {
  if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1;
  return nameCollator.compare(a.name, b.name);
}

/**
 * What Box always sends beside the fields a `fields=` request names: the object's identity
 * (`type`, `id`, and `etag` for items). Box's reference calls this the "mini representation",
 * but its API answers `fields=name` on a file with just `type`, `id`, `etag` and `name`.
 */
const ALWAYS_SENT: Record<string, readonly string[]> = {
  file: ['type', 'id', 'etag'],
  folder: ['type', 'id', 'etag'],
};

/** `fields=a,b` answers exactly those fields plus the object's identity; build once per request. */
export function fieldPicker(fields: string | null): (full: Json) => Json {
  if (!fields) return (full) => full;
  const requested = fields
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  return (full) => {
    const mini = ALWAYS_SENT[String(full.type)] ?? ['type', 'id'];
    const picked: Json = {};
    for (const key of [...mini, ...requested]) if (key in full) picked[key] = full[key];
    return picked;
  };
}

export function pickFields(full: Json, fields: string | null): Json {
  return fieldPicker(fields)(full);
}
