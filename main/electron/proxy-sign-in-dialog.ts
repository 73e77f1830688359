import { BrowserWindow, session } from 'electron';
import type { AskProxyCredentials, ProxyCredentialRequest } from '../core/network/proxy-credentials.ts';
import type { ProxyResolver } from '../core/network/proxy-resolvers.ts';

/** Chromium's own answer for a URL (OS settings, PAC files, WPAD), in PAC form. */
export const chromiumProxyResolver: ProxyResolver = (url) => session.defaultSession.resolveProxy(url.href);

/** Where the dialog's form "goes": never loaded (the navigation is cancelled and read), `.invalid` never resolves. */
const submitUrl = 'https://proxy-sign-in.invalid/submit';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function dialogPage(request: ProxyCredentialRequest): string {
  const note = request.refused
    ? `<p role="alert">The proxy refused that user name or password (try ${request.attempt} of 3). Check them and try again.</p>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action ${submitUrl}">
<title>Proxy sign-in</title><style>
:root{color-scheme:light dark;font:14px system-ui,sans-serif}body{margin:16px}label{display:block;margin:8px 0 2px}
input{width:100%;box-sizing:border-box;padding:4px}p[role=alert]{color:#b00020}@media (prefers-color-scheme:dark){p[role=alert]{color:#ff8a80}}
.buttons{margin-top:12px;text-align:right}</style></head><body>
<form action="${submitUrl}" method="get"><p>The network proxy <strong>${escape(request.proxy)}</strong>${request.realm ? ` (${escape(request.realm)})` : ''} asks you to sign in.</p>${note}
<label for="u">User name</label><input id="u" name="u" autocomplete="username" required autofocus>
<label for="p">Password</label><input id="p" name="p" type="password" autocomplete="current-password" required>
<div class="buttons"><button type="submit">Sign in</button> <button type="submit" formaction="${submitUrl}?cancel=1" formnovalidate>Cancel</button></div>
</form></body></html>`;
}

/**
 * The proxy sign-in dialog: a small modal window with no preload and no Node, whose form's
 * navigation is cancelled and read here, so the password never leaves main memory (no IPC channel,
 * no file, no log). Closing the window cancels.
 */
export function createProxySignInDialog(parent: () => BrowserWindow | null): AskProxyCredentials {
  return (request) =>
    new Promise((resolve) => {
      const owner = parent() ?? undefined;
      const window = new BrowserWindow({
        width: 420,
        height: request.refused ? 300 : 260,
        resizable: false,
        minimizable: false,
        title: 'Proxy sign-in',
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
      void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(dialogPage(request))}`);
    });
}
