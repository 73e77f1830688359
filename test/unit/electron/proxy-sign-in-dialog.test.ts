/**
 * The Electron-only network pieces through the electron stand-in: Chromium's proxy answer is
 * what the transport's resolver gets, and the proxy sign-in dialog is a sandboxed window without
 * scripts whose form navigation is cancelled and read (the answer, Cancel, closing, and any other
 * navigation, which cancels). The same page runs for real in the browser shell's journey.
 */
import { MainLanguage } from '../../../main/core/i18n/main-language.ts';
import { parseProxyAnswer } from '../../../main/core/network/proxy-routes.ts';
import { chromiumProxyResolver, createProxySignInDialog } from '../../../main/electron/proxy-sign-in-dialog.ts';
import { recorded, StandInBrowserWindow } from '../../support/electron-stand-in.ts';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

const question = { proxy: 'proxy.corp.test:8080', realm: 'Corp <Proxy>', attempt: 2, refused: true };

/** Asks, and returns the dialog window the ask opened with the page it loaded. */
async function openDialog(parent: StandInBrowserWindow | null = null, language = new MainLanguage(['en-US'])) {
  const before = recorded.windows.length;
  const answer = createProxySignInDialog(() => parent as never, language)(question);
  await vi.waitFor(() => expect(recorded.windows.length).toBe(before + 1));
  const window = recorded.windows.at(-1)!;
  const page = decodeURIComponent(recorded.loadedUrls.at(-1)!.replace(/^data:text\/html;charset=utf-8,/, ''));
  /** What Electron does when the page navigates: `will-navigate`, which the dialog must prevent. */
  const navigate = (target: string) => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    window.webContents.emit('will-navigate', event, target);
    return event.prevented;
  };
  return { answer, window, page, navigate };
}

test("Chromium's answer for each URL is the resolver's, and reads as the routes to try", async () => {
  recorded.proxyAnswer = (url) =>
    url.startsWith('https://api.box.com') ? 'HTTPS p.corp.test:443; SOCKS5 s:1080; DIRECT' : 'DIRECT';
  const answer = await chromiumProxyResolver(new URL('https://api.box.com/2.0/folders/0'));
  expect(recorded.proxyLookups.at(-1)).toBe('https://api.box.com/2.0/folders/0');
  expect(parseProxyAnswer(answer)).toEqual([
    { kind: 'https', host: 'p.corp.test', port: 443 },
    { kind: 'socks5', host: 's', port: 1080 },
    { kind: 'direct' },
  ]);
});

test('the dialog is a sandboxed modal window without scripts, and its form answers', async () => {
  const parent = new StandInBrowserWindow({});
  const { answer, window, page, navigate } = await openDialog(parent);
  expect(window.options).toMatchObject({
    parent,
    modal: true,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  expect(window.options).not.toHaveProperty('webPreferences.preload');
  // The proxy's words are shown as text, never as markup; the refusal is said.
  expect(page).toContain('<strong>proxy.corp.test:8080</strong> (Corp &lt;Proxy&gt;)');
  expect(page).toContain('The proxy refused that user name or password (try 2 of 3)');
  expect(navigate('https://proxy-sign-in.invalid/submit?u=alice&p=p%40ss+word')).toBe(true);
  await expect(answer).resolves.toEqual({ username: 'alice', password: 'p@ss word' });
  expect(window.isDestroyed()).toBe(true);
});

test('the dialog speaks the window’s language, the proxy’s own words still shown as text', async () => {
  const language = new MainLanguage(['en-US']);
  language.set('de');
  const { answer, window, page, navigate } = await openDialog(null, language);
  expect(window.options).toMatchObject({ title: 'Anmeldung am Proxy' });
  expect(page).toContain('<html lang="de">');
  expect(page).toContain('Der Netzwerk-Proxy <strong>proxy.corp.test:8080</strong> (Corp &lt;Proxy&gt;) bittet Sie');
  expect(page).toContain('(Versuch 2 von 3)');
  expect(page).toContain('<label for="u">Benutzername</label>');
  expect(page).toContain('>Abbrechen</button>');
  expect(navigate('https://proxy-sign-in.invalid/submit?cancel=1&u=&p=')).toBe(true);
  await expect(answer).resolves.toBeNull();
});

test('Cancel, closing the window and any other navigation answer "cancelled"', async () => {
  const cancelled = await openDialog();
  expect(cancelled.navigate('https://proxy-sign-in.invalid/submit?cancel=1&u=&p=')).toBe(true);
  await expect(cancelled.answer).resolves.toBeNull();

  const closed = await openDialog();
  closed.window.close();
  await expect(closed.answer).resolves.toBeNull();

  const elsewhere = await openDialog();
  expect(elsewhere.navigate('https://evil.example/submit?u=alice&p=secret')).toBe(true);
  await expect(elsewhere.answer).resolves.toBeNull();
});
