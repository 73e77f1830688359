/**
 * Box JSON → the shapes the renderer sees. Parsed from the raw response (the SDK keeps it as
 * `rawData`) with zod, because listing with `fields` returns partial items that the SDK's
 * typed unions describe poorly, and because unknown input is checked, not cast.
 */
import { z } from 'zod';
import type { BoxFileInfo, BoxItem, BoxPathEntry, BoxSearchResult } from '../../../common/box-items.ts';

/** Exactly the fields the file browser shows; Box sends nothing else. */
export const listingFields = ['type', 'id', 'name', 'size', 'modified_at', 'extension'] as const;
export const searchFields = [...listingFields, 'path_collection'] as const;
export const fileInfoFields = [...searchFields, 'created_at', 'description', 'modified_by', 'owned_by'] as const;

const pathSchema = z.object({ entries: z.array(z.object({ id: z.string(), name: z.string().optional() })) });
const userSchema = z.object({ name: z.string().optional(), login: z.string().optional() }).nullish();

const itemSchema = z.object({
  type: z.enum(['file', 'folder', 'web_link']),
  id: z.string(),
  name: z.string().optional(),
  size: z.number().nullish(),
  modified_at: z.string().nullish(),
  extension: z.string().nullish(),
  path_collection: pathSchema.nullish(),
  created_at: z.string().nullish(),
  description: z.string().nullish(),
  modified_by: userSchema,
  owned_by: userSchema,
});

type ItemJson = z.infer<typeof itemSchema>;

export const folderPageSchema = z.object({ entries: z.array(itemSchema), next_marker: z.string().nullish() });
export const searchPageSchema = z.object({ entries: z.array(itemSchema), total_count: z.number().optional() });
export const folderJsonSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  path_collection: pathSchema.nullish(),
});

/** Box names the root "All Files"; an emulator or an old API may leave it out. */
export function pathOf(json: { path_collection?: z.infer<typeof pathSchema> | null | undefined }): BoxPathEntry[] {
  return (json.path_collection?.entries ?? []).map((entry) => ({
    id: entry.id,
    name: entry.id === '0' ? 'All Files' : (entry.name ?? ''),
  }));
}

function extensionOf(json: ItemJson, name: string): string {
  if (json.type !== 'file') return '';
  if (json.extension) return json.extension.toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function toBoxItem(json: ItemJson): BoxItem {
  const name = json.name ?? '';
  return {
    id: json.id,
    type: json.type,
    name,
    size: json.size ?? null,
    modifiedAt: json.modified_at ?? null,
    extension: extensionOf(json, name),
  };
}

export function toSearchResult(json: ItemJson): BoxSearchResult {
  return { ...toBoxItem(json), path: pathOf(json) };
}

export function toFileInfo(raw: unknown): BoxFileInfo {
  const json = itemSchema.parse(raw);
  return {
    ...toSearchResult(json),
    createdAt: json.created_at ?? null,
    description: json.description ?? '',
    modifiedBy: json.modified_by?.name ?? json.modified_by?.login ?? null,
    ownedBy: json.owned_by?.name ?? json.owned_by?.login ?? null,
  };
}

export function parseItem(raw: unknown): BoxItem {
  return toBoxItem(itemSchema.parse(raw));
}
