/**
 * How the desktop's connections leave the machine, as data: main fills it in, the settings
 * screen words it in the user's language and the diagnostics report in English
 * (main/core/network/network-summary.ts). Nothing here can hold a credential: proxy addresses come
 * from settings that refuse user names and passwords, and routes carry only host and port.
 */

/** What chose the proxy. */
export type ProxySource =
  | { mode: 'direct' }
  | { mode: 'fixed'; proxyUrl: string }
  | { mode: 'pac'; pacUrl: string }
  | { mode: 'system'; via: 'chromium' | 'environment' };

/** Where the trusted certificate authorities came from. */
export interface CertificateSources {
  /** Node's bundled Mozilla roots. */
  bundled: number;
  /** The operating system's trust store (where IT installs a TLS-inspection root), or why it could not be read. */
  system: number | { error: string };
  /** Each policy CA file and how many certificates it held. */
  policyFiles: { path: string; certificates: number }[];
  /** Certificates pasted into the policy as PEM. */
  policyPem: number;
}

/** The last route one server was reached by. */
export interface ServerRoute {
  /** `host:port` of the server. */
  server: string;
  /** The proxy in PAC notation (`PROXY host:port`, `HTTPS …`, `SOCKS5 …`), or null for a direct connection. */
  proxy: string | null;
}

/** The whole picture, or null while no network exists (the configuration could not be read). */
export type NetworkFacts = {
  proxy: ProxySource;
  certificates: CertificateSources;
  routes: ServerRoute[];
} | null;
