import { accessItem, authenticate, checkIfMatch } from '../access.ts';
import { bufferSource } from '../content.ts';
import type { Emulator } from '../emulator-state.ts';
import { badRequest } from '../errors.ts';
import { nestedId, readJson, stringField, type JsonObject } from '../http-io.ts';
import { addVersion, checkName, createFile, ensureNameFree } from '../items.ts';
import { parseUpload } from '../multipart.ts';
import type { Route } from '../router.ts';
import { fileFull } from '../serialize.ts';
import { ensureFits } from '../storage.ts';

function sizeOf(body: JsonObject): number {
  const size = body.size;
  if (size === undefined) return 0;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0)
    throw badRequest("Bad Request: 'size' is not valid");
  return size;
}

export function uploadRoutes(emu: Emulator): Route[] {
  return [
    {
      // Preflight: would this upload be accepted? Answers the conflict or the quota before any bytes are sent.
      method: 'OPTIONS',
      template: '/2.0/files/content',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const body = await readJson(ctx.req);
        const parentId = nestedId(body, 'parent');
        if (parentId === undefined) throw badRequest("Bad Request: 'parent' is required");
        const parent = accessItem(emu, caller, 'folder', parentId, 'upload');
        const name = stringField(body, 'name');
        if (name !== undefined) ensureNameFree(emu, parent, checkName(name), 'list');
        ensureFits(emu.store, parent.ownerId, sizeOf(body));
        return { status: 200, json: { upload_url: `${emu.origin}/api/2.0/files/content`, upload_token: '' } };
      },
    },
    {
      method: 'OPTIONS',
      template: '/2.0/files/{file_id}/content',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const file = accessItem(emu, caller, 'file', ctx.params.file_id ?? '', 'upload');
        const body = await readJson(ctx.req);
        const name = stringField(body, 'name');
        const parent = file.parentId === null ? undefined : emu.store.folder(file.parentId);
        if (name !== undefined && parent) ensureNameFree(emu, parent, checkName(name), 'list', file);
        ensureFits(emu.store, file.ownerId, sizeOf(body), emu.store.size(file));
        return {
          status: 200,
          json: { upload_url: `${emu.origin}/api/2.0/files/${file.id}/content`, upload_token: '' },
        };
      },
    },
    {
      method: 'POST',
      template: '/api/2.0/files/content',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const { attributes, data } = await parseUpload(ctx.req);
        const parentId = nestedId(attributes, 'parent');
        if (parentId === undefined) throw badRequest("Bad Request: 'parent' is required in attributes");
        const parent = accessItem(emu, caller, 'folder', parentId, 'upload');
        ensureFits(emu.store, parent.ownerId, data.length);
        const file = createFile(emu, parent, stringField(attributes, 'name') ?? '', bufferSource(data), caller.user.id);
        return { status: 201, json: { total_count: 1, entries: [fileFull(emu.store, file)] } };
      },
    },
    {
      method: 'POST',
      template: '/api/2.0/files/{file_id}/content',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const file = accessItem(emu, caller, 'file', ctx.params.file_id ?? '', 'upload');
        checkIfMatch(ctx, file);
        const { attributes, data } = await parseUpload(ctx.req);
        const name = stringField(attributes, 'name');
        ensureFits(emu.store, file.ownerId, data.length, emu.store.size(file));
        addVersion(emu, file, bufferSource(data), name, caller.user.id);
        return { status: 200, json: { total_count: 1, entries: [fileFull(emu.store, file)] } };
      },
    },
  ];
}
