import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

/** What a handler answers; the server adds faults, logging and the error shapes. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body (logged, and validated by the conformance tests). */
  json?: unknown;
  /** A streamed binary body; `headers` must carry its content type and length. */
  stream?: Readable;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** `METHOD template`, e.g. `GET /2.0/folders/{folder_id}/items`: the key for faults and call counts. */
  route: string;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  /** Path template whose `{name}` segments become params; Box's spec paths after `/2.0` or `/api/2.0`. */
  template: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.template
    .split(/(\{[a-z_]+\})/)
    .map((part) => {
      const name = /^\{([a-z_]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/.]+)';
    })
    .join('');
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

/** A tiny method + path-template router: the emulator has few routes and no middleware to speak of. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(routes: Route[]): void {
    this.routes.push(...routes.map(compile));
  }

  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | 'method_not_allowed' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { route, params };
    }
    return pathMatched ? 'method_not_allowed' : undefined;
  }
}
