import { COLLABORATION_ROLES } from './collab-records.ts';
import { collaboratorRole, hasCollaborations, roleAllows } from './collaboration-access.ts';
import type { Emulator } from './emulator-state.ts';
import type { Operation } from './scopes.ts';
import { fieldPicker, fileFull, folderFull, itemFull } from './serialize.ts';
import type { FileRecord, FolderRecord, ItemRecord } from './store.ts';

type Json = Record<string, unknown>;

/** What the viewer may do with the item: everything as its owner, else what their collaboration role allows. */
function permissions(emu: Emulator, item: ItemRecord, viewerId: string): Json {
  const role = item.ownerId === viewerId ? 'co-owner' : collaboratorRole(emu.store, viewerId, item);
  const may = (operation: Operation) => role !== undefined && roleAllows(role, operation);
  const manages = role === 'co-owner' || role === 'editor';
  const base = {
    can_delete: may('delete'),
    can_download: may('download'),
    can_invite_collaborator: manages && item.parentId !== null,
    can_rename: may('rename'),
    can_set_share_access: may('share'),
    can_share: may('share'),
    can_upload: may('upload'),
  };
  if (item.kind === 'folder') return base;
  return {
    ...base,
    can_annotate: may('preview'),
    can_comment: may('preview'),
    can_preview: may('preview'),
    can_view_annotations_all: may('preview'),
    can_view_annotations_self: may('preview'),
  };
}

/** The fields Box sends only when asked for with `fields=`, shared by files and folders. */
function extraCommon(emu: Emulator, item: ItemRecord, viewerId: string): Json {
  const tags = item.extras?.tags ?? [];
  return {
    permissions: permissions(emu, item, viewerId),
    // The spec wants at least one tag when `tags` is present, so an untagged item leaves it out.
    ...(tags.length > 0 ? { tags } : {}),
    is_externally_owned: false,
    has_collaborations: hasCollaborations(emu.store, item),
    allowed_invitee_roles: item.parentId === null ? [] : [...COLLABORATION_ROLES],
    is_accessible_via_shared_link: Boolean(item.extras?.sharedLink),
    watermark_info: { is_watermarked: false, is_watermark_inherited: false, is_watermarked_by_access_policy: false },
    is_associated_with_app_item: false,
  };
}

function fileAllFields(emu: Emulator, file: FileRecord, viewerId: string): Json {
  const uploaderId = file.versions.at(-1)?.modifiedBy ?? file.ownerId;
  return {
    ...fileFull(emu.store, file),
    ...extraCommon(emu, file, viewerId),
    shared_link_permission_options: ['can_preview', 'can_download', 'can_edit'],
    uploader_display_name: emu.store.users.get(uploaderId)?.name ?? '',
    disposition_at: null,
  };
}

function folderAllFields(emu: Emulator, folder: FolderRecord, viewerId: string): Json {
  const levels = emu.enterprise.openSharedLinksAllowed
    ? ['open', 'company', 'collaborators']
    : ['company', 'collaborators'];
  return {
    ...folderFull(emu.store, folder),
    ...extraCommon(emu, folder, viewerId),
    sync_state: 'not_synced',
    can_non_owners_invite: true,
    can_non_owners_view_collaborators: true,
    is_collaboration_restricted_to_enterprise: false,
    allowed_shared_link_access_levels: folder.parentId === null ? [] : levels,
  };
}

/**
 * An item as a route answers it: Box's default fields, or with `fields=` exactly the named ones
 * (from every field Box documents for the type, seen by `viewerId`) plus the item's identity.
 */
export function itemJson(emu: Emulator, item: ItemRecord, fields: string | null, viewerId: string): Json {
  if (!fields) return itemFull(emu.store, item);
  const all = item.kind === 'file' ? fileAllFields(emu, item, viewerId) : folderAllFields(emu, item, viewerId);
  return fieldPicker(fields)(all);
}
