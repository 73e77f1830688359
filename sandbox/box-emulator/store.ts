import { randomBytes } from 'node:crypto';
import type { CollaborationRecord, GroupRecord, MembershipRecord } from './collab-records.ts';
import type { ContentSource } from './content.ts';
import type { ItemExtras } from './item-extras.ts';

export type UserKind = 'service' | 'app' | 'managed';

/** Box's user statuses; an `inactive` user's tokens are refused. */
export type UserStatus = 'active' | 'inactive' | 'cannot_delete_edit' | 'cannot_delete_edit_upload';

export interface UserRecord {
  id: string;
  kind: UserKind;
  name: string;
  login: string;
  externalAppUserId: string | null;
  createdAt: string;
  modifiedAt: string;
  rootFolderId: string;
  status: UserStatus;
  /** Bytes the user may store (Box's `space_amount`; 10 GiB by default, `-1` for unlimited). */
  spaceAmount: number;
  /** The editable profile fields Box keeps as given (`job_title`, `phone`, `address`, ...). */
  profile: { jobTitle: string; phone: string; address: string; language: string; timezone: string };
}

interface ItemBase {
  id: string;
  name: string;
  /** `null` only for a user's root folder. */
  parentId: string | null;
  ownerId: string;
  description: string;
  createdAt: string;
  modifiedAt: string;
  /** Bumped on every change; Box exposes it as both `etag` and `sequence_id`. */
  sequence: number;
  /** Lock, trash, shared link and tags: kept apart so the core record stays small. */
  extras?: ItemExtras;
}

export interface FolderRecord extends ItemBase {
  kind: 'folder';
  /** Lower-cased child name → child id: Box names are unique per folder, case-insensitively. */
  children: Map<string, string>;
}

export interface FileVersion {
  id: string;
  content: ContentSource;
  createdAt: string;
  /** The file's name when this version was uploaded, and who uploaded it. */
  name?: string;
  modifiedBy?: string;
}

export interface FileRecord extends ItemBase {
  kind: 'file';
  versions: FileVersion[];
}

export type ItemRecord = FolderRecord | FileRecord;

/** What a bearer token stands for: its subject user and, once downscoped, what it may still do. */
export interface TokenRecord {
  userId: string;
  subjectType: 'enterprise' | 'user';
  /** `null` for a full token; the granted scopes for a downscoped one. */
  scopes: string[] | null;
  /** A downscoped token limited to one item (and, for a folder, what is inside it). */
  resource: { type: 'file' | 'folder'; id: string } | null;
  expiresAt: number;
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** The size at which each map is next scanned for expired entries. */
const nextPruneAt = new WeakMap<Map<string, unknown>, number>();

/**
 * Drops expired entries once a map grows large, so a long sandbox session does not leak. The
 * next scan waits until the map has doubled: scanning on every insert made issuing a token
 * cost time in proportion to all tokens ever issued (a fifth of the emulator's CPU under load).
 */
export function pruneExpired<V extends { expiresAt: number }>(map: Map<string, V>, threshold = 1000): void {
  if (map.size < (nextPruneAt.get(map) ?? threshold)) return;
  const now = Date.now();
  for (const [key, value] of map) if (value.expiresAt <= now) map.delete(key);
  nextPruneAt.set(map, Math.max(threshold, map.size * 2));
}

/** All emulator state, in memory; `reset()` drops everything except the app and its service account. */
export class Store {
  users = new Map<string, UserRecord>();
  items = new Map<string, ItemRecord>();
  tokens = new Map<string, TokenRecord>();
  usedJtis = new Map<string, { expiresAt: number }>();
  groups = new Map<string, GroupRecord>();
  memberships = new Map<string, MembershipRecord>();
  collaborations = new Map<string, CollaborationRecord>();
  private nextId = 10_000_000;
  readonly enterpriseId: string;
  serviceAccountId = '';

  constructor(enterpriseId: string, serviceAccountName: string) {
    this.enterpriseId = enterpriseId;
    this.reset(serviceAccountName);
  }

  newId(): string {
    this.nextId += 1;
    return String(this.nextId);
  }

