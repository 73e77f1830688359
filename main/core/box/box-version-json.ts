/** Box's `file_version` JSON → what Version history shows. */
import { z } from 'zod';
import type { BoxFileVersion } from '../../../common/box-file-operations.ts';

export const versionFields = ['id', 'name', 'size', 'created_at', 'modified_by', 'version_number'] as const;

export const versionSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  size: z.number().nullish(),
  created_at: z.string().nullish(),
  modified_by: z.object({ name: z.string().optional(), login: z.string().optional() }).nullish(),
  version_number: z.string().nullish(),
});

export const versionsPageSchema = z.object({ entries: z.array(versionSchema) });

/** The file itself, for its current version: Box's list holds only the earlier ones. */
export const currentVersionFields = ['name', 'size', 'modified_at', 'modified_by', 'file_version', 'version_number'];
export const currentVersionSchema = z.object({
  name: z.string().optional(),
  size: z.number().nullish(),
  modified_at: z.string().nullish(),
  modified_by: z.object({ name: z.string().optional(), login: z.string().optional() }).nullish(),
  file_version: z.object({ id: z.string() }).nullish(),
  version_number: z.string().nullish(),
});

export function toVersion(json: z.infer<typeof versionSchema>): BoxFileVersion {
  return {
    id: json.id,
    versionNumber: json.version_number ?? null,
    name: json.name ?? '',
    size: json.size ?? null,
    createdAt: json.created_at ?? null,
    modifiedBy: json.modified_by?.name ?? json.modified_by?.login ?? null,
  };
}

export function toCurrentVersion(json: z.infer<typeof currentVersionSchema>): BoxFileVersion | null {
  if (!json.file_version) return null;
  return toVersion({
    id: json.file_version.id,
    name: json.name,
    size: json.size,
    created_at: json.modified_at,
    modified_by: json.modified_by,
    version_number: json.version_number,
  });
}
