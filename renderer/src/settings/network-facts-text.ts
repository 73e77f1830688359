import type { CertificateSources, NetworkFacts, ProxySource } from '../../../common/network-facts.ts';
import { formatCount } from '../components/format.ts';
import { i18n } from '../i18n/i18n.ts';

/** One line of the Network section: what it is about, and what is true of it (one or more facts). */
export interface NetworkLine {
  id: string;
  label: string;
  facts: string[];
}

/**
 * Main's network facts in the user's language (the diagnostics report words the same facts in
 * English, main/core/network/network-summary.ts). URLs, paths and proxy addresses are placed into
 * the sentences as given.
 */
export function networkLines(facts: NetworkFacts): NetworkLine[] {
  const t = i18n.t.bind(i18n);
  if (facts === null) {
    const notYet = [t('settings.network.notYet')];
    return [
      { id: 'proxy', label: t('settings.network.proxy'), facts: notYet },
      { id: 'certificates', label: t('settings.network.certificates'), facts: notYet },
    ];
  }
  return [
    { id: 'proxy', label: t('settings.network.proxy'), facts: [proxyText(facts.proxy)] },
    { id: 'certificates', label: t('settings.network.certificates'), facts: certificateTexts(facts.certificates) },
    ...facts.routes.map(({ server, proxy }) => ({
      id: `route-${server}`,
      label: t('settings.network.connectionTo', { host: server }),
      facts: [proxy === null ? t('settings.network.routeDirect') : t('settings.network.routeProxy', { proxy })],
    })),
  ];
}

function proxyText(source: ProxySource): string {
  switch (source.mode) {
    case 'direct':
      return i18n.t('settings.network.direct');
    case 'fixed':
      return i18n.t('settings.network.fixed', { url: source.proxyUrl });
    case 'pac':
      return i18n.t('settings.network.pac', { url: source.pacUrl });
    case 'system':
      return i18n.t(source.via === 'chromium' ? 'settings.network.chromium' : 'settings.network.environment');
  }
}

function certificateTexts(sources: CertificateSources): string[] {
  const counted = (count: number) => ({ count, formatted: formatCount(count) });
  const texts: string[] = [i18n.t('settings.network.bundled', counted(sources.bundled))];
  texts.push(
    typeof sources.system === 'number'
      ? i18n.t('settings.network.system', counted(sources.system))
      : i18n.t('settings.network.systemUnreadable', { error: sources.system.error }),
  );
  for (const file of sources.policyFiles)
    texts.push(i18n.t('settings.network.policyFile', { ...counted(file.certificates), path: file.path }));
  if (sources.policyPem > 0) texts.push(i18n.t('settings.network.policyPem', counted(sources.policyPem)));
  return texts;
}
