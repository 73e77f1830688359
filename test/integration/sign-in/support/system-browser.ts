import { completeLogin, type ScriptedLogin } from '../../../../sandbox/idp/scripted-browser.ts';

export interface CallbackVisit {
  status: number;
  headers: Headers;
  html: string;
  url: string;
}

/**
 * Plays the system browser for `openExternal`: returns at once (as the OS does) and, in the
 * background, logs in at the sandbox IdP and loads the loopback callback like a browser tab.
 */
export function scriptedSystemBrowser(login: ScriptedLogin | (() => ScriptedLogin)) {
  const opened: string[] = [];
  const visits: Promise<CallbackVisit>[] = [];
  const browse = async (url: string): Promise<CallbackVisit> => {
    const callback = await completeLogin(url, typeof login === 'function' ? login() : login);
    const response = await fetch(callback);
    return { status: response.status, headers: response.headers, html: await response.text(), url: callback };
  };
  return {
    opened,
    visits,
    openExternal: (url: string): Promise<void> => {
      opened.push(url);
      const visit = browse(url);
      visit.catch(() => undefined);
      visits.push(visit);
      return Promise.resolve();
    },
  };
}

/** Opens nothing: for tests that deliver the callback themselves. */
export function silentSystemBrowser() {
  const opened: string[] = [];
  let notify: (url: string) => void = () => undefined;
  const next = (): Promise<string> => new Promise((resolve) => (notify = resolve));
  let waiting = next();
  return {
    opened,
    /** Resolves with the next authorize URL the app opens. */
    nextOpened: () => waiting,
    openExternal: (url: string): Promise<void> => {
      opened.push(url);
      const current = notify;
      waiting = next();
      current(url);
      return Promise.resolve();
    },
  };
}
