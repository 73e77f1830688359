import { accessItem, authenticate, checkIfMatch, requireScope } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { nestedId, readJson, stringField } from '../http-io.ts';
import { move, rename, setTags } from '../items.ts';
import { changeLock, ensureUnlockedFor } from '../locks.ts';
import { changeSharedLink } from '../shared-links.ts';
import { trashItem } from '../trash.ts';
import type { Route } from '../router.ts';
import { representationsJson } from '../representations.ts';
import { itemJson } from '../serialize-extended.ts';

export function fileRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/files/{file_id}',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        const file = accessItem(emu, caller, 'file', ctx.params.file_id ?? '', 'read');
        if (ctx.req.headers['if-none-match'] === String(file.sequence)) return { status: 304 };
        const fields = ctx.url.searchParams.get('fields');
        const json = itemJson(emu, file, fields, caller.user.id);
        // Box sends representations only when asked for, narrowed by the `x-rep-hints` header.
        if (fields?.split(',').some((f) => f.trim() === 'representations')) {
          const hints = ctx.req.headers['x-rep-hints'];
          json.representations = representationsJson(emu, file, typeof hints === 'string' ? hints : undefined);
        }
        return { status: 200, json };
      },
    },
    {
      method: 'PUT',
      template: '/2.0/files/{file_id}',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const file = accessItem(emu, caller, 'file', ctx.params.file_id ?? '', 'read');
        checkIfMatch(ctx, file);
        const body = await readJson(ctx.req);
        const name = stringField(body, 'name');
        const parentId = nestedId(body, 'parent');
        if ((name !== undefined && name !== file.name) || parentId !== undefined)
          ensureUnlockedFor(caller, file, 'rename');
        if ('shared_link' in body) {
          accessItem(emu, caller, 'file', file.id, 'share');
          changeSharedLink(emu, file, body.shared_link);
        }
        if ('lock' in body) {
          requireScope(caller, 'upload');
          changeLock(emu, caller, file, body.lock);
        }
        if (name !== undefined && name !== file.name) {
          requireScope(caller, 'rename');
          rename(emu, file, name);
        }
        if (parentId !== undefined) {
          requireScope(caller, 'rename');
          move(emu, file, accessItem(emu, caller, 'folder', parentId, 'upload'));
        }
        if ('tags' in body) setTags(emu, file, body.tags);
        const description = stringField(body, 'description');
        if (description !== undefined) {
          file.description = description;
          emu.store.touch(file);
        }
        return { status: 200, json: itemJson(emu, file, ctx.url.searchParams.get('fields'), caller.user.id) };
      },
    },
    {
      method: 'DELETE',
      template: '/2.0/files/{file_id}',
      handler: (ctx) => {
        const file = accessItem(emu, authenticate(emu, ctx), 'file', ctx.params.file_id ?? '', 'delete');
        checkIfMatch(ctx, file);
        trashItem(emu, file);
        return { status: 204 };
      },
    },
  ];
}
