import type { DesktopConfig } from '../../../common/desktop-config-schema.ts';
import type { CertificateSources, ProxySource } from '../../../common/network-facts.ts';
import { KeytarSecretStore } from '../keychain/keytar-secret-store.ts';
import { MemoryFallbackSecretStore } from '../keychain/memory-fallback-secret-store.ts';
import type { SecretStore } from '../keychain/secret-store.ts';
import { OutboundNetwork } from './outbound-network.ts';
import { ProxyAuthenticator, type AskProxyCredentials } from './proxy-credentials.ts';
import {
  cachedPerOrigin,
  directResolver,
  environmentResolver,
  fixedProxyResolver,
  pacFileResolver,
  type ProxyResolver,
} from './proxy-resolvers.ts';
import { loadTrustedCertificates } from './trusted-certificates.ts';
import { TunnelConnector } from './tunnel-connector.ts';

export interface NetworkEffects {
  /** Chromium's `session.resolveProxy` (OS settings, PAC, WPAD), from the Electron shell; absent elsewhere. */
  resolveProxy?: ProxyResolver | undefined;
  /** The proxy sign-in dialog. */
  askProxyCredentials?: AskProxyCredentials | undefined;
  /** Where proxy credentials are kept; the OS keychain by default. */
  secretStore?: SecretStore | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface DesktopNetwork {
  network: OutboundNetwork;
  proxySource: ProxySource;
  certificateSources: CertificateSources;
}

/** Per-origin answers are kept this long: a changed PAC file or OS setting is seen within a minute. */
const proxyAnswerTtlMs = 60_000;

/**
 * The desktop's network from its settings: `proxyMode` picks the resolver (system = Chromium
 * in Electron, the *_PROXY variables elsewhere), the CA settings extend the trusted roots.
 */
export function createDesktopNetwork(config: DesktopConfig, effects: NetworkEffects = {}): DesktopNetwork {
  const trust = loadTrustedCertificates(config);
  const { resolver, source } = chooseResolver(config, effects, trust.ca);
  const auth = new ProxyAuthenticator(
    effects.secretStore ?? new MemoryFallbackSecretStore(new KeytarSecretStore()),
    effects.askProxyCredentials,
  );
  const connector = new TunnelConnector({
    resolveProxy: cachedPerOrigin(resolver, { ttlMs: proxyAnswerTtlMs }),
    ca: trust.ca,
    auth,
    ...(effects.log ? { log: effects.log } : {}),
  });
  return { network: new OutboundNetwork(connector), proxySource: source, certificateSources: trust.sources };
}

function chooseResolver(
  config: DesktopConfig,
  effects: NetworkEffects,
  ca: readonly string[],
): { resolver: ProxyResolver; source: ProxySource } {
  switch (config.proxyMode) {
    case 'direct':
      return { resolver: directResolver, source: { mode: 'direct' } };
    case 'fixed':
      // The schema requires proxyUrl with this mode.
      return { resolver: fixedProxyResolver(config.proxyUrl!), source: { mode: 'fixed', proxyUrl: config.proxyUrl! } };
    case 'pac':
      return {
        resolver: pacFileResolver(config.pacUrl!, (url) => fetchPacFile(url, ca)),
        source: { mode: 'pac', pacUrl: config.pacUrl! },
      };
    case 'system':
      return effects.resolveProxy
        ? { resolver: effects.resolveProxy, source: { mode: 'system', via: 'chromium' } }
        : { resolver: environmentResolver, source: { mode: 'system', via: 'environment' } };
  }
}

/** Direct connections never meet a proxy's 407, so nothing is ever kept. */
const noSecrets: SecretStore = {
  persistent: false,
  get: () => Promise.resolve(null),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(false),
};

/**
 * The outbound network with no proxy: what fetches a PAC file, and what the benchmarks measure
 * the desktop's Box calls over (the same agents and keep-alive as the app, minus the proxy).
 */
export function createDirectNetwork(ca: readonly string[]): OutboundNetwork {
  return new OutboundNetwork(
    new TunnelConnector({ resolveProxy: directResolver, ca, auth: new ProxyAuthenticator(noSecrets, undefined) }),
  );
}

/** A PAC file comes straight from its server (never through the proxy it chooses), with the same trusted CAs. */
async function fetchPacFile(url: string, ca: readonly string[]): Promise<string> {
  const network = createDirectNetwork(ca);
  try {
    const response = await network.fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`the PAC file at ${url} answered ${response.status}`);
    return await response.text();
  } finally {
    await network.close();
  }
}
