import { authenticate, requireScope } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import type { Route } from '../router.ts';
import { itemJson } from '../serialize-extended.ts';
import { resolveSharedItem } from '../shared-links.ts';

/** `GET /shared_items` with the `BoxApi` header: the file or folder a shared link stands for. */
export function sharedItemRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/shared_items',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        requireScope(caller, 'read');
        const header = ctx.req.headers.boxapi;
        const item = resolveSharedItem(emu, caller, typeof header === 'string' ? header : undefined);
        if (ctx.req.headers['if-none-match'] === String(item.sequence)) return { status: 304 };
        return { status: 200, json: itemJson(emu, item, ctx.url.searchParams.get('fields'), caller.user.id) };
      },
    },
  ];
}
