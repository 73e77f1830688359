import { createSafeOpenExternal, isSafeExternalUrl } from '../../../main/core/security/external-url.ts';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://login.example.com/authorize?client_id=x',
    'http://127.0.0.1:4000/auth',
    'http://localhost:4000/auth',
    'http://[::1]:4000/auth',
    'http://127.0.0.2:4000/auth',
  ])('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'http://login.example.com/authorize',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'https://user:pass@login.example.com/',
    'http://127.0.0.1.evil.example/',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('createSafeOpenExternal', () => {
  it('calls the platform opener only for a safe URL', async () => {
    const opened: string[] = [];
    const open = createSafeOpenExternal((url) => {
      opened.push(url);
      return Promise.resolve();
    });
    await open('https://login.example.com/');
    await expect(open('file:///etc/passwd')).rejects.toThrow('Refusing to open an unsafe URL (scheme file)');
    expect(opened).toEqual(['https://login.example.com/']);
  });
});
