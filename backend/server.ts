import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { BoxGateway, type BoxGatewayOptions } from './box-gateway.ts';
import type { BackendConfig } from './config.ts';
import { checkAccess } from './access-gate.ts';
import { AccessLog, noteForAccessLog } from './access-log.ts';
import { registerBackchannelLogout } from './backchannel-logout.ts';
import { bearerToken } from './bearer-token.ts';
import { BoxRejectedError, HttpError, RateLimitedError } from './http-errors.ts';
import { createIdTokenVerifier, type IdTokenVerifierOptions } from './id-token-verifier.ts';
import { createLogger } from './logger.ts';
import { fetchThrough, outboundDispatcher } from './outbound-dispatcher.ts';
import { BackendMetrics, type RequestOutcome } from './metrics.ts';
import { Provisioner, externalAppUserId } from './provisioner.ts';
import { TokenBuckets } from './rate-limiter.ts';
import { registerScim } from './scim/scim-routes.ts';
import { createSharedState } from './shared-state/create-shared-state.ts';

/** Knobs tests and the benchmark turn; production uses the defaults. */
export interface BackendOptions {
  logDestination?: DestinationStream;
  verifier?: Pick<IdTokenVerifierOptions, 'jwksCooldownMs' | 'jwksMaxAgeMs' | 'now'>;
  box?: Omit<BoxGatewayOptions, 'onCall'>;
}

export interface Backend {
  app: FastifyInstance;
  metrics: BackendMetrics;
  logger: Logger;
}

/** An ID token with a few groups fits easily; anything far larger is not one. */
const maxHeaderBytes = 16 * 1024;

const outcomeOf: Record<number, RequestOutcome> = {
  401: 'invalid_token',
  403: 'access_denied',
  429: 'rate_limited',
  503: 'unavailable',
};

