/** Box's trash listing (`GET /folders/trash/items` with `fields`) → what the Trash view shows. */
import { z } from 'zod';
import type { BoxTrashedItem, BoxTrashPage } from '../../../common/box-file-operations.ts';
import { toBoxItem } from './box-json.ts';

/** `parent` is the folder the item was trashed from: Box keeps it for the restore. */
export const trashFields = ['type', 'id', 'name', 'size', 'modified_at', 'trashed_at', 'purged_at', 'parent'] as const;

const trashedItemSchema = z.object({
  type: z.enum(['file', 'folder', 'web_link']),
  id: z.string(),
  name: z.string().optional(),
  size: z.number().nullish(),
  modified_at: z.string().nullish(),
  trashed_at: z.string().nullish(),
  purged_at: z.string().nullish(),
  parent: z.object({ id: z.string(), name: z.string().optional() }).nullish(),
});

export const trashPageSchema = z.object({ entries: z.array(trashedItemSchema), total_count: z.number().optional() });

export function toTrashPage(json: z.infer<typeof trashPageSchema>): BoxTrashPage {
  const items = json.entries.flatMap((entry): BoxTrashedItem[] => {
    // Web links are not something this app shows anywhere else, so the Trash leaves them out too.
    if (entry.type === 'web_link') return [];
    const parent = entry.parent;
    return [
      {
        ...toBoxItem(entry),
        type: entry.type,
        trashedAt: entry.trashed_at ?? null,
        purgeAt: entry.purged_at ?? null,
        from: parent ? { id: parent.id, name: parent.id === '0' ? 'All Files' : (parent.name ?? '') } : null,
      },
    ];
  });
  return { items, totalCount: json.total_count ?? items.length };
}
