/**
 * A scripted stand-in for the system browser: follows an authorize URL with fetch and a
 * cookie jar, submits the sandbox login form (or its Cancel button), lets the automatic
 * consent run, and stops at the first redirect that leaves the identity provider. It
 * returns that URL without loading it, so the caller decides when the loopback listener
 * sees the callback.
 */
export interface ScriptedLogin {
  username: string;
  password: string;
  /** 'cancel' presses Cancel on the login page, which yields error=access_denied. */
  action?: 'login' | 'cancel';
  /** Pass the same jar to keep the IdP session between calls (single sign-on). */
  cookies?: Map<string, string>;
  /** How the "browser" connects (a test's proxy-aware fetch); the global fetch by default. */
  fetch?: typeof fetch;
}

const maxHops = 20;

function storeCookies(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator < 1) continue;
    const name = pair.slice(0, separator).trim();
    const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
    if (expired) jar.delete(name);
    else jar.set(name, pair.slice(separator + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>): string =>
  [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

export async function completeLogin(authorizeUrl: string, login: ScriptedLogin): Promise<string> {
  const origin = new URL(authorizeUrl).origin;
  const jar = login.cookies ?? new Map<string, string>();
  let url = new URL(authorizeUrl);
  let request: RequestInit = { method: 'GET' };

  for (let hop = 0; hop < maxHops; hop++) {
    const response = await (login.fetch ?? fetch)(url, {
      ...request,
      redirect: 'manual',
      headers: { ...(request.headers as Record<string, string>), cookie: cookieHeader(jar) },
    });
    storeCookies(jar, response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== origin) return next.href;
      url = next;
      request = { method: 'GET' };
      continue;
    }
    const page = await response.text();
    const action = /action="(\/interaction\/[\w-]+\/login)"/.exec(page)?.[1];
    if (response.status !== 200 || !action) {
      throw new Error(`scripted browser: unexpected ${response.status} from ${url.pathname}: ${page.slice(0, 200)}`);
    }
    const cancel = login.action === 'cancel';
    url = new URL(cancel ? action.replace(/\/login$/, '/abort') : action, url);
    request = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: cancel ? '' : new URLSearchParams({ username: login.username, password: login.password }).toString(),
    };
  }
  throw new Error(`scripted browser: more than ${maxHops} redirects`);
}
