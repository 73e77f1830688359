import { BrowserWindow, session } from 'electron';
import type { MainLanguage } from '../core/i18n/main-language.ts';
import type { AskProxyCredentials } from '../core/network/proxy-credentials.ts';
import type { ProxyResolver } from '../core/network/proxy-resolvers.ts';
import { proxySignInPage } from './proxy-sign-in-page.ts';

/** Chromium's own answer for a URL (OS settings, PAC files, WPAD), in PAC form. */
export const chromiumProxyResolver: ProxyResolver = (url) => session.defaultSession.resolveProxy(url.href);

/** Where the dialog's form "goes": never loaded (the navigation is cancelled and read), `.invalid` never resolves. */
const submitUrl = 'https://proxy-sign-in.invalid/submit';

const form = {
  action: submitUrl,
  cancelAction: `${submitUrl}?cancel=1`,
  method: 'get',
  formActionSource: submitUrl,
} as const;

/**
 * The proxy sign-in dialog: a small modal window with no preload and no Node, whose form's
 * navigation is cancelled and read here, so the password never leaves main memory (no IPC channel,
 * no file, no log). Closing the window cancels.
 */
export function createProxySignInDialog(
  parent: () => BrowserWindow | null,
  language: MainLanguage,
): AskProxyCredentials {
  return (request) =>
    new Promise((resolve) => {
      const owner = parent() ?? undefined;
      const window = new BrowserWindow({
        width: 420,
        height: request.refused ? 300 : 260,
        resizable: false,
        minimizable: false,
        title: language.words.proxyTitle,
        ...(owner ? { parent: owner, modal: true } : {}),
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
      });
      let answered = false;
      const answer = (value: { username: string; password: string } | null): void => {
        if (answered) return;
        answered = true;
        resolve(value);
        if (!window.isDestroyed()) window.close();
      };
      window.webContents.on('will-navigate', (event, target) => {
        event.preventDefault();
        const url = new URL(target);
        if (`${url.origin}${url.pathname}` !== submitUrl || url.searchParams.has('cancel')) return answer(null);
        answer({ username: url.searchParams.get('u') ?? '', password: url.searchParams.get('p') ?? '' });
      });
      window.on('closed', () => answer(null));
      void window.loadURL(
        `data:text/html;charset=utf-8,${encodeURIComponent(proxySignInPage(request, form, language))}`,
      );
    });
}
