import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { secureOrLoopbackUrl } from './secure-url-schema.ts';

/**
 * Backend configuration from environment variables (docs/architecture.md, "Configuration").
 * Parsing is strict so that a mistyped setting stops the process at start-up with the
 * variable's name, instead of failing on the first employee's login.
 */

/** Box's own hosts; tests and sandbox mode point these at the emulator. */
const boxDefaults = {
  apiUrl: 'https://api.box.com',
  uploadUrl: 'https://upload.box.com/api',
  oauth2Url: 'https://account.box.com/api/oauth2',
};

/**
 * Scopes granted to the desktop, and nothing more (docs/backend.md explains each):
 * base_explorer lists and searches; item_upload uploads and creates folders; item_preview,
 * item_download, item_rename and item_delete each allow exactly the action they name;
 * item_share creates, changes and removes shared links ("Share"). Collaboration management beyond
 * that, comments, annotations and root-wide scopes are left out on purpose.
 */
export const defaultBoxTokenScopes = [
  'base_explorer',
  'item_preview',
  'item_download',
  'item_upload',
  'item_rename',
  'item_delete',
  'item_share',
] as const;

/** The IdP's and Box's addresses: tokens and the app's credentials travel to them. */
const secureUrl = secureOrLoopbackUrl('must be https (http is accepted only on a loopback host)');

const list = z
  .string()
  .transform((value) =>
    value
      .split(/[,\s]+/)
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()).min(1, 'must name at least one value'));

const envSchema = z
  .object({
    OIDC_ISSUER: secureUrl,
    OIDC_AUDIENCE: list,
    BOX_CONFIG_FILE: z.string().min(1).optional(),
    BOX_CLIENT_ID: z.string().min(1).optional(),
    BOX_CLIENT_SECRET: z.string().min(1).optional(),
    BOX_ENTERPRISE_ID: z.string().regex(/^\d+$/, 'must be the numeric enterprise id').optional(),
    BOX_USER_TYPE: z.enum(['app', 'managed']).default('app'),
    BOX_TOKEN_SCOPES: list.optional(),
    BOX_API_URL: secureUrl.default(boxDefaults.apiUrl),
    BOX_UPLOAD_URL: secureUrl.default(boxDefaults.uploadUrl),
    BOX_OAUTH2_URL: secureUrl.default(boxDefaults.oauth2Url),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RATE_LIMIT_PER_IDENTITY: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_GLOBAL: z.coerce.number().int().positive().default(500),
    BOX_EXTERNAL_ID: z.enum(['sub', 'issuer-sub']).default('sub'),
    OIDC_LINK_CLAIM: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]+$/, 'must be the name of an ID-token claim')
      .default('sub'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .optional(),
    SCIM_BEARER_TOKEN: z.string().min(32, 'must be at least 32 characters (a random secret)').optional(),
    SCIM_LINK_ATTRIBUTE: z.enum(['externalId', 'userName']).default('externalId'),
    SCIM_STATE_FILE: z.string().min(1).optional(),
    BOX_RETENTION_OWNER_ID: z.string().regex(/^\d+$/, 'must be a numeric Box user id').optional(),
    /** Extra CA certificates (PEM) for outbound TLS, besides Node's roots and the OS store: a TLS-inspecting proxy's root. */
    CA_BUNDLE_FILE: z
      .string()
      .min(1)
      .refine(holdsPemCertificates, 'must be a readable PEM file holding at least one certificate')
      .optional(),
  })
  .superRefine((env, ctx) => {
    const ccg = [env.BOX_CLIENT_ID, env.BOX_CLIENT_SECRET, env.BOX_ENTERPRISE_ID];
    if (env.BOX_CONFIG_FILE === undefined && ccg.some((value) => value === undefined)) {
      const missing = (['BOX_CLIENT_ID', 'BOX_CLIENT_SECRET', 'BOX_ENTERPRISE_ID'] as const).filter(
        (name) => env[name] === undefined,
      );
      ctx.addIssue({
        code: 'custom',
        path: [
          env.BOX_CLIENT_ID === undefined && env.BOX_CLIENT_SECRET === undefined ? 'BOX_CONFIG_FILE' : missing[0]!,
        ],
        message: `set BOX_CONFIG_FILE (JWT app) or all of BOX_CLIENT_ID, BOX_CLIENT_SECRET, BOX_ENTERPRISE_ID (client credentials); missing ${missing.join(', ')}`,
      });
    }
    if (env.SCIM_BEARER_TOKEN === undefined) return;
    // SCIM resources are App Users linked by external_app_user_id; managed users have no such link.
    if (env.BOX_USER_TYPE !== 'app') {
      ctx.addIssue({ code: 'custom', path: ['SCIM_BEARER_TOKEN'], message: 'SCIM needs BOX_USER_TYPE=app' });
    }
    // A store that forgets userName makes the identity provider create duplicates (docs/backend.md).
    if (env.REDIS_URL === undefined && env.SCIM_STATE_FILE === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SCIM_BEARER_TOKEN'],
        message: 'SCIM needs a durable store for its attributes: set REDIS_URL (several replicas) or SCIM_STATE_FILE',
      });
    }
  });

