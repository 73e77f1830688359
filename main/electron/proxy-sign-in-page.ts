import type { MainLanguage } from '../core/i18n/main-language.ts';
import { fillWords } from '../core/i18n/main-words.ts';
import type { ProxyCredentialRequest } from '../core/network/proxy-credentials.ts';
import { maxProxyCredentialTries } from '../core/network/proxy-credentials.ts';

/**
 * The proxy sign-in dialog's page, Electron-free so that both shells show the same one: the
 * Electron shell in a small window whose form navigation it cancels and reads, the browser
 * shell in a page of its own whose form it posts back to itself (main/browser-shell/).
 */
export interface ProxySignInForm {
  /** Where the form goes: its action, and the CSP's `form-action`. */
  action: string;
  /** The same with Cancel's mark. */
  cancelAction: string;
  method: 'get' | 'post';
  /** The CSP `form-action` source that allows both. */
  formActionSource: string;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page in the window's language; the proxy's name and realm are shown as given, escaped. */
export function proxySignInPage(
  request: ProxyCredentialRequest,
  form: ProxySignInForm,
  language: MainLanguage,
): string {
  const words = language.words;
  const note = request.refused
    ? `<p role="alert">${escape(fillWords(words.proxyRefused, { attempt: String(request.attempt), max: String(maxProxyCredentialTries) }))}</p>`
    : '';
  const proxy = `<strong>${escape(request.proxy)}</strong>${request.realm ? ` (${escape(request.realm)})` : ''}`;
  const asks = escape(words.proxyAsks).replace(escape('{{proxy}}'), proxy);
  return `<!doctype html><html lang="${language.current}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action ${form.formActionSource}">
<title>${escape(words.proxyTitle)}</title><style>
:root{color-scheme:light dark;font:14px system-ui,sans-serif}body{margin:16px}main{max-width:28rem}label{display:block;margin:8px 0 2px}
input{width:100%;box-sizing:border-box;padding:4px}p[role=alert]{color:#b00020}@media (prefers-color-scheme:dark){p[role=alert]{color:#ff8a80}}
.buttons{margin-top:12px;text-align:right}</style></head><body><main>
<h1 style="font-size:1.1em">${escape(words.proxyTitle)}</h1>
<form action="${escape(form.action)}" method="${form.method}"><p>${asks}</p>${note}
<label for="u">${escape(words.proxyUserName)}</label><input id="u" name="u" autocomplete="username" required autofocus>
<label for="p">${escape(words.proxyPassword)}</label><input id="p" name="p" type="password" autocomplete="current-password" required>
<div class="buttons"><button type="submit">${escape(words.proxySignIn)}</button> <button type="submit" formaction="${escape(form.cancelAction)}" formnovalidate>${escape(words.proxyCancel)}</button></div>
</form></main></body></html>`;
}
