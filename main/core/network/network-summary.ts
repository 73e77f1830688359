import type { CertificateSources, NetworkFacts, ProxySource } from '../../../common/network-facts.ts';
import type { DesktopNetwork } from './create-outbound-network.ts';

/** The effective proxy, certificate sources and last routes, as data for the settings screen. */
export function networkFacts(desktop: DesktopNetwork): NetworkFacts {
  return {
    proxy: desktop.proxySource,
    certificates: desktop.certificateSources,
    routes: [...desktop.network.connector.lastRoutes].map(([server, route]) => ({
      server,
      proxy: route === 'DIRECT' ? null : route,
    })),
  };
}

/**
 * The same facts in English words, for the diagnostics report (the help desk reads one language;
 * the settings screen words them in the user's, renderer/src/settings/network-facts-text.ts).
 */
export function networkSummary(facts: NetworkFacts): Record<string, string> {
  if (facts === null) {
    return {
      Proxy: 'none yet: the configuration could not be read, so the app makes no connection',
      'Trusted certificates': 'none yet: the configuration could not be read',
    };
  }
  const summary: Record<string, string> = {
    Proxy: describeProxySource(facts.proxy),
    'Trusted certificates': describeCertificates(facts.certificates),
  };
  for (const { server, proxy } of facts.routes) summary[`Connection to ${server}`] = proxy ?? 'DIRECT';
  return summary;
}

function describeProxySource(source: ProxySource): string {
  switch (source.mode) {
    case 'direct':
      return 'none: direct connections (set by proxyMode "direct")';
    case 'fixed':
      return `${source.proxyUrl} for every server (proxyMode "fixed")`;
    case 'pac':
      return `chosen by the PAC file ${source.pacUrl} (proxyMode "pac")`;
    case 'system':
      return source.via === 'chromium'
        ? "the system's settings, as Chromium reads them (OS proxy settings, PAC, WPAD)"
        : 'the HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables (development)';
  }
}

function describeCertificates(sources: CertificateSources): string {
  const parts = [`${sources.bundled} bundled roots`];
  parts.push(
    typeof sources.system === 'number'
      ? `${sources.system} from the operating system's store`
      : `the operating system's store could not be read (${sources.system.error})`,
  );
  for (const file of sources.policyFiles) parts.push(`${file.certificates} from ${file.path} (policy)`);
  if (sources.policyPem > 0) parts.push(`${sources.policyPem} pasted into the policy`);
  return parts.join(', ');
}
