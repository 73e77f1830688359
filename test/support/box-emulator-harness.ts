import { BoxCcgAuth, BoxClient, BoxDeveloperTokenAuth, BoxJwtAuth, CcgConfig, JwtConfig } from 'box-node-sdk';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import { startBoxEmulator, type BoxEmulator, type BoxEmulatorOptions } from '../../sandbox/box-emulator/index.ts';
import { BoxOpenApiValidator } from './box-openapi-validator.ts';

/** A `NetworkSession` aimed at the emulator's one origin, as the backend configures it. */
/** The SDK's base URLs for a server laid out as the emulator is (API, uploads and OAuth2 under one origin). */
export function emulatorBaseUrls(origin: string): BaseUrls {
  return new BaseUrls({ baseUrl: origin, uploadUrl: `${origin}/api`, oauth2Url: `${origin}/api/oauth2` });
}

export function emulatorSession(emulator: BoxEmulator): NetworkSession {
  return new NetworkSession({}).withCustomBaseUrls(emulatorBaseUrls(emulator.origin));
}

export function jwtAuth(emulator: BoxEmulator): BoxJwtAuth {
  return new BoxJwtAuth({ config: JwtConfig.fromConfigJsonString(JSON.stringify(emulator.appConfig)) });
}

export function ccgAuth(emulator: BoxEmulator, user?: string): BoxCcgAuth {
  const settings = emulator.appConfig.boxAppSettings;
  return new BoxCcgAuth({
    config: new CcgConfig({
      clientId: settings.clientID,
      clientSecret: settings.clientSecret,
      ...(user === undefined ? { enterpriseId: emulator.appConfig.enterpriseID } : { userId: user }),
    }),
  });
}

export function tokenClient(emulator: BoxEmulator, token: string): BoxClient {
  return new BoxClient({ auth: new BoxDeveloperTokenAuth({ token }), networkSession: emulatorSession(emulator) });
}

/**
 * An emulator that keeps response bodies, plus a check that every Box response it sent since
 * the last check conforms to Box's OpenAPI description.
 */
export interface ConformanceHarness {
  emulator: BoxEmulator;
  session: NetworkSession;
  /** The service account (enterprise JWT) client. */
  admin: BoxClient;
  /** A client acting as `userId` through the JWT user subject. */
  asUser(userId: string): BoxClient;
  /** Box's OpenAPI description, for bodies checked against one schema. */
  validator: BoxOpenApiValidator;
  /** Validates the new log entries; returns how many bodies were checked and the failures. */
  checkConformance(): Promise<{ checked: number; failures: string[] }>;
  close(): Promise<void>;
}

const SPEC_ROUTE = /^[A-Z]+ (\/2\.0\/|\/api\/2\.0\/|\/oauth2\/)/;
/** Box's internal rendition URLs (a representation's `info.url`) are not operations of the spec. */
const INTERNAL_ROUTE = /^[A-Z]+ \/2\.0\/internal_files\//;

let sharedValidator: BoxOpenApiValidator | undefined;

export async function startConformanceHarness(options: BoxEmulatorOptions = {}): Promise<ConformanceHarness> {
  const emulator = await startBoxEmulator({ captureBodies: true, ...options });
  sharedValidator ??= new BoxOpenApiValidator();
  const validator = sharedValidator;
  const session = emulatorSession(emulator);
  const auth = jwtAuth(emulator);
  let lastSeq = 0;
  return {
    emulator,
    session,
    admin: new BoxClient({ auth, networkSession: session }),
    validator,
    asUser: (userId) => new BoxClient({ auth: auth.withUserSubject(userId), networkSession: session }),
    async checkConformance() {
      const entries = await emulator.controls.requests(lastSeq);
      lastSeq = entries.at(-1)?.seq ?? lastSeq;
      const failures: string[] = [];
      let checked = 0;
      for (const entry of entries) {
        if (entry.route === null || entry.responseBody === undefined || !SPEC_ROUTE.test(entry.route)) continue;
        if (INTERNAL_ROUTE.test(entry.route)) continue;
        const template = entry.route.slice(entry.route.indexOf(' ') + 1);
        checked += 1;
        failures.push(...validator.validate(entry.method, template, entry.status, entry.responseBody));
      }
      return { checked, failures };
    },
    close: () => emulator.close(),
  };
}
