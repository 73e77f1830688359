import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MainLanguage } from '../core/i18n/main-language.ts';
import type { AskProxyCredentials, ProxyCredential } from '../core/network/proxy-credentials.ts';
import { proxySignInPage } from '../electron/proxy-sign-in-page.ts';

/** Where the browser shell serves each proxy sign-in question: one random path per question. */
export const proxySignInPath = '/__browser-shell/proxy-sign-in/';

/** A form of a user name and a password is a few hundred bytes; anything far larger is not one. */
const maxFormBytes = 8 * 1024;

interface Question {
  page: string;
  answer: (credential: ProxyCredential | null) => void;
}

/**
 * The browser shell's proxy sign-in dialog, the Electron dialog's sibling: each question from the
 * core becomes the same page (main/electron/proxy-sign-in-page.ts) at a random path of the shell's
 * own origin, which `show` opens as a window of its own (a new tab in `npm run start:browser`, a
 * page the test drives in the browser tests). Its form posts back here, so the password goes from
 * the page straight to the core: never to the renderer, a file or a log. A question nobody can
 * show is answered "cancelled", as closing the dialog would.
 */
export class ProxySignInPages {
  readonly #show: (url: string) => Promise<void>;
  readonly #questions = new Map<string, Question>();
  #origin: string | undefined;

  /** The pages' language: the core's, which follows the window (the browser shell hands it to createCore). */
  readonly language: MainLanguage;

  constructor(show: (url: string) => Promise<void>, language = new MainLanguage([])) {
    this.#show = show;
    this.language = language;
  }

  /** The shell's origin, once it listens (questions asked before then are cancelled). */
  attach(origin: string): void {
    this.#origin = origin;
  }

  readonly ask: AskProxyCredentials = (request) =>
    new Promise((resolve) => {
      if (this.#origin === undefined) return resolve(null);
      const id = randomUUID();
      const action = `${proxySignInPath}${id}`;
      const page = proxySignInPage(
        request,
        {
          action,
          cancelAction: `${action}?cancel=1`,
          method: 'post',
          formActionSource: "'self'",
        },
        this.language,
      );
      this.#questions.set(id, { page, answer: resolve });
      this.#show(`${this.#origin}${action}`).catch(() => this.#answer(id, null));
    });

  /** Serves a question's page (GET) or takes its answer (POST); false when the path is not ours. */
  async handle(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<boolean> {
    if (!pathname.startsWith(proxySignInPath)) return false;
    const id = pathname.slice(proxySignInPath.length);
    const question = this.#questions.get(id);
    const headers = {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    };
    if (!question) {
      response.writeHead(404, headers).end(closedPage('This proxy sign-in is over. You can close this window.'));
      return true;
    }
    if (request.method === 'GET') {
      response.writeHead(200, headers).end(question.page);
      return true;
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { ...headers, Allow: 'GET, POST' }).end();
      return true;
    }
    const cancelled = new URL(request.url ?? '/', 'http://browser-shell').searchParams.has('cancel');
    const form = cancelled ? undefined : await readForm(request);
    if (!cancelled && form === undefined) {
      response.writeHead(413, headers).end(closedPage('That answer was too large.'));
      return true;
    }
    this.#answer(id, form ? { username: form.get('u') ?? '', password: form.get('p') ?? '' } : null);
    response
      .writeHead(200, headers)
      .end(
        closedPage(
          cancelled ? 'Proxy sign-in cancelled. You can close this window.' : 'Thank you. You can close this window.',
        ),
      );
    return true;
  }

  /** Every open question is cancelled (the shell is closing). */
  cancelAll(): void {
    for (const id of [...this.#questions.keys()]) this.#answer(id, null);
  }

  #answer(id: string, credential: ProxyCredential | null): void {
    const question = this.#questions.get(id);
    if (!question) return;
    this.#questions.delete(id);
    question.answer(credential);
  }
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  let body = '';
  for await (const chunk of request as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > maxFormBytes) return undefined;
  }
  return new URLSearchParams(body);
}

function closedPage(text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Proxy sign-in</title>
<style>:root{color-scheme:light dark;font:14px system-ui,sans-serif}body{margin:16px}</style></head>
<body><main><p role="status">${text}</p></main></body></html>`;
}
