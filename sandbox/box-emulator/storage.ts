import { BoxError } from './errors.ts';
import type { Store, UserRecord } from './store.ts';

/** Box's `max_upload_size` for the emulated accounts (5 GiB). */
export const MAX_UPLOAD_SIZE = 5_368_709_120;

/** What counts toward a user's quota: everything they own, the trash included (Box's "Common errors" guide). */
export function usedBytes(store: Store, user: UserRecord): number {
  let total = 0;
  for (const item of store.items.values()) {
    if (item.ownerId !== user.id) continue;
    if (item.parentId === null || item.extras?.trashedAt) total += store.size(item);
  }
  return total;
}

/**
 * Refuses `size` more bytes for the owner: `403 file_size_limit_exceeded` above the upload size
 * limit, `403 storage_limit_exceeded` when the owner's quota (`space_amount`) would be passed.
 */
export function ensureFits(store: Store, ownerId: string, size: number, replacing = 0): void {
  if (size > MAX_UPLOAD_SIZE) {
    throw new BoxError(403, 'file_size_limit_exceeded', 'File size exceeds the folder owner’s file size limit');
  }
  const owner = store.users.get(ownerId);
  if (!owner || owner.spaceAmount === -1) return;
  if (usedBytes(store, owner) - replacing + size > owner.spaceAmount) {
    throw new BoxError(403, 'storage_limit_exceeded', 'Account storage limit reached');
  }
}
