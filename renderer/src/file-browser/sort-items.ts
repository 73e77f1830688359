import type { BoxItem } from '../../../common/box-items.ts';

export type SortKey = 'name' | 'modified' | 'size';
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * A plain-string key that orders names naturally ("file9" before "file10", case and accents
 * ignored). A folder of 10,000 items is re-sorted as each page arrives; comparing these keys
 * is far cheaper than Intl.Collator on every comparison, so the collator only breaks ties.
 * Keys are computed once per item.
 */
const nameKeys = new WeakMap<BoxItem, string>();
function nameKey(item: BoxItem): string {
  let key = nameKeys.get(item);
  if (key === undefined) {
    key = item.name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\d+/g, (digits) => digits.padStart(20, '0'));
    nameKeys.set(item, key);
  }
  return key;
}

function compareNames(a: BoxItem, b: BoxItem): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : collator.compare(a.name, b.name);
}

/** Folders first whatever the order, as Box and every file manager do; ties break on name. */
export function sortItems<T extends BoxItem>(items: readonly T[], order: SortOrder): T[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const byKey = (a: T, b: T): number => {
    if (order.key === 'modified') {
      // ISO 8601 strings in one time zone order as text.
      const ma = a.modifiedAt ?? '';
      const mb = b.modifiedAt ?? '';
      return ma < mb ? -1 : ma > mb ? 1 : 0;
    }
    if (order.key === 'size') return (a.size ?? 0) - (b.size ?? 0);
    return 0;
  };
  return [...items].sort((a, b) => {
    if ((a.type === 'folder') !== (b.type === 'folder')) return a.type === 'folder' ? -1 : 1;
    return sign * (byKey(a, b) || compareNames(a, b));
  });
}