/** The subset of the Box developer console's JWT config file the backend reads. */
const boxJwtConfigFileSchema = z.object({
  boxAppSettings: z.object({
    clientID: z.string().min(1),
    clientSecret: z.string().min(1),
    appAuth: z.object({
      publicKeyID: z.string().min(1),
      privateKey: z.string().min(1),
      passphrase: z.string(),
    }),
  }),
  enterpriseID: z.string().min(1),
});

export type BoxCredentials =
  | { kind: 'jwt'; configJson: string; enterpriseId: string }
  | { kind: 'ccg'; clientId: string; clientSecret: string; enterpriseId: string };

function holdsPemCertificates(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').includes('-----BEGIN CERTIFICATE-----');
  } catch {
    return false;
  }
}

export interface BackendConfig {
  oidcIssuer: string;
  oidcAudience: string[];
  box: BoxCredentials;
  boxUserType: 'app' | 'managed';
  boxTokenScopes: string[];
  baseUrls: { apiUrl: string; uploadUrl: string; oauth2Url: string };
  host: string;
  port: number;
  logLevel: string;
  rateLimitPerIdentity: number;
  rateLimitGlobal: number;
  /** `issuer-sub` links users by issuer and subject, for several IdPs sharing one Box enterprise. */
  externalId: 'sub' | 'issuer-sub';
  /** The ID-token claim whose value is the link to the Box user (`sub`; `oid` for Entra ID, whose `sub` is pairwise). */
  linkClaim: string;
  /** Shared state for several replicas; memory when unset. */
  redisUrl: string | undefined;
  /** The SCIM service, when SCIM_BEARER_TOKEN is set. */
  scim: ScimConfig | undefined;
  /** Who receives a deleted user's content; the service account when unset. */
  retentionOwnerId: string | undefined;
}

export interface ScimConfig {
  bearerToken: string;
  /** The SCIM attribute holding the same value as the ID token's `linkClaim`. */
  linkAttribute: 'externalId' | 'userName';
  /** The SCIM attributes' file for a single replica without Redis. */
  stateFile: string | undefined;
}

/** Thrown for any bad setting; the message always starts with the variable's name. */
export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, reason: string) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** Reads and validates the Box JWT config file so a wrong path or a truncated file fails at start-up. */
function readJwtConfig(path: string): BoxCredentials {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      'BOX_CONFIG_FILE',
      `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('BOX_CONFIG_FILE', `${path} is not JSON`);
  }
  const parsed = boxJwtConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError('BOX_CONFIG_FILE', `${path}: ${issue.path.join('.')} ${issue.message}`);
  }
  return { kind: 'jwt', configJson: text, enterpriseId: parsed.data.enterpriseID };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): BackendConfig {
  // Empty strings count as unset, as shells and compose files often export them that way.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, variable in present || issue.code === 'custom' ? issue.message : 'is required');
  }
  const e = parsed.data;
  const box: BoxCredentials =
    e.BOX_CONFIG_FILE !== undefined
      ? readJwtConfig(e.BOX_CONFIG_FILE)
      : {
          kind: 'ccg',
          clientId: e.BOX_CLIENT_ID!,
          clientSecret: e.BOX_CLIENT_SECRET!,
          enterpriseId: e.BOX_ENTERPRISE_ID!,
        };
  return {
    oidcIssuer: e.OIDC_ISSUER,
    oidcAudience: e.OIDC_AUDIENCE,
    box,
    boxUserType: e.BOX_USER_TYPE,
    boxTokenScopes: e.BOX_TOKEN_SCOPES ?? [...defaultBoxTokenScopes],
    baseUrls: {
      apiUrl: e.BOX_API_URL.replace(/\/+$/, ''),
      uploadUrl: e.BOX_UPLOAD_URL.replace(/\/+$/, ''),
      oauth2Url: e.BOX_OAUTH2_URL.replace(/\/+$/, ''),
    },
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    rateLimitPerIdentity: e.RATE_LIMIT_PER_IDENTITY,
    rateLimitGlobal: e.RATE_LIMIT_GLOBAL,
    externalId: e.BOX_EXTERNAL_ID,
    linkClaim: e.OIDC_LINK_CLAIM,
    redisUrl: e.REDIS_URL,
    scim:
      e.SCIM_BEARER_TOKEN === undefined
        ? undefined
        : { bearerToken: e.SCIM_BEARER_TOKEN, linkAttribute: e.SCIM_LINK_ATTRIBUTE, stateFile: e.SCIM_STATE_FILE },
    retentionOwnerId: e.BOX_RETENTION_OWNER_ID,
  };
}
