import type { BoxItem } from '../../../common/box-items.ts';

export type SortKey = 'name' | 'modified' | 'size';
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Folders first whatever the order, as Box and every file manager do; ties break on name. */
export function sortItems<T extends BoxItem>(items: readonly T[], order: SortOrder): T[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const byKey = (a: T, b: T): number => {
    if (order.key === 'modified') return (a.modifiedAt ?? '').localeCompare(b.modifiedAt ?? '');
    if (order.key === 'size') return (a.size ?? 0) - (b.size ?? 0);
    return 0;
  };
  return [...items].sort((a, b) => {
    if ((a.type === 'folder') !== (b.type === 'folder')) return a.type === 'folder' ? -1 : 1;
    return sign * (byKey(a, b) || collator.compare(a.name, b.name));
  });
}
