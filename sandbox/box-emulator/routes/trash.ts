import { accessItem, authenticate, requireScope } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { intParam, nestedId, readJson, stringField } from '../http-io.ts';
import { checkName } from '../items.ts';
import type { RequestContext, Route } from '../router.ts';
import { compareDefault, fieldPicker, itemMini, pickFields } from '../serialize.ts';
import { restoreItem, trashedItemsOf, trashedItself, trashedJson } from '../trash.ts';

/** Trash routes for one kind: read, restore (`POST /{kind}s/{id}`) and purge what the caller trashed. */
function trashRoutesFor(emu: Emulator, kind: 'file' | 'folder'): Route[] {
  const param = `${kind}_id`;
  const trashed = (ctx: RequestContext) => {
    const caller = authenticate(emu, ctx);
    return { caller, item: trashedItself(emu, caller.user.id, kind, ctx.params[param] ?? '') };
  };
  return [
    {
      method: 'GET',
      template: `/2.0/${kind}s/{${param}}/trash`,
      handler: (ctx) => {
        const { item } = trashed(ctx);
        return { status: 200, json: pickFields(trashedJson(emu, item), ctx.url.searchParams.get('fields')) };
      },
    },
    {
      method: 'POST',
      template: `/2.0/${kind}s/{${param}}`,
      handler: async (ctx) => {
        const { caller, item } = trashed(ctx);
        requireScope(caller, 'delete');
        const body = await readJson(ctx.req);
        const parentId = nestedId(body, 'parent');
        const name = stringField(body, 'name');
        const target = parentId === undefined ? undefined : accessItem(emu, caller, 'folder', parentId, 'upload');
        restoreItem(emu, item, target, name === undefined ? undefined : checkName(name));
        return { status: 201, json: pickFields(trashedJson(emu, item), ctx.url.searchParams.get('fields')) };
      },
    },
    {
      method: 'DELETE',
      template: `/2.0/${kind}s/{${param}}/trash`,
      handler: (ctx) => {
        const { caller, item } = trashed(ctx);
        requireScope(caller, 'delete');
        emu.store.remove(item);
        return { status: 204 };
      },
    },
  ];
}

export function trashRoutes(emu: Emulator): Route[] {
  return [
    {
      // Registered before the folder routes: `trash` would otherwise be taken for a folder id.
      method: 'GET',
      template: '/2.0/folders/trash/items',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        requireScope(caller, 'read');
        const query = ctx.url.searchParams;
        const limit = Math.max(1, intParam(query, 'limit', 100, 1000));
        const offset = intParam(query, 'offset', 0, Number.MAX_SAFE_INTEGER);
        const all = trashedItemsOf(emu, caller.user.id).sort(compareDefault);
        const fields = query.get('fields');
        const pick = fieldPicker(fields);
        const entries = all
          .slice(offset, offset + limit)
          .map((item) => (fields ? pick(trashedJson(emu, item)) : itemMini(item)));
        return { status: 200, json: { total_count: all.length, entries, offset, limit } };
      },
    },
    ...trashRoutesFor(emu, 'file'),
    ...trashRoutesFor(emu, 'folder'),
  ];
}