export function createBackend(config: BackendConfig, options: BackendOptions = {}): Backend {
  const logger = createLogger(config.logLevel, options.logDestination);
  const metrics = new BackendMetrics();
  const sharedState = createSharedState(
    { redisUrl: config.redisUrl, scimStateFile: config.scim?.stateFile },
    {
      onStatus: (up) => {
        if (up) logger.info({ store: 'redis' }, 'shared store reachable');
        else logger.error({ store: 'redis' }, 'shared store unreachable: token requests fail closed (503)');
      },
    },
  );
  // The IdP is reached as Box is: through the configured proxy, trusting CA_BUNDLE_FILE.
  const idpDispatcher = outboundDispatcher();
  const verifier = createIdTokenVerifier({
    issuer: config.oidcIssuer,
    audience: config.oidcAudience,
    linkClaim: config.linkClaim,
    fetch: fetchThrough(idpDispatcher),
    onJwksFetch: () => metrics.jwksFetches.inc(),
    ...options.verifier,
  });
  const box = new BoxGateway(config, {
    ...options.box,
    onCall: (method, endpoint) => metrics.boxCalls.inc({ method, endpoint }),
  });
  const provisioner = new Provisioner(box, config.boxUserType, {
    onCreated: (type) => metrics.usersCreated.inc({ type }),
    externalId: config.externalId,
  });
  // A SCIM delete or relink on any replica drops this replica's cached Box user too.
  sharedState.onUserInvalidated((externalId) => provisioner.forgetLinked(externalId));
  // Per process on purpose: it guards this process's CPU before any signature check.
  const globalLimit = new TokenBuckets({ capacity: config.rateLimitGlobal, perSecond: config.rateLimitGlobal });

  // Widened so the instance has Fastify's default logger type, which callers expect.
  const baseLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: baseLogger,
    bodyLimit: 1024,
    http: { maxHeaderSize: maxHeaderBytes },
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    return503OnClosing: true,
    logController: new AccessLog(),
  });

  // The endpoints read no body: accept any (or none, even with a JSON content type) within bodyLimit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));

  app.addHook('onClose', async () => {
    await box.close();
    await idpDispatcher.close();
    await sharedState.close();
  });

  // Set as the request comes in (a synchronous hook: cheaper than an async onSend), so every
  // answer carries them, error and 404 answers included.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('Cache-Control', 'no-store');
    reply.header('Pragma', 'no-cache');
    done();
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof BoxRejectedError) {
      // A misconfigured Box app is the operator's to fix: said loudly, with Box's answer.
      request.log.error({ boxStatus: error.boxStatus }, error.logLine);
      return reply.code(error.status).send({ error: error.error, error_description: error.message });
    }
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.retryAfterSeconds));
      if (error.status === 401) reply.header('WWW-Authenticate', `Bearer error="invalid_token"`);
      noteForAccessLog(request, 'request refused', { error: error.error, reason: error.message });
      return reply.code(error.status).send({ error: error.error, error_description: error.message });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ errorName: error.name, message: error.message }, 'unexpected failure');
    return reply.code(status).send({
      error: status === 500 ? 'server_error' : 'invalid_request',
      error_description: status === 500 ? 'internal error' : error.message,
    });
  });

  app.post('/v1/box-token', async (request, reply) => {
    let outcome: RequestOutcome = 'error';
    try {
      const globalWait = globalLimit.take('all');
      if (globalWait > 0) throw new RateLimitedError('the service is busy, try again later', globalWait);
      const identity = await verifier.verify(bearerToken(request.headers.authorization));
      await checkAccess(sharedState, identity, externalAppUserId(identity, config.externalId));
      const identityWait = await sharedState.takeToken(
        `identity:${identity.issuer} ${identity.subject}`,
        config.rateLimitPerIdentity,
        config.rateLimitPerIdentity / 60,
      );
      if (identityWait > 0) throw new RateLimitedError('too many token requests for this identity', identityWait);

      const started = performance.now();
      const result = await provisioner.issueToken(identity, config.boxTokenScopes);
      const { token } = result;
      metrics.provisioningSeconds.observe(
        { kind: result.created ? 'first' : 'returning' },
        (performance.now() - started) / 1000,
      );
      noteForAccessLog(request, 'box token issued', { boxUserId: result.user.id, created: result.created });
      outcome = 'issued';
      return reply.send({
        access_token: token.accessToken,
        token_type: 'bearer',
        expires_in: token.expiresIn,
        scopes: config.boxTokenScopes,
        box_user: result.user,
      });
    } catch (error) {
      if (error instanceof HttpError)
        outcome = error.error === 'account_disabled' ? 'account_disabled' : (outcomeOf[error.status] ?? 'error');
      throw error;
    } finally {
      metrics.tokenRequests.inc({ outcome });
    }
  });

  registerBackchannelLogout(app, {
    verifier,
    state: sharedState,
    issuer: config.oidcIssuer,
    onLogout: (outcome) => metrics.backchannelLogouts.inc({ outcome }),
  });
  if (config.scim) {
    registerScim(app, {
      config: { ...config.scim, issuer: config.oidcIssuer, externalIdFormat: config.externalId },
      box,
      state: sharedState,
      retentionOwnerId: config.retentionOwnerId,
      onRequest: (labels) => metrics.scimRequests.inc(labels),
    });
  }

  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const checks = await Promise.allSettled([verifier.ready(), box.ensureServiceToken(), sharedState.ping()]);
    const [idp, boxCheck, store] = checks.map((check) => (check.status === 'fulfilled' ? 'ok' : 'unavailable'));
    const ready = idp === 'ok' && boxCheck === 'ok' && store === 'ok';
    if (!ready) request.log.warn({ idp, box: boxCheck, sharedState: store }, 'not ready');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', idp, box: boxCheck, sharedState: store });
  });

  app.get('/metrics', async (_request, reply) => {
    metrics.sharedStateUp.set({ store: sharedState.kind }, sharedState.isUp() ? 1 : 0);
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return { app, metrics, logger };
}