  reset(serviceAccountName: string): void {
    this.users.clear();
    this.items.clear();
    this.tokens.clear();
    this.usedJtis.clear();
    this.groups.clear();
    this.memberships.clear();
    this.collaborations.clear();
    const service = this.addUser({
      kind: 'service',
      name: serviceAccountName,
      login: `AutomationUser_${this.enterpriseId}_${randomId(5)}@boxdevedition.com`,
      externalAppUserId: null,
    });
    this.serviceAccountId = service.id;
  }

  addUser(
    input: Pick<UserRecord, 'kind' | 'name' | 'login' | 'externalAppUserId'> & Partial<Pick<UserRecord, 'status' | 'spaceAmount'>>,
  ): UserRecord {
    const id = this.newId();
    const now = nowIso();
    const root: FolderRecord = {
      kind: 'folder',
      id: `root-${id}`,
      name: 'All Files',
      parentId: null,
      ownerId: id,
      description: '',
      createdAt: now,
      modifiedAt: now,
      sequence: 0,
      children: new Map(),
    };
    this.items.set(root.id, root);
    const user: UserRecord = {
      status: 'active',
      spaceAmount: 10_737_418_240,
      ...input,
      id,
      createdAt: now,
      modifiedAt: now,
      rootFolderId: root.id,
      profile: { jobTitle: '', phone: '', address: '', language: 'en', timezone: 'America/Los_Angeles' },
    };
    this.users.set(id, user);
    return user;
  }

  findUserByLogin(login: string): UserRecord | undefined {
    const wanted = login.toLowerCase();
    return [...this.users.values()].find((u) => u.login.toLowerCase() === wanted);
  }

  findUserByExternalId(externalId: string): UserRecord | undefined {
    return [...this.users.values()].find((u) => u.externalAppUserId === externalId);
  }

  /** Resolves a public item id for a user: folder `0` is that user's own root. */
  resolveFolderId(userId: string, publicId: string): string {
    if (publicId !== '0') return publicId;
    return this.users.get(userId)?.rootFolderId ?? publicId;
  }

  folder(id: string): FolderRecord | undefined {
    const item = this.items.get(id);
    return item?.kind === 'folder' ? item : undefined;
  }

  file(id: string): FileRecord | undefined {
    const item = this.items.get(id);
    return item?.kind === 'file' ? item : undefined;
  }

  childByName(folder: FolderRecord, name: string): ItemRecord | undefined {
    const id = folder.children.get(name.toLowerCase());
    return id === undefined ? undefined : this.items.get(id);
  }

  /** Ancestors from the root down to the item's parent (Box's `path_collection` order). */
  ancestors(item: ItemRecord): FolderRecord[] {
    const chain: FolderRecord[] = [];
    let parentId = item.parentId;
    while (parentId !== null) {
      const parent = this.folder(parentId);
      if (!parent) break;
      chain.unshift(parent);
      parentId = parent.parentId;
    }
    return chain;
  }

  isWithin(item: ItemRecord, folderId: string): boolean {
    return item.id === folderId || this.ancestors(item).some((a) => a.id === folderId);
  }

  attach(item: ItemRecord, parent: FolderRecord): void {
    item.parentId = parent.id;
    parent.children.set(item.name.toLowerCase(), item.id);
    this.touch(parent);
  }

  detach(item: ItemRecord): void {
    const parent = item.parentId === null ? undefined : this.folder(item.parentId);
    if (parent) {
      parent.children.delete(item.name.toLowerCase());
      this.touch(parent);
    }
  }

  touch(item: ItemRecord): void {
    item.sequence += 1;
    item.modifiedAt = nowIso();
  }

  /** Removes an item and, for a folder, everything inside it. */
  remove(item: ItemRecord): void {
    this.detach(item);
    const stack: ItemRecord[] = [item];
    while (stack.length > 0) {
      const current = stack.pop();
      if (!current) break;
      this.items.delete(current.id);
      if (current.kind === 'folder') {
        for (const childId of current.children.values()) {
          const child = this.items.get(childId);
          if (child) stack.push(child);
        }
      }
    }
  }

  size(item: ItemRecord): number {
    if (item.kind === 'file') return item.versions.at(-1)?.content.size ?? 0;
    let total = 0;
    for (const childId of item.children.values()) {
      const child = this.items.get(childId);
      if (child) total += this.size(child);
    }
    return total;
  }
}
