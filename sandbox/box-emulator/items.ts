import type { ContentSource } from './content.ts';
import type { Emulator } from './emulator-state.ts';
import { BoxError, badRequest } from './errors.ts';
import { itemMini } from './serialize.ts';
import {
  nowIso,
  pruneExpired,
  randomId,
  type FileRecord,
  type FileVersion,
  type FolderRecord,
  type ItemRecord,
} from './store.ts';

/** Box rejects empty names, names over 255 characters, slashes, and `.`/`..`. */
export function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
    throw new BoxError(400, 'item_name_invalid', 'Item name invalid');
  }
  if (/[/\\]/.test(name) || name === '.' || name === '..' || name !== name.trim()) {
    throw new BoxError(400, 'item_name_invalid', 'Item name invalid');
  }
  return name;
}

/**
 * Box's 409 for a name already used in the target folder, with the conflicting item in
 * `context_info.conflicts`: an object for uploads, a list for folder operations and the upload
 * preflight (as Box's OpenAPI `ConflictError` shows).
 */
export function ensureNameFree(
  emu: Emulator,
  parent: FolderRecord,
  name: string,
  style: 'object' | 'list',
  except?: ItemRecord,
): void {
  const existing = emu.store.childByName(parent, name);
  if (!existing || existing === except) return;
  const conflict = itemMini(existing);
  throw new BoxError(409, 'item_name_in_use', 'Item with the same name already exists', {
    contextInfo: { conflicts: style === 'object' ? conflict : [conflict] },
  });
}

/** Checks the name, then returns what every new item under `parent` has. */
function newItemFields(emu: Emulator, parent: FolderRecord, name: string, conflictStyle: 'object' | 'list') {
  checkName(name);
  ensureNameFree(emu, parent, name, conflictStyle);
  const now = nowIso();
  return {
    id: emu.store.newId(),
    name,
    parentId: parent.id,
    ownerId: parent.ownerId,
    description: '',
    createdAt: now,
    modifiedAt: now,
    sequence: 0,
  };
}

function fileUnder<T extends ItemRecord>(emu: Emulator, parent: FolderRecord, item: T): T {
  emu.store.items.set(item.id, item);
  emu.store.attach(item, parent);
  return item;
}

export function createFolder(emu: Emulator, parent: FolderRecord, name: string): FolderRecord {
  const fields = newItemFields(emu, parent, name, 'list');
  return fileUnder(emu, parent, { ...fields, kind: 'folder', children: new Map() });
}

export function createFile(
  emu: Emulator,
  parent: FolderRecord,
  name: string,
  content: ContentSource,
  uploaderId?: string,
): FileRecord {
  const fields = newItemFields(emu, parent, name, 'object');
  const modifiedBy = uploaderId ?? fields.ownerId;
  const versions = [{ id: emu.store.newId(), content, createdAt: fields.createdAt, name, modifiedBy }];
  return fileUnder(emu, parent, { ...fields, kind: 'file', versions });
}

export function addVersion(
  emu: Emulator,
  file: FileRecord,
  content: ContentSource,
  newName?: string,
  uploaderId?: string,
): FileVersion {
  if (newName !== undefined && newName !== file.name) rename(emu, file, newName);
  const version = {
    id: emu.store.newId(),
    content,
    createdAt: nowIso(),
    name: file.name,
    modifiedBy: uploaderId ?? file.ownerId,
  };
  file.versions.push(version);
  emu.store.touch(file);
  return version;
}

export function rename(emu: Emulator, item: ItemRecord, name: string): void {
  checkName(name);
  const parent = item.parentId === null ? undefined : emu.store.folder(item.parentId);
  if (!parent) throw new BoxError(403, 'forbidden', 'The root folder cannot be renamed');
  ensureNameFree(emu, parent, name, item.kind === 'file' ? 'object' : 'list', item);
  emu.store.detach(item);
  item.name = name;
  emu.store.attach(item, parent);
  emu.store.touch(item);
}

/** `tags` on `PUT`: Box keeps up to 100 of them, each a string. */
export function setTags(emu: Emulator, item: ItemRecord, value: unknown): void {
  if (!Array.isArray(value) || value.length > 100 || !value.every((tag) => typeof tag === 'string' && tag !== '')) {
    throw badRequest("Bad Request: 'tags' must be a list of at most 100 names");
  }
  item.extras = { ...item.extras, tags: [...new Set(value as string[])] };
  emu.store.touch(item);
}

export function move(emu: Emulator, item: ItemRecord, target: FolderRecord): void {
  if (item.parentId === null) throw new BoxError(403, 'forbidden', 'The root folder cannot be moved');
  if (emu.store.isWithin(target, item.id)) throw badRequest('Cannot move a folder into itself or its descendants');
  ensureNameFree(emu, target, item.name, item.kind === 'file' ? 'object' : 'list', item);
  emu.store.detach(item);
  emu.store.attach(item, target);
  emu.store.touch(item);
}

/** A download ticket lives 15 minutes, like Box's signed download URLs. */
export function downloadUrl(emu: Emulator, file: FileRecord, version = file.versions.at(-1)): string {
  pruneExpired(emu.downloads);
  const ticket = randomId(20);
  emu.downloads.set(ticket, { fileId: file.id, versionId: version?.id ?? '', expiresAt: Date.now() + 15 * 60_000 });
  return `${emu.origin}/d/1/${ticket}/download`;
}
