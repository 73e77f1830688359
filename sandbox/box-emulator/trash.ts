import type { Emulator } from './emulator-state.ts';
import { BoxError } from './errors.ts';
import { ensureNameFree } from './items.ts';
import { itemFull } from './serialize.ts';
import { nowIso, type FolderRecord, type ItemRecord } from './store.ts';
import { isTrashed } from './trash-state.ts';

/** Box keeps trashed items for 30 days before purging them. */
const PURGE_AFTER_MS = 30 * 24 * 3600_000;

/** Moves an item (and, for a folder, everything in it) to the trash; it keeps its parent to go back to. */
export function trashItem(emu: Emulator, item: ItemRecord): void {
  emu.store.detach(item);
  item.extras = { ...item.extras, trashedAt: nowIso() };
  emu.store.touch(item);
}

/** The trashed item itself: what was inside a trashed folder is only reachable through that folder. */
export function trashedItself<K extends ItemRecord['kind']>(
  emu: Emulator,
  ownerId: string,
  kind: K,
  id: string,
): Extract<ItemRecord, { kind: K }> {
  const item = emu.store.items.get(id);
  if (!item || item.kind !== kind || item.ownerId !== ownerId || !item.extras?.trashedAt) {
    throw new BoxError(404, 'not_trashed', 'Item is not trashed');
  }
  return item as Extract<ItemRecord, { kind: K }>;
}

/** Box's `TrashFile`/`TrashFolder` (and, once restored, `TrashFileRestored`): the item without its children. */
export function trashedJson(emu: Emulator, item: ItemRecord): Record<string, unknown> {
  const { item_collection: _children, ...rest } = itemFull(emu.store, item);
  const trashedAt = item.extras?.trashedAt;
  if (!trashedAt) return rest;
  const purgeAt = new Date(Date.parse(trashedAt) + PURGE_AFTER_MS).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return { ...rest, trashed_at: trashedAt, purged_at: purgeAt, item_status: 'trashed' };
}

/**
 * Puts a trashed item back: into `target` when given, else where it was. When the original parent
 * is gone (purged, or itself in the trash) Box needs a `parent`: without one the restore is refused.
 */
export function restoreItem(emu: Emulator, item: ItemRecord, target: FolderRecord | undefined, name?: string): void {
  const original = item.parentId === null ? undefined : emu.store.folder(item.parentId);
  const parent = target ?? (original && !isTrashed(emu.store, original) ? original : undefined);
  if (!parent) {
    throw new BoxError(403, 'forbidden', 'The original parent folder no longer exists; restore into another parent');
  }
  const newName = name ?? item.name;
  ensureNameFree(emu, parent, newName, 'list');
  item.name = newName;
  item.extras = { ...item.extras, trashedAt: null };
  emu.store.items.set(item.id, item);
  emu.store.attach(item, parent);
  emu.store.touch(item);
}

/** Lists what the owner moved to the trash themselves (what was inside those folders goes with them). */
export function trashedItemsOf(emu: Emulator, ownerId: string): ItemRecord[] {
  return [...emu.store.items.values()].filter((item) => item.ownerId === ownerId && Boolean(item.extras?.trashedAt));
}
