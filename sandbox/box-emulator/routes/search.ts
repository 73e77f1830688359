import { authenticate, requireScope } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { badRequest } from '../errors.ts';
import { intParam } from '../http-io.ts';
import type { Route } from '../router.ts';
import { isTrashed } from '../trash-state.ts';
import { itemFull, nameCollator } from '../serialize.ts';
import { itemJson } from '../serialize-extended.ts';
import type { ItemRecord } from '../store.ts';

/**
 * Box search over the caller's own items: a case-insensitive name match (Box also searches
 * content and metadata, which the emulator does not), filtered by type and ancestor folders.
 */
export function searchRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/search',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        requireScope(caller, 'read');
        const query = ctx.url.searchParams;
        const text = query.get('query')?.trim().toLowerCase() ?? '';
        if (text === '') throw badRequest('The query parameter is required');
        const type = query.get('type');
        if (type !== null && !['file', 'folder', 'web_link'].includes(type)) throw badRequest('Invalid value for type');
        const ancestors = (query.get('ancestor_folder_ids') ?? '')
          .split(',')
          .filter((id) => id !== '')
          .map((id) => emu.store.resolveFolderId(caller.user.id, id));
        const resource = caller.token.resource;
        const limit = Math.max(1, intParam(query, 'limit', 30, 200));
        const offset = intParam(query, 'offset', 0, Number.MAX_SAFE_INTEGER);
        const matches: ItemRecord[] = [];
        for (const item of emu.store.items.values()) {
          if (item.ownerId !== caller.user.id || item.parentId === null || isTrashed(emu.store, item)) continue;
          if (type !== null && item.kind !== type) continue;
          if (!item.name.toLowerCase().includes(text)) continue;
          if (ancestors.length > 0 && !ancestors.some((id) => item.id !== id && emu.store.isWithin(item, id))) continue;
          if (resource && !emu.store.isWithin(item, resource.id)) continue;
          matches.push(item);
        }
        matches.sort((a, b) => nameCollator.compare(a.name, b.name));
        const fields = query.get('fields');
        return {
          status: 200,
          json: {
            type: 'search_results_items',
            total_count: matches.length,
            limit,
            offset,
            entries: matches
              .slice(offset, offset + limit)
              .map((item) => (fields ? itemJson(emu, item, fields, caller.user.id) : itemFull(emu.store, item))),
          },
        };
      },
    },
  ];
}
