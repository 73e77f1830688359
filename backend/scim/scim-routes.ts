import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import SCIMMY from 'scimmy';
import type { BoxGateway } from '../box-gateway.ts';
import type { ScimConfig } from '../config.ts';
import type { ExternalIdFormat } from '../provisioner.ts';
import type { SharedState } from '../shared-state/shared-state.ts';
import { BoxDirectory } from './box-directory.ts';
import { normalizeEntraPatch } from './entra-compat.ts';
import { refuseUnknownUserAttributes } from './known-attributes.ts';
import { ScimError, scimErrorBody, unwrap } from './scim-errors.ts';
import { ScimGroups } from './scim-groups.ts';
import { ScimUsers } from './scim-users.ts';
import { BoxGroups } from './box-groups.ts';
import { declareScimResources, scimBasePath, type ScimContext } from './scimmy-resources.ts';

export interface ScimDeps {
  config: ScimConfig & { issuer: string; externalIdFormat: ExternalIdFormat };
  box: BoxGateway;
  state: SharedState;
  retentionOwnerId: string | undefined;
  onRequest: (labels: { resource: string; method: string; status: string }) => void;
}

const scimContentType = 'application/scim+json';

type PatchMessage = Parameters<SCIMMY.Resources.User['patch']>[0];
type ListConfig = NonNullable<ConstructorParameters<typeof SCIMMY.Resources.User>[1]>;

/** Group PATCHes with many members are the largest requests identity providers send. */
const bodyLimitBytes = 256 * 1024;

/** Compares hashes, so neither the secret's length nor its bytes show in the timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function queryParams(request: FastifyRequest): Record<string, string> {
  const query = request.query as Record<string, unknown>;
  const params: Record<string, string> = {};
  for (const name of ['filter', 'startIndex', 'count', 'attributes', 'excludedAttributes']) {
    const value = query[name];
    if (typeof value === 'string') params[name] = value;
    else if (value !== undefined) throw new ScimError(400, `${name} must be given once`, 'invalidValue');
  }
  return params;
}

/** scimmy takes startIndex and count as numbers; anything else is refused before it reaches Box. */
function listConfig(params: Record<string, string>): ListConfig {
  const numbers: { startIndex?: number; count?: number } = {};
  for (const name of ['startIndex', 'count'] as const) {
    const value = params[name];
    if (value === undefined) continue;
    if (!/^\d{1,9}$/.test(value)) throw new ScimError(400, `${name} must be a non-negative integer`, 'invalidValue');
    numbers[name] = Number(value);
  }
  return { ...params, ...numbers };
}

/**
 * SCIM 2.0 (RFC 7644) at /scim/v2, for identity providers that provision App Users: every
 * request needs the configured bearer secret; bodies are SCIM JSON of bounded size; every
 * refusal is an RFC 7644 error.
 */
export function registerScim(app: FastifyInstance, deps: ScimDeps): void {
  declareScimResources();
  const directory = new BoxDirectory(deps.box);
  const ctx: ScimContext = {
    groups: new ScimGroups(new BoxGroups(deps.box), deps.state),
    users: new ScimUsers({
      directory,
      state: deps.state,
      issuer: deps.config.issuer,
      externalIdFormat: deps.config.externalIdFormat,
      linkAttribute: deps.config.linkAttribute,
      retentionOwnerId: deps.retentionOwnerId,
    }),
  };

  void app.register(
    (scope, _options, done) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        [scimContentType, 'application/json'],
        { parseAs: 'string', bodyLimit: bodyLimitBytes },
        (_request, body, parsed) => {
          try {
            parsed(null, JSON.parse(body as string));
          } catch {
            parsed(new ScimError(400, 'the body is not JSON', 'invalidSyntax'), undefined);
          }
        },
      );

      scope.addHook('onRequest', (request, reply, next) => {
        const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization?.trim() ?? '');
        if (match && sameSecret(match[1]!, deps.config.bearerToken)) return next();
        reply.header('WWW-Authenticate', 'Bearer realm="SCIM"');
        next(new ScimError(401, 'a valid bearer token is required'));
      });

      scope.addHook('onResponse', (request, reply, next) => {
        const resource = /^\/scim\/v2\/([A-Za-z]+)/.exec(request.url)?.[1] ?? 'unknown';
        deps.onRequest({ resource, method: request.method, status: String(reply.statusCode) });
        next();
      });

      scope.setErrorHandler((error, request, reply) => sendError(request, reply, error));
      scope.setNotFoundHandler((request, reply) =>
        sendError(
          request,
          reply,
          new ScimError(404, `no SCIM endpoint ${request.method} ${request.url.split('?')[0]}`),
        ),
      );

      scope.get('/ServiceProviderConfig', async (_request, reply) =>
        send(reply, 200, await new SCIMMY.Resources.ServiceProviderConfig().read()),
      );
      scope.get('/ResourceTypes', async (_request, reply) =>
        send(reply, 200, await new SCIMMY.Resources.ResourceType().read()),
      );
      scope.get<{ Params: { id: string } }>('/ResourceTypes/:id', async (request, reply) =>
        send(reply, 200, await new SCIMMY.Resources.ResourceType(request.params.id).read()),
      );
      scope.get('/Schemas', async (_request, reply) => send(reply, 200, await new SCIMMY.Resources.Schema().read()));
      scope.get<{ Params: { id: string } }>('/Schemas/:id', async (request, reply) =>
        send(reply, 200, await new SCIMMY.Resources.Schema(request.params.id).read()),
      );

      resourceRoutes(scope, '/Users', SCIMMY.Resources.User, ctx, refuseUnknownUserAttributes);
      resourceRoutes(scope, '/Groups', SCIMMY.Resources.Group, ctx, () => undefined);
      done();
    },
    { prefix: scimBasePath },
  );
}

