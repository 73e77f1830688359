import { assertIdpUrl } from '../../../main/core/auth/idp-url-guard.ts';

describe('openExternal guard for identity provider URLs', () => {
  const idp = ['https://login.example.com'];
  const sandbox = ['http://127.0.0.1:4000'];

  it('allows the provider https origin and a loopback http sandbox', () => {
    expect(() => assertIdpUrl('https://login.example.com/authorize?client_id=x', idp)).not.toThrow();
    expect(() => assertIdpUrl('http://127.0.0.1:4000/auth?x=1', sandbox)).not.toThrow();
  });

  it.each([
    ['plain http off loopback', 'http://login.example.com/authorize', ['http://login.example.com']],
    ['another origin', 'https://evil.example.com/authorize', idp],
    ['another port on loopback', 'http://127.0.0.1:4001/auth', sandbox],
    ['a script URL', 'javascript:alert(1)', idp],
    ['a file URL', 'file:///etc/passwd', idp],
    ['credentials in the URL', 'https://user:pw@login.example.com/authorize', idp],
  ])('refuses %s', (_label, url, allowed) => {
    expect(() => assertIdpUrl(url, allowed)).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });
});
