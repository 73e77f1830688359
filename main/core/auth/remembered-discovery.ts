import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { SignInSettings } from './sign-in-settings.ts';

/**
 * The identity provider's discovery document from the last launch, kept in the app's data
 * folder, so that a remembered session's refresh need not wait for discovery (one round trip
 * less at start-up, see docs/launch.md). It is public metadata, never a token. It serves only
 * that first refresh, and only when its issuer is the configured one and its token endpoint lies
 * on the issuer's own origin: a file someone changed can send the refresh token nowhere the
 * issuer does not answer. Discovery still runs beside it and serves everything else (sign-in,
 * revocation, end-session, later refreshes).
 */
export interface RememberedDiscovery {
  /** The remembered configuration for `settings`, or undefined (none, another issuer, unusable). */
  recall(
    settings: SignInSettings,
    clock: () => number,
    fetch?: oidc.CustomFetch,
  ): Promise<oidc.Configuration | undefined>;
  /** Keeps what discovery just answered for the next launch; a failure to write only costs that round trip. */
  remember(config: oidc.Configuration): Promise<void>;
}

const rememberedMetadata = z.looseObject({ issuer: z.string(), token_endpoint: z.string() });

/** A configuration from known metadata, set up as discoverProvider sets up a discovered one. */
export function configurationFrom(
  metadata: oidc.ServerMetadata,
  settings: SignInSettings,
  clock: () => number,
  fetch?: oidc.CustomFetch,
): oidc.Configuration {
  const skewSeconds = Math.round((clock() - Date.now()) / 1000);
  const config = new oidc.Configuration(metadata, settings.clientId, { [oidc.clockSkew]: skewSeconds }, oidc.None());
  if (new URL(settings.issuer).protocol === 'http:') oidc.allowInsecureRequests(config);
  config.timeout = 30;
  if (fetch) config[oidc.customFetch] = fetch;
  return config;
}

export function rememberedDiscoveryIn(file: string): RememberedDiscovery {
  return {
    async recall(settings, clock, fetch) {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      let metadata: z.infer<typeof rememberedMetadata>;
      try {
        metadata = rememberedMetadata.parse(JSON.parse(text));
      } catch {
        return undefined;
      }
      if (metadata.issuer !== settings.issuer || !URL.canParse(metadata.token_endpoint)) return undefined;
      if (new URL(metadata.token_endpoint).origin !== new URL(settings.issuer).origin) return undefined;
      return configurationFrom(metadata as oidc.ServerMetadata, settings, clock, fetch);
    },
    async remember(config) {
      const content = JSON.stringify(config.serverMetadata());
      const existing = await readFile(file, 'utf8').catch(() => undefined);
      if (existing === content) return;
      await mkdir(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, content);
      await rename(temporary, file);
    },
  };
}
