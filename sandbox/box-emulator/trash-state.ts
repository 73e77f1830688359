import type { ItemRecord, Store } from './store.ts';

/** An item is in the trash when it, or a folder above it, was moved there. */
export function isTrashed(store: Store, item: ItemRecord): boolean {
  if (item.extras?.trashedAt) return true;
  return store.ancestors(item).some((folder) => Boolean(folder.extras?.trashedAt));
}
