import type { DesktopNetwork, ProxySource } from './create-outbound-network.ts';
import type { CertificateSources } from './trusted-certificates.ts';

/**
 * The effective proxy and certificate sources in words, for the settings screen's Network section
 * and the diagnostics report. Nothing here can hold a credential: proxy addresses come from
 * settings that refuse user names and passwords, and routes carry only host and port.
 */
export function networkSummary(desktop: DesktopNetwork): Record<string, string> {
  const summary: Record<string, string> = {
    Proxy: describeProxySource(desktop.proxySource),
    'Trusted certificates': describeCertificates(desktop.certificateSources),
  };
  for (const [host, route] of desktop.network.connector.lastRoutes) summary[`Connection to ${host}`] = route;
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