type ResourceClass = typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group;

const send = (reply: FastifyReply, status: number, body: unknown) =>
  reply.code(status).type(scimContentType).send(JSON.stringify(body));

/** RFC 7644 §3's routes of one resource type: create, read, list, replace, patch, delete. */
function resourceRoutes(
  scope: FastifyInstance,
  path: string,
  Resource: ResourceClass,
  ctx: ScimContext,
  checkBody: (body: unknown) => void,
): void {
  scope.get(path, async (request, reply) =>
    send(reply, 200, await new Resource(undefined, listConfig(queryParams(request))).read(ctx)),
  );
  scope.get<{ Params: { id: string } }>(`${path}/:id`, async (request, reply) =>
    send(reply, 200, await new Resource(request.params.id, queryParams(request)).read(ctx)),
  );
  scope.post(path, async (request, reply) => {
    checkBody(request.body);
    const created = (await new Resource().write(request.body, ctx)) as unknown as { id: string };
    reply.header('Location', `${scimBasePath}${path}/${created.id}`);
    return send(reply, 201, created);
  });
  scope.put<{ Params: { id: string } }>(`${path}/:id`, async (request, reply) => {
    checkBody(request.body);
    return send(reply, 200, await new Resource(request.params.id).write(request.body, ctx));
  });
  scope.patch<{ Params: { id: string } }>(`${path}/:id`, async (request, reply) => {
    const resource = new Resource(request.params.id);
    const current = (await resource.read(ctx)) as unknown as Record<string, unknown>;
    const patched = await resource.patch(normalizeEntraPatch(request.body, current) as PatchMessage, ctx);
    return send(reply, 200, patched ?? (await resource.read(ctx)));
  });
  scope.delete<{ Params: { id: string } }>(`${path}/:id`, async (request, reply) => {
    await new Resource(request.params.id).dispose(ctx);
    return reply.code(204).send();
  });
}

function sendError(request: FastifyRequest, reply: FastifyReply, thrown: unknown): FastifyReply {
  const error = fastifyRefusal(thrown) ?? unwrap(thrown);
  if (error.status >= 500) request.log.error({ status: error.status, reason: error.message }, 'SCIM request failed');
  if (error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.retryAfterSeconds));
  return reply
    .code(error.status)
    .type(scimContentType)
    .send(JSON.stringify(scimErrorBody(error.status, error.message, error.scimType)));
}

/** Fastify's own refusals (too large, wrong content type, bad JSON) in SCIM's words. */
function fastifyRefusal(thrown: unknown): ScimError | undefined {
  const code = (thrown as { code?: unknown }).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ScimError(413, `the body exceeds ${bodyLimitBytes} bytes`);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new ScimError(415, `send ${scimContentType} (or application/json)`);
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new ScimError(400, 'the body is empty', 'invalidSyntax');
  return undefined;
}
