import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Outcome label of a token request, bounded so Prometheus series stay few. */
export type RequestOutcome =
  'issued' | 'invalid_token' | 'access_denied' | 'account_disabled' | 'rate_limited' | 'unavailable' | 'error';

/**
 * The backend's Prometheus metrics, in a registry of its own so that several servers
 * in one test process do not collide on prom-client's global registry.
 */
export class BackendMetrics {
  readonly registry = new Registry();
  readonly tokenRequests = new Counter({
    name: 'box_token_requests_total',
    help: 'POST /v1/box-token requests by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly boxCalls = new Counter({
    name: 'box_api_calls_total',
    help: 'HTTP calls to Box by method and endpoint (each retry counts)',
    labelNames: ['method', 'endpoint'] as const,
    registers: [this.registry],
  });
  readonly provisioningSeconds = new Histogram({
    name: 'box_provisioning_duration_seconds',
    help: 'Time from a verified ID token to a scoped Box token, by login kind',
    labelNames: ['kind'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly usersCreated = new Counter({
    name: 'box_users_created_total',
    help: 'Box users created by this backend',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly jwksFetches = new Counter({
    name: 'oidc_jwks_fetches_total',
    help: 'JWKS downloads from the identity provider (initial, expiry and unknown kid)',
    registers: [this.registry],
  });

  readonly sharedStateUp = new Gauge({
    name: 'shared_state_up',
    help: '1 while the shared store (Redis, or memory for one replica) answers; 0 while token requests fail closed',
    labelNames: ['store'] as const,
    registers: [this.registry],
  });
  readonly backchannelLogouts = new Counter({
    name: 'oidc_backchannel_logouts_total',
    help: 'Back-channel logout requests by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly scimRequests = new Counter({
    name: 'scim_requests_total',
    help: 'SCIM requests by resource type, method and HTTP status',
    labelNames: ['resource', 'method', 'status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
