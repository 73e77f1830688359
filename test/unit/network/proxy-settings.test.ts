/** PAC answers, proxy URLs, the per-origin cache and the network settings' own checks. */
import { desktopConfigSchema, settingDefaults } from '../../../common/desktop-config-schema.ts';
import { cachedPerOrigin, environmentResolver } from '../../../main/core/network/proxy-resolvers.ts';
import { parseProxyAnswer, proxyUrlAsAnswer } from '../../../main/core/network/proxy-routes.ts';

test('a PAC answer becomes routes in order; unusable entries are skipped; nothing usable means DIRECT', () => {
  expect(parseProxyAnswer('PROXY a.corp:8080; HTTPS b.corp:443;SOCKS5 c.corp:1080 ; DIRECT')).toEqual([
    { kind: 'http', host: 'a.corp', port: 8080 },
    { kind: 'https', host: 'b.corp', port: 443 },
    { kind: 'socks5', host: 'c.corp', port: 1080 },
    { kind: 'direct' },
  ]);
  expect(parseProxyAnswer('SOCKS proxy:1081; PROXY [::1]:3128')).toEqual([
    { kind: 'socks5', host: 'proxy', port: 1081 },
    { kind: 'http', host: '::1', port: 3128 },
  ]);
  expect(parseProxyAnswer('PROXY nohost-port')).toEqual([{ kind: 'http', host: 'nohost-port', port: 80 }]);
  expect(parseProxyAnswer('SOCKS4 old:1080; QUIC q:443')).toEqual([{ kind: 'direct' }]);
  expect(parseProxyAnswer('')).toEqual([{ kind: 'direct' }]);
});

test('proxy URLs from policy or the environment read as PAC answers', () => {
  expect(proxyUrlAsAnswer('http://proxy.corp:8080')).toBe('PROXY proxy.corp:8080');
  expect(proxyUrlAsAnswer('https://proxy.corp')).toBe('HTTPS proxy.corp');
  expect(proxyUrlAsAnswer('socks5://s.corp:1080')).toBe('SOCKS5 s.corp:1080');
  // Credentials in an environment variable never reach a route (the app asks for them).
  expect(proxyUrlAsAnswer('http://user:pw@proxy.corp:3128')).toBe('PROXY proxy.corp:3128');
  expect(() => proxyUrlAsAnswer('ftp://proxy.corp')).toThrow(/http:, https: or socks5:/);
});

test('HTTPS_PROXY with NO_PROXY, as curl reads them', async () => {
  const saved = { ...process.env };
  try {
    process.env.HTTPS_PROXY = 'http://proxy.corp:3128';
    process.env.NO_PROXY = '.intranet.corp,localhost';
    await expect(environmentResolver(new URL('https://api.box.com/'))).resolves.toBe('PROXY proxy.corp:3128');
    await expect(environmentResolver(new URL('https://wiki.intranet.corp/'))).resolves.toBe('DIRECT');
  } finally {
    process.env = saved;
  }
});

test('answers are kept per origin for the time given, and a failed lookup is not kept', async () => {
  let now = 0;
  const asked: string[] = [];
  const cached = cachedPerOrigin(
    (url) => {
      asked.push(url.href);
      return url.hostname === 'fails.corp' ? Promise.reject(new Error('no')) : Promise.resolve('DIRECT');
    },
    { ttlMs: 1000, clock: () => now },
  );
  await cached(new URL('https://a.corp/x'));
  await cached(new URL('https://a.corp/y'));
  expect(asked).toHaveLength(1);
  now = 1500;
  await cached(new URL('https://a.corp/z'));
  expect(asked).toHaveLength(2);
  await expect(cached(new URL('https://fails.corp/'))).rejects.toThrow();
  await expect(cached(new URL('https://fails.corp/'))).rejects.toThrow();
  expect(asked).toHaveLength(4);
});

const base = {
  ...settingDefaults,
  issuer: 'https://idp.corp',
  clientId: 'desktop',
  backendUrl: 'https://backend.corp',
};

test('the network settings refuse what would silently do something else', () => {
  const issues = (value: object) => {
    const result = desktopConfigSchema.safeParse({ ...base, ...value });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  expect(issues({ proxyMode: 'fixed' })).toEqual(['proxyUrl: must be set when proxyMode is "fixed"']);
  expect(issues({ proxyMode: 'pac' })).toEqual(['pacUrl: must be set when proxyMode is "pac"']);
  expect(issues({ proxyMode: 'fixed', proxyUrl: 'http://u:p@proxy.corp:8080' })[0]).toMatch(/user name or password/);
  expect(issues({ proxyMode: 'fixed', proxyUrl: 'ftp://proxy.corp' })[0]).toMatch(
    /http:\/\/, https:\/\/ or socks5:\/\//,
  );
  expect(issues({ caBundleFiles: ['relative/ca.pem'] })[0]).toMatch(/absolute path/);
  expect(issues({ caBundlePem: 'not a certificate' })[0]).toMatch(/PEM/);
  expect(
    issues({ proxyMode: 'fixed', proxyUrl: 'http://proxy.corp:8080', caBundleFiles: ['/etc/corp/root.pem'] }),
  ).toEqual([]);
});
