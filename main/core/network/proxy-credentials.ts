import type { SecretStore } from '../keychain/secret-store.ts';
import { appError } from '../errors/error-catalog.ts';

/** What the user is asked for one proxy. */
export interface ProxyCredentialRequest {
  /** The proxy, host:port. */
  proxy: string;
  /** The proxy's realm from its challenge, if it gave one. */
  realm: string | undefined;
  /** 1 for the first ask; more when the last name and password were refused. */
  attempt: number;
  /** Whether the last name and password were refused (the dialog says so). */
  refused: boolean;
}

export interface ProxyCredential {
  username: string;
  password: string;
}

/**
 * The core effect behind the proxy sign-in dialog (a small window in the Electron shell, a
 * stand-in in tests). Null means the user cancelled.
 */
export type AskProxyCredentials = (request: ProxyCredentialRequest) => Promise<ProxyCredential | null>;

/** Three refused name-and-password pairs in a row and the app stops asking (and tells the user why). */
export const maxProxyCredentialTries = 3;

/** How long after giving up the retries of one action (the SDK's, a download's) fail without asking. */
const giveUpQuietMs = 30_000;

interface ProxyState {
  header: string | undefined;
  /** Whether `header` is already in the keychain. */
  saved: boolean;
  refusals: number;
  /** When the app last gave up on this proxy: retries of the same action fail at once instead of asking again. */
  gaveUpAt: number | undefined;
  asking: Promise<string> | undefined;
}

/** Keychain accounts of proxy credentials: one per proxy, never beside a refresh token's. */
export function proxyCredentialAccount(proxy: string): string {
  return `proxy ${proxy}`;
}

/**
 * Basic proxy authentication for every connection the desktop makes: one ask per proxy, shared by
 * the connections that meet its `407` at the same time, the answer kept in the OS keychain and in
 * memory (never in a file or a log), asked again with a "refused" note when the proxy refuses it,
 * and given up after three refusals.
 */
export class ProxyAuthenticator {
  readonly #store: SecretStore;
  readonly #ask: AskProxyCredentials | undefined;
  readonly #states = new Map<string, ProxyState>();
  readonly #clock: () => number;

  constructor(store: SecretStore, ask: AskProxyCredentials | undefined, clock: () => number = Date.now) {
    this.#store = store;
    this.#ask = ask;
    this.#clock = clock;
  }

  /** The Proxy-Authorization value to send first: remembered, or from the keychain. */
  async headerFor(proxy: string): Promise<string | undefined> {
    const state = this.#state(proxy);
    if (state.header === undefined && !state.asking) {
      const stored = await this.#store.get(proxyCredentialAccount(proxy)).catch(() => null);
      if (stored !== null && state.header === undefined) {
        state.header = stored;
        state.saved = true;
      }
    }
    return state.header;
  }

  /** The proxy let a connection through with `header`: keep it in the keychain for the next run. */
  async accepted(proxy: string, header: string | undefined): Promise<void> {
    const state = this.#state(proxy);
    if (header === undefined || header !== state.header) return;
    state.refusals = 0;
    if (state.saved) return;
    state.saved = true;
    // Without a keychain it stays in memory for this run only.
    await this.#store.set(proxyCredentialAccount(proxy), header).catch(() => undefined);
  }

  /**
   * The proxy answered `407` to a connection that sent `sent`: the header to try next (asking the
   * user when no newer one exists), or an AppError once the user cancels or three answers were refused.
   */
  async refused(proxy: string, sent: string | undefined, challenge: string | undefined): Promise<string> {
    const state = this.#state(proxy);
    if (!/^\s*basic\b/i.test(challenge ?? '') && !/,\s*basic\b/i.test(challenge ?? '')) {
      const scheme = (challenge ?? '').trim().split(/\s+/)[0] || 'an unknown method';
      throw appError('proxy_auth_failed', 'unsupported', { proxy, problem: scheme });
    }
    if (state.asking) return state.asking;
    if (state.gaveUpAt !== undefined && this.#clock() - state.gaveUpAt < giveUpQuietMs)
      throw appError('proxy_auth_failed', 'rejected', { proxy });
    // Another connection already has a newer answer from the user; try that one.
    if (state.header !== undefined && state.header !== sent) return state.header;
    if (sent !== undefined) {
      state.header = undefined;
      if (state.saved) await this.#store.delete(proxyCredentialAccount(proxy)).catch(() => false);
      state.saved = false;
      state.refusals += 1;
    }
    if (state.refusals >= maxProxyCredentialTries) {
      // The next action the user takes may ask again: they may have reset the password meanwhile.
      state.refusals = 0;
      state.gaveUpAt = this.#clock();
      throw appError('proxy_auth_failed', 'rejected', { proxy });
    }
    const ask = this.#ask;
    if (!ask) throw appError('proxy_auth_failed', 'cancelled', { proxy });
    const realm = /realm="([^"]*)"/i.exec(challenge ?? '')?.[1];
    state.asking = ask({ proxy, realm, attempt: state.refusals + 1, refused: state.refusals > 0 })
      .then((credential) => {
        if (credential === null) throw appError('proxy_auth_failed', 'cancelled', { proxy });
        state.gaveUpAt = undefined;
        const header = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
        state.header = header;
        return header;
      })
      .finally(() => (state.asking = undefined));
    return state.asking;
  }

  #state(proxy: string): ProxyState {
    let state = this.#states.get(proxy);
    if (!state) {
      state = { header: undefined, saved: false, refusals: 0, gaveUpAt: undefined, asking: undefined };
      this.#states.set(proxy, state);
    }
    return state;
  }
}
