import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Emulator } from './emulator-state.ts';
import { BoxError, OAuthError, clientErrorBody } from './errors.ts';
import type { FaultSpec } from './faults.ts';
import { writeReply } from './respond.ts';
import type { Reply, RequestContext, Router } from './router.ts';
import { CONTROL_PREFIX } from './routes/control.ts';

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  429: 'too_many_requests',
  500: 'internal_server_error',
  503: 'unavailable',
};

/**
 * An injected status in the route's own shape: no body below 400 (e.g. a `202` "not ready yet")
 * or for `401`, OAuth2Error on the token endpoint, ClientError elsewhere.
 */
function faultReply(fault: FaultSpec & { status: number }): Reply {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  if (fault.status < 400 || fault.status === 401) return { status: fault.status, headers };
  if (fault.route.includes(' /oauth2/')) {
    const error = fault.status === 429 || fault.status >= 500 ? 'temporarily_unavailable' : 'invalid_request';
    return { status: fault.status, headers, json: { error, error_description: `Injected fault (${fault.status})` } };
  }
  const code =
    fault.code ?? STATUS_CODES[fault.status] ?? (fault.status >= 500 ? 'internal_server_error' : 'bad_request');
  const error = new BoxError(fault.status, code, `Injected fault (${fault.status})`);
  return { status: fault.status, headers, json: clientErrorBody(error) };
}

/** Turns a thrown error into Box's wire shape; anything unexpected is a 500 without internals. */
function errorReply(error: unknown): Reply {
  if (error instanceof OAuthError) {
    return { status: error.status, json: { error: error.error, error_description: error.message } };
  }
  if (error instanceof BoxError) {
    // Box answers 401 with a challenge header and no body.
    if (error.status === 401) return { status: 401, headers: error.headers };
    return { status: error.status, headers: error.headers, json: clientErrorBody(error) };
  }
  return { status: 500, json: clientErrorBody(new BoxError(500, 'internal_server_error', 'Internal Server Error')) };
}

/** Routes one request: call counts, faults, the handler, the reply, and the request log. */
export function createDispatcher(emu: Emulator, router: Router) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const startedAt = Date.now();
    const url = new URL(req.url ?? '/', emu.origin);
    const method = req.method ?? 'GET';
    const matched = router.match(method, url.pathname);
    const route = typeof matched === 'object' ? `${matched.route.method} ${matched.route.template}` : null;
    const control = url.pathname.startsWith(`${CONTROL_PREFIX}/`);
    let fault: FaultSpec | undefined;
    let reply: Reply;
    try {
      if (matched === undefined) throw new BoxError(404, 'not_found', 'Not Found');
      if (matched === 'method_not_allowed') throw new BoxError(405, 'method_not_allowed', 'Method Not Allowed');
      if (route && !control) {
        emu.log.count(route);
        fault = emu.faults.take(route);
      }
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.status !== undefined) {
        req.resume();
        reply = faultReply({ ...fault, route: route ?? '', status: fault.status });
      } else {
        const ctx: RequestContext = { req, res, url, params: matched.params, route: route ?? '' };
        reply = await matched.route.handler(ctx);
      }
    } catch (error) {
      req.resume();
      reply = errorReply(error);
    }
    if (!control) {
      emu.log.add({
        method,
        path: url.pathname,
        query: url.search,
        route,
        status: reply.status,
        startedAt,
        durationMs: Math.round(performance.now() - started),
        ...(emu.log.captureBodies && reply.json !== undefined ? { responseBody: reply.json } : {}),
      });
    }
    await writeReply(res, reply, fault);
  };
}
