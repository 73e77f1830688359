import { accessItem, authenticate, requireScope } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, badRequest } from '../errors.ts';
import { nestedId, readJson, stringField } from '../http-io.ts';
import { createFile, createFolder, ensureNameFree } from '../items.ts';
import type { Route } from '../router.ts';
import { itemJson } from '../serialize-extended.ts';
import type { FileRecord, FolderRecord } from '../store.ts';

function copyFile(emu: Emulator, file: FileRecord, parent: FolderRecord, name: string, uploaderId: string): FileRecord {
  const current = file.versions.at(-1);
  if (!current) throw badRequest('The file has no content');
  const copy = createFile(emu, parent, name, current.content, uploaderId);
  const source = emu.representations.sources.get(file.id);
  if (source) emu.representations.sources.set(copy.id, source);
  return copy;
}

/** Copies a folder and everything in it; the copy's children keep their names. */
function copyFolder(
  emu: Emulator,
  folder: FolderRecord,
  parent: FolderRecord,
  name: string,
  uploaderId: string,
): FolderRecord {
  const copy = createFolder(emu, parent, name);
  for (const childId of folder.children.values()) {
    const child = emu.store.items.get(childId);
    if (child?.kind === 'file') copyFile(emu, child, copy, child.name, uploaderId);
    else if (child) copyFolder(emu, child, copy, child.name, uploaderId);
  }
  return copy;
}

/**
 * `POST /files/{id}/copy` and `POST /folders/{id}/copy`: a name already used in the target is
 * `409 item_name_in_use` with the conflicting item, and a folder cannot be copied into itself.
 */
export function copyRoutes(emu: Emulator): Route[] {
  return (['file', 'folder'] as const).map((kind) => ({
    method: 'POST',
    template: `/2.0/${kind}s/{${kind}_id}/copy`,
    handler: async (ctx) => {
      const caller = authenticate(emu, ctx);
      requireScope(caller, 'upload');
      const source = accessItem(emu, caller, kind, ctx.params[`${kind}_id`] ?? '', 'download');
      const body = await readJson(ctx.req);
      const parentId = nestedId(body, 'parent');
      if (parentId === undefined) throw badRequest("Bad Request: 'parent' is required");
      const parent = accessItem(emu, caller, 'folder', parentId, 'upload');
      const name = stringField(body, 'name') ?? source.name;
      const fields = ctx.url.searchParams.get('fields');
      // Box answers a clash of any copy with the conflicting items as a list.
      ensureNameFree(emu, parent, name, 'list');
      if (source.kind === 'file') {
        const copy = copyFile(emu, source, parent, name, caller.user.id);
        return { status: 201, json: itemJson(emu, copy, fields, caller.user.id) };
      }
      if (source.parentId === null) throw new BoxError(403, 'forbidden', 'The root folder cannot be copied');
      if (emu.store.isWithin(parent, source.id)) throw badRequest('A folder cannot be copied into itself');
      const copy = copyFolder(emu, source, parent, name, caller.user.id);
      return { status: 201, json: itemJson(emu, copy, fields, caller.user.id) };
    },
  }));
}
