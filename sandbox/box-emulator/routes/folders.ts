import { accessItem, authenticate, checkIfMatch, requireScope } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, badRequest } from '../errors.ts';
import { intParam, nestedId, readJson, stringField } from '../http-io.ts';
import { createFolder, move, rename, setTags } from '../items.ts';
import { changeSharedLink } from '../shared-links.ts';
import { trashItem } from '../trash.ts';
import { decodeMarker, encodeMarker } from '../markers.ts';
import type { RequestContext, Route } from '../router.ts';
import { compareDefault, folderFull, itemMini } from '../serialize.ts';
import { itemJson } from '../serialize-extended.ts';
import type { ItemRecord } from '../store.ts';

const MAX_LIMIT = 1000;

function comparator(sort: string | null, direction: string | null): (a: ItemRecord, b: ItemRecord) => number {
  const sign = direction?.toUpperCase() === 'DESC' ? -1 : 1;
  const key = (item: ItemRecord): string | number => {
    if (sort === 'id') return Number(item.id);
    if (sort === 'date') return item.modifiedAt;
    if (sort === 'size' && item.kind === 'file') return item.versions.at(-1)?.content.size ?? 0;
    return item.name.toLowerCase();
  };
  return (a, b) => {
    // Box always lists folders before files, whatever the sort.
    if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1;
    if (sort === null) return sign * compareDefault(a, b);
    const ka = key(a);
    const kb = key(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : 0);
  };
}

function listItems(emu: Emulator, ctx: RequestContext) {
  const caller = authenticate(emu, ctx);
  const folder = accessItem(emu, caller, 'folder', ctx.params.folder_id ?? '', 'read');
  const query = ctx.url.searchParams;
  const limit = Math.max(1, intParam(query, 'limit', 100, MAX_LIMIT));
  const useMarker = query.get('usemarker') === 'true';
  const marker = query.get('marker');
  const offset = useMarker ? decodeMarker(marker) : intParam(query, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const sort = query.get('sort');
  const direction = query.get('direction');
  const all = [...folder.children.values()]
    .map((id) => emu.store.items.get(id))
    .filter((item): item is ItemRecord => item !== undefined)
    .sort(comparator(sort, direction));
  const fields = query.get('fields');
  const entries = all
    .slice(offset, offset + limit)
    .map((item) => (fields ? itemJson(emu, item, fields, caller.user.id) : itemMini(item)));
  if (useMarker) {
    const next = offset + limit < all.length ? encodeMarker(offset + limit) : null;
    return { status: 200, json: { limit, next_marker: next, prev_marker: null, entries } };
  }
  const order = [
    { by: 'type', direction: 'ASC' },
    { by: sort ?? 'name', direction: direction?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC' },
  ];
  return { status: 200, json: { total_count: all.length, entries, offset, limit, order } };
}

export function folderRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/folders/{folder_id}',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        const folder = accessItem(emu, caller, 'folder', ctx.params.folder_id ?? '', 'read');
        if (folder.parentId !== null && ctx.req.headers['if-none-match'] === String(folder.sequence))
          return { status: 304 };
        return { status: 200, json: itemJson(emu, folder, ctx.url.searchParams.get('fields'), caller.user.id) };
      },
    },
    { method: 'GET', template: '/2.0/folders/{folder_id}/items', handler: (ctx) => listItems(emu, ctx) },
    {
      method: 'POST',
      template: '/2.0/folders',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        requireScope(caller, 'upload');
        const body = await readJson(ctx.req);
        const parentId = nestedId(body, 'parent');
        if (parentId === undefined) throw badRequest("Bad Request: 'parent' is required");
        const parent = accessItem(emu, caller, 'folder', parentId, 'upload');
        const folder = createFolder(emu, parent, stringField(body, 'name') ?? '');
        return { status: 201, json: folderFull(emu.store, folder) };
      },
    },
    {
      method: 'PUT',
      template: '/2.0/folders/{folder_id}',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const folder = accessItem(emu, caller, 'folder', ctx.params.folder_id ?? '', 'read');
        const body = await readJson(ctx.req);
        const name = stringField(body, 'name');
        const parentId = nestedId(body, 'parent');
        if ('shared_link' in body) {
          accessItem(emu, caller, 'folder', ctx.params.folder_id ?? '', 'share');
          changeSharedLink(emu, folder, body.shared_link);
        }
        if (name !== undefined && name !== folder.name) {
          requireScope(caller, 'rename');
          rename(emu, folder, name);
        }
        if (parentId !== undefined) {
          requireScope(caller, 'rename');
          move(emu, folder, accessItem(emu, caller, 'folder', parentId, 'upload'));
        }
        if ('tags' in body) setTags(emu, folder, body.tags);
        const description = stringField(body, 'description');
        if (description !== undefined) {
          folder.description = description;
          emu.store.touch(folder);
        }
        return { status: 200, json: itemJson(emu, folder, ctx.url.searchParams.get('fields'), caller.user.id) };
      },
    },
    {
      method: 'DELETE',
      template: '/2.0/folders/{folder_id}',
      handler: (ctx) => {
        const folder = accessItem(emu, authenticate(emu, ctx), 'folder', ctx.params.folder_id ?? '', 'delete');
        if (folder.parentId === null) throw new BoxError(403, 'forbidden', 'The root folder cannot be deleted');
        checkIfMatch(ctx, folder);
        if (folder.children.size > 0 && ctx.url.searchParams.get('recursive') !== 'true') {
          throw new BoxError(400, 'folder_not_empty', 'Cannot delete - folder not empty');
        }
        trashItem(emu, folder);
        return { status: 204 };
      },
    },
  ];
}
