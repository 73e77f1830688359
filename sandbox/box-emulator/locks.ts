import type { Caller } from './access.ts';
import type { Emulator } from './emulator-state.ts';
import { BoxError, badRequest } from './errors.ts';
import type { JsonObject } from './http-io.ts';
import type { LockRecord } from './item-extras.ts';
import type { Operation } from './scopes.ts';
import { userMini } from './serialize.ts';
import { nowIso, type FileRecord, type Store } from './store.ts';

/** The file's lock while it holds; a lock whose `expires_at` has passed no longer binds anyone. */
export function activeLock(file: FileRecord): LockRecord | undefined {
  const lock = file.extras?.lock ?? undefined;
  if (!lock) return undefined;
  if (lock.expiresAt !== null && Date.parse(lock.expiresAt) <= Date.now()) return undefined;
  return lock;
}

export function lockJson(store: Store, file: FileRecord): Record<string, unknown> | null {
  const lock = file.extras?.lock;
  if (!lock) return null;
  const creator = store.users.get(lock.createdBy);
  return {
    type: 'lock',
    id: lock.id,
    created_by: creator ? userMini(creator) : { type: 'user', id: lock.createdBy },
    created_at: lock.createdAt,
    ...(lock.expiresAt === null ? {} : { expired_at: lock.expiresAt }),
    is_download_prevented: lock.isDownloadPrevented,
  };
}

const itemLocked = (): BoxError => new BoxError(403, 'access_denied_item_locked', 'Access denied - item locked');

/**
 * A lock keeps everyone but its holder from changing the file: new versions, renames, moves and
 * deletes answer `403 access_denied_item_locked` (Box's "Common errors" guide), and downloads too
 * when the lock prevents them.
 */
export function ensureUnlockedFor(caller: Caller, file: FileRecord, operation: Operation): void {
  const lock = activeLock(file);
  if (!lock || lock.createdBy === caller.user.id) return;
  if (operation === 'download' ? lock.isDownloadPrevented : ['upload', 'rename', 'delete'].includes(operation)) {
    throw itemLocked();
  }
}

/** `PUT /files/{id}` with `lock: {access: "lock", expires_at?, is_download_prevented?}` or `lock: null`. */
export function changeLock(emu: Emulator, caller: Caller, file: FileRecord, value: unknown): void {
  const current = activeLock(file);
  // The holder or the file's owner may replace or remove a lock; anyone else meets it.
  if (current && current.createdBy !== caller.user.id && file.ownerId !== caller.user.id) throw itemLocked();
  if (value === null) {
    file.extras = { ...file.extras, lock: null };
    emu.store.touch(file);
    return;
  }
  if (typeof value !== 'object' || (value as JsonObject).access !== 'lock') {
    throw badRequest('Bad Request: \'lock.access\' must be "lock"');
  }
  const body = value as JsonObject;
  const expiresAt = body.expires_at;
  if (expiresAt !== undefined && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt)))) {
    throw badRequest("Bad Request: 'lock.expires_at' must be a date-time");
  }
  const lock: LockRecord = {
    id: current?.id ?? emu.store.newId(),
    createdBy: caller.user.id,
    createdAt: nowIso(),
    expiresAt: typeof expiresAt === 'string' ? expiresAt : null,
    isDownloadPrevented: body.is_download_prevented === true,
  };
  file.extras = { ...file.extras, lock };
  emu.store.touch(file);
}
