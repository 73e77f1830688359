/**
 * The Network section words main's facts in the user's language; the diagnostics report keeps
 * English for the help desk. Both come from the same facts, so neither can drift from what the
 * network really does.
 */
import { act } from '@testing-library/react';
import type { NetworkFacts } from '../../../common/network-facts.ts';
import { networkSummary } from '../../../main/core/network/network-summary.ts';
import { applyLanguage } from '../../../renderer/src/i18n/i18n.ts';
import { networkLines } from '../../../renderer/src/settings/network-facts-text.ts';

const pacWithPolicy: NetworkFacts = {
  proxy: { mode: 'pac', pacUrl: 'https://wpad.example.com/proxy.pac' },
  certificates: {
    bundled: 146,
    system: { error: 'EACCES: permission denied' },
    policyFiles: [{ path: '/etc/box-sso-desktop/inspection-ca.pem', certificates: 1 }],
    policyPem: 2,
  },
  routes: [
    { server: 'api.box.com', proxy: 'PROXY proxy.example.com:3128' },
    { server: 'login.example.com', proxy: null },
  ],
};

const asText = (facts: NetworkFacts) => networkLines(facts).map((line) => `${line.label}: ${line.facts.join(' | ')}`);

describe('the Network section in the user language', () => {
  afterEach(() => act(() => applyLanguage('en')));

  it('English: the PAC file, each certificate source with its count, and each server’s route', () => {
    expect(asText(pacWithPolicy)).toEqual([
      'Proxy: Chosen by the PAC file https://wpad.example.com/proxy.pac (proxyMode “pac”)',
      'Trusted certificates: 146 roots built into the app | The operating system’s store could not be read (EACCES: permission denied) | 1 from /etc/box-sso-desktop/inspection-ca.pem (set by your organization) | 2 pasted into your organization’s policy',
      'Connection to api.box.com: Through PROXY proxy.example.com:3128',
      'Connection to login.example.com: Direct',
    ]);
  });

  it('German: the same facts in German, numbers in German digits, addresses as given', () => {
    act(() => applyLanguage('de'));
    const lines = asText({
      ...pacWithPolicy,
      proxy: { mode: 'fixed', proxyUrl: 'http://proxy.example.com:3128' },
      certificates: { ...pacWithPolicy.certificates, bundled: 1146, system: 3 },
    });
    expect(lines[0]).toBe('Proxy: http://proxy.example.com:3128 für jeden Server (proxyMode „fixed“)');
    expect(lines[1]).toMatch(
      /^Vertrauenswürdige Zertifikate: 1\.146 in die App eingebaute Stammzertifizierungsstellen \| 3 aus dem Zertifikatspeicher/,
    );
    expect(lines[2]).toBe('Verbindung zu api.box.com: Über PROXY proxy.example.com:3128');
    expect(lines[3]).toBe('Verbindung zu login.example.com: Direkt');
  });

  it('no network yet (the configuration could not be read): says so, in both places', () => {
    expect(asText(null)).toEqual([
      'Proxy: None yet: the configuration could not be read, so the app makes no connection',
      'Trusted certificates: None yet: the configuration could not be read, so the app makes no connection',
    ]);
    act(() => applyLanguage('de'));
    expect(asText(null)[0]).toMatch(/^Proxy: Noch keine: Die Konfiguration konnte nicht gelesen werden/);
    expect(networkSummary(null).Proxy).toMatch(/^none yet: the configuration could not be read/);
  });

  it('the diagnostics report words the same facts in English, whatever the window shows', () => {
    act(() => applyLanguage('de'));
    expect(networkSummary(pacWithPolicy)).toEqual({
      Proxy: 'chosen by the PAC file https://wpad.example.com/proxy.pac (proxyMode "pac")',
      'Trusted certificates':
        "146 bundled roots, the operating system's store could not be read (EACCES: permission denied), 1 from /etc/box-sso-desktop/inspection-ca.pem (policy), 2 pasted into the policy",
      'Connection to api.box.com': 'PROXY proxy.example.com:3128',
      'Connection to login.example.com': 'DIRECT',
    });
  });
});
