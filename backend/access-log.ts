import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Load-balancer and Prometheus probes: every few seconds, so logged only at debug when they succeed. */
const probePaths = new Set(['/healthz', '/readyz', '/metrics']);

interface Note {
  message: string;
  fields: Record<string, unknown>;
}

const notes = new WeakMap<FastifyRequest, Note>();

/** What the access line of this request should say besides method, path, status and time (e.g. the Box user). */
export function noteForAccessLog(request: FastifyRequest, message: string, fields: Record<string, unknown>): void {
  notes.set(request, { message, fields });
}

/**
 * Fastify's request logging, one line per request, written when the answer has gone out: what
 * its two default lines ("incoming request", "request completed") say, plus the handler's note,
 * in one. A login used to write three JSON lines; at the default info level the logging is a
 * measurable part of a login's CPU (docs/backend.md, "Logs"), so a third of the lines matters. Probes that succeed go to debug: at a few per second they would drown the logins.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {
    // Said by the one line written when the request completes.
  }

  override routeNotFound(): void {
    // The completed line says 404 with the path.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const note = notes.get(request);
    const path = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
    const line = {
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      remoteAddress: request.ip,
      ...note?.fields,
    };
    const message = note?.message ?? 'request done';
    // An answer that could not be written (the client went away mid-answer, a socket error).
    if (error) request.log.error({ ...line, errorName: error.name, errorMessage: error.message }, message);
    // Box busy or unreachable, the IdP down: the service cannot do its job, which operators watch for.
    else if (reply.statusCode >= 500) request.log.warn(line, message);
    else if (reply.statusCode < 400 && probePaths.has(path)) request.log.debug(line, message);
    else request.log.info(line, message);
  }
}
