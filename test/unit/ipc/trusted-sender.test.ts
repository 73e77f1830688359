import { isTrustedSender, originOf } from '../../../main/core/ipc/trusted-sender.ts';

describe('isTrustedSender', () => {
  const allowed = ['app://bundle'];

  it('accepts our main frame on our origin, whatever the path', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', isMainFrame: true }, allowed)).toBe(true);
    expect(isTrustedSender({ url: 'app://bundle/', isMainFrame: true }, allowed)).toBe(true);
  });

  it.each<[{ url: string; isMainFrame: boolean } | null, string]>([
    [{ url: 'app://bundle/index.html', isMainFrame: false }, 'a subframe'],
    [{ url: 'app://bundle.evil/index.html', isMainFrame: true }, 'a look-alike host'],
    [{ url: 'https://bundle/', isMainFrame: true }, 'another scheme'],
    [{ url: 'file:///index.html', isMainFrame: true }, 'file:'],
    [{ url: 'not a url', isMainFrame: true }, 'garbage'],
    [null, 'no frame (destroyed)'],
  ])('refuses %j (%s)', (frame) => {
    expect(isTrustedSender(frame, allowed)).toBe(false);
  });

  it('derives origins for http and custom schemes', () => {
    expect(originOf('http://127.0.0.1:5173/x?y')).toBe('http://127.0.0.1:5173');
    expect(originOf('app://bundle/a/b')).toBe('app://bundle');
  });
});
