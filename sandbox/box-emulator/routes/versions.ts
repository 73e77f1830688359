import { accessItem, authenticate } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { badRequest, notFound } from '../errors.ts';
import { readJson, stringField } from '../http-io.ts';
import { addVersion } from '../items.ts';
import type { Route } from '../router.ts';
import { fieldPicker, userMini } from '../serialize.ts';
import type { FileRecord, FileVersion } from '../store.ts';

function versionJson(emu: Emulator, file: FileRecord, version: FileVersion): Record<string, unknown> {
  const uploader = emu.store.users.get(version.modifiedBy ?? file.ownerId);
  return {
    type: 'file_version',
    id: version.id,
    sha1: version.content.sha1,
    name: version.name ?? file.name,
    size: version.content.size,
    created_at: version.createdAt,
    modified_at: version.createdAt,
    modified_by: uploader ? userMini(uploader) : null,
    trashed_at: null,
    restored_at: null,
    purged_at: null,
    uploader_display_name: uploader?.name ?? '',
    version_number: String(file.versions.indexOf(version) + 1),
  };
}

/**
 * A file's earlier versions (Box lists all but the current one, newest first) and promoting one:
 * its content becomes a new current version, as Box's "Promote version" does.
 */
export function versionRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/files/{file_id}/versions',
      handler: (ctx) => {
        const file = accessItem(emu, authenticate(emu, ctx), 'file', ctx.params.file_id ?? '', 'read');
        const pick = fieldPicker(ctx.url.searchParams.get('fields'));
        const entries = file.versions
          .slice(0, -1)
          .reverse()
          .map((v) => pick(versionJson(emu, file, v)));
        return { status: 200, json: { total_count: entries.length, limit: 1000, offset: 0, entries } };
      },
    },
    {
      method: 'GET',
      template: '/2.0/files/{file_id}/versions/{file_version_id}',
      handler: (ctx) => {
        const file = accessItem(emu, authenticate(emu, ctx), 'file', ctx.params.file_id ?? '', 'read');
        const version = file.versions.slice(0, -1).find((v) => v.id === ctx.params.file_version_id);
        if (!version) throw notFound('The file version was not found');
        return { status: 200, json: fieldPicker(ctx.url.searchParams.get('fields'))(versionJson(emu, file, version)) };
      },
    },
    {
      method: 'POST',
      template: '/2.0/files/{file_id}/versions/current',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const file = accessItem(emu, caller, 'file', ctx.params.file_id ?? '', 'upload');
        const body = await readJson(ctx.req);
        const id = stringField(body, 'id');
        if (id === undefined || stringField(body, 'type') !== 'file_version') {
          throw badRequest("Bad Request: 'id' and 'type: file_version' are required");
        }
        const old = file.versions.find((v) => v.id === id);
        if (!old) throw notFound('The file version was not found');
        const promoted = addVersion(emu, file, old.content, undefined, caller.user.id);
        return { status: 201, json: versionJson(emu, file, promoted) };
      },
    },
  ];
}
