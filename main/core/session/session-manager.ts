import * as oidc from 'openid-client';
import type { AppError } from '../../../common/app-error.ts';
import type { SessionState } from '../../../common/session-state.ts';
import { runAuthorizationFlow, type SignInTab, type TokenResponse } from '../auth/authorization-flow.ts';
import { assertIdpUrl } from '../auth/idp-url-guard.ts';
import { discoverProvider } from '../auth/oidc-discovery.ts';
import type { RememberedDiscovery } from '../auth/remembered-discovery.ts';
import { unlessCancelled } from '../auth/sign-in-cancellation.ts';
import type { SignInSettings } from '../auth/sign-in-settings.ts';
import { isInvalidGrant, signInError, toSignInError } from '../auth/sign-in-errors.ts';
import { refreshTokenAccount, type SecretStore } from '../keychain/secret-store.ts';
import { BoxTokenProvider } from './box-token-provider.ts';

export interface SessionManagerOptions {
  settings: SignInSettings;
  backendUrl: string;
  secretStore: SecretStore;
  /** The system browser (Electron's shell.openExternal behind a thin adapter). */
  openExternal: (url: string) => Promise<void>;
  /** Brings the app window to the front when the browser returns (a thin Electron adapter). */
  focusApp?: () => void;
  clock?: () => number;
  /** Used for the backend call only. */
  fetch?: typeof fetch;
  /** Used by openid-client for every identity provider request; the global fetch by default. */
  idpFetch?: oidc.CustomFetch;
  /** The last launch's discovery, so that restoring need not wait for today's (none: always wait). */
  rememberedDiscovery?: RememberedDiscovery;
}

/** A sign-in that has started and not ended. */
interface PendingSignIn {
  controller: AbortController;
  /** Its browser tab, once it is about to open. */
  tab: SignInTab | null;
}

interface HeldTokens {
  idToken: string;
  /** Epoch milliseconds. */
  idTokenExpiresAt: number;
  claims: oidc.IDToken;
}

/** Refresh this long before the ID token expires, so the backend never sees a stale one. */
const idTokenMarginMs = 60_000;

/**
 * The session: the state machine the renderer sees (common/session-state.ts), the OIDC
 * tokens (refresh token in the keychain, the rest in memory only), and the Box handoff.
 * Everything fails into a state with a code and a message; nothing here throws at the UI.
 */
export class SessionManager {
  readonly boxTokens: BoxTokenProvider;
  private readonly options: SessionManagerOptions;
  private readonly clock: () => number;
  private readonly account: string;
  private readonly listeners = new Set<(state: SessionState) => void>();
  private current: SessionState = { status: 'signed-out' };
  private discovery: Promise<oidc.Configuration> | undefined;
  private tokens: HeldTokens | undefined;
  private refreshing: Promise<HeldTokens> | undefined;
  private pending: PendingSignIn | undefined;
  /** Resolves once no sign-in started so far holds a listener (a cancelled one closes its own soon after). */
  private listenersReleased: Promise<void> = Promise.resolve();
  /** Tabs of replaced sign-ins that may still come back; the pending sign-in answers them. */
  private replacedTabs: SignInTab[] = [];
  /**
   * Set by an explicit sign-out: the next sign-in asks the identity provider to show its login
   * page (prompt=login) instead of silently reusing the browser's SSO session, so that another
   * person at a shared computer can sign in as themselves.
   */
  private askForAccount = false;

  constructor(options: SessionManagerOptions) {
    this.options = options;
    this.clock = options.clock ?? Date.now;
    this.account = refreshTokenAccount(options.settings.issuer, options.settings.clientId);
    this.boxTokens = new BoxTokenProvider({
      backendUrl: options.backendUrl,
      getIdToken: (o) => this.getIdToken(o),
      clock: this.clock,
      onAccountEnded: (error) => void this.endAccount(error),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  get state(): SessionState {
    return this.current;
  }

  /** Subscribe to state changes (forwarded to the renderer as `session:changed`). */
  onChange(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The authorize URL of the sign-in in progress, for "Copy sign-in link". */
  signInLink(): string | null {
    return this.pending?.tab?.authorizeUrl ?? null;
  }

  /**
   * Runs the browser sign-in. A second call replaces the first: the first is cancelled before it
   * can open a listener or a tab, and its port is free before the second listens. A replaced
   * call resolves with the state of the sign-in that replaced it, so the screen stays on it.
   */
  async signIn(): Promise<SessionState> {
    const previous = this.pending;
    const controller = new AbortController();
    const attempt: PendingSignIn = { controller, tab: null };
    const earlierReleased = this.listenersReleased;
    let ended: () => void = () => undefined;
    const ownReleased = new Promise<void>((resolve) => (ended = resolve));
    this.listenersReleased = Promise.all([earlierReleased, ownReleased]).then(() => undefined);
    // Recorded before the first await, so a start in the same turn, or Cancel, reaches this one.
    this.pending = attempt;
    if (previous) {
      previous.controller.abort();
      // Set only right before its tab opened; aborted now, it never opens one later.
      if (previous.tab) this.replacedTabs.unshift(previous.tab);
    }
    this.setState({ status: 'signing-in' });
    let tokens: TokenResponse;
    try {
      // The sign-ins before this one let go of their ports before this one listens.
      const [config] = await unlessCancelled(Promise.all([this.discover(), earlierReleased]), controller.signal);
      tokens = await runAuthorizationFlow({
        config,
        settings: this.askForAccount ? withLoginPrompt(this.options.settings) : this.options.settings,
        openExternal: this.options.openExternal,
        signal: controller.signal,
        replacedTabs: [...this.replacedTabs],
        onTabOpening: (tab) => {
          attempt.tab = tab;
        },
        ...(this.options.focusApp ? { onCallback: this.options.focusApp } : {}),
      });
    } catch (error) {
      // Replaced or cancelled: the newer sign-in, or Cancel, owns the state.
      if (this.pending !== attempt) return this.current;
      this.endSignIn();
      return this.failed(error);
    } finally {
      ended();
    }
    if (this.pending !== attempt) return this.current;
    this.endSignIn();
    try {
      this.askForAccount = false;
      await this.adopt(tokens);
      return await this.handOff();
    } catch (error) {
      return this.failed(error);
    }
  }

  /**
   * "Cancel" on the waiting screen: signed-out at once, whatever the pending sign-in is doing;
   * its listener closes right after, before any new sign-in listens.
   */
  cancelSignIn(): SessionState {
    if (!this.pending) return this.current;
    this.cancelPending();
    return this.setState({ status: 'signed-out' });
  }

  /** At start-up: a stored refresh token signs the user in without the browser. */
  async restore(): Promise<SessionState> {
    // Discovery needs nothing from the keychain: it runs while the keychain answers. A failure is
    // reported where the refresh awaits it, or forgotten if there is nothing to restore.
    this.discover().catch(() => undefined);
    // Read beside the keychain too; with it, the refresh need not wait for today's discovery.
    const remembered = this.recallDiscovery();
    let refreshToken: string | null;
    try {
      refreshToken = await this.readRefreshToken();
    } catch (error) {
      return this.failed(error);
    }
    if (!refreshToken) return this.setState({ status: 'signed-out' });
    this.setState({ status: 'signing-in' });
    try {
      await this.refresh(refreshToken, await remembered);
    } catch (error) {
      return this.failed(error);
    }
    return this.handOff().catch((error: unknown) => this.failed(error));
  }

  /**
   * Revokes the refresh token at the provider (when it can), deletes it from the keychain and
   * forgets every token. With endSession, also opens the provider's end-session page.
   */
  async signOut(options: { endSession?: boolean } = {}): Promise<SessionState> {
    this.cancelPending();
    const refreshToken = await this.readRefreshToken().catch(() => null);
    const idToken = this.tokens?.idToken;
    const config = await this.discover().catch(() => undefined);
    if (config && refreshToken && config.serverMetadata().revocation_endpoint) {
      // Sign-out must work offline too; a failed revocation only leaves a token nobody holds.
      await oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' }).catch(() => undefined);
    }
    await this.options.secretStore.delete(this.account).catch(() => false);
    this.forget();
    this.askForAccount = true;
    const state = this.setState({ status: 'signed-out' });
    const endSession = config?.serverMetadata().end_session_endpoint;
    if (options.endSession && config && endSession) {
      const url = oidc.buildEndSessionUrl(
        config,
        idToken ? { id_token_hint: idToken } : { client_id: this.options.settings.clientId },
      ).href;
      assertIdpUrl(url, [new URL(endSession).origin]);
      await this.options.openExternal(url);
    }
    return state;
  }

  /**
   * IT disabled the account or the IdP ended the session: signed out with the reason, the
   * refresh token deleted from the keychain and every token forgotten (the signed-out state drops
   * the user's Box caches and transfers). No revocation or end-session call: the IdP ended it.
   */
  private async endAccount(reason: AppError): Promise<void> {
    this.cancelPending();
    this.forget();
    this.setState({ status: 'signed-out', ...reason.toInfo() });
    await this.options.secretStore.delete(this.account).catch(() => false);
  }

  /** The current ID token, refreshed first when it is expired or about to be. */
  async getIdToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    const tokens = this.tokens;
    if (!tokens && !this.refreshing) throw signInError('not_signed_in');
    if (tokens && !options.forceRefresh && this.clock() < tokens.idTokenExpiresAt - idTokenMarginMs)
      return tokens.idToken;
    return (await this.refresh()).idToken;
  }

  /** One refresh at a time: with rotation, two concurrent refreshes would look like token theft. */
  private refresh(storedRefreshToken?: string, rememberedConfig?: oidc.Configuration): Promise<HeldTokens> {
    this.refreshing ??= this.refreshOnce(storedRefreshToken, rememberedConfig).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * `storedRefreshToken` spares a second keychain read (on macOS, possibly a second prompt) when
   * the caller just read it; otherwise it is read here, so it is not kept in memory between refreshes.
   * `rememberedConfig` (the last launch's discovery) is tried first; whatever fails with it other
   * than a refused grant is tried again with today's discovery.
   */
  private async refreshOnce(storedRefreshToken?: string, rememberedConfig?: oidc.Configuration): Promise<HeldTokens> {
    const refreshToken = storedRefreshToken ?? (await this.readRefreshToken());
    if (!refreshToken) throw signInError('session_expired');
    let response: TokenResponse;
    try {
      response = await this.refreshTokenGrant(refreshToken, rememberedConfig);
    } catch (error) {
      if (isInvalidGrant(error)) {
        await this.options.secretStore.delete(this.account);
        this.forget();
        throw signInError('session_expired', error);
      }
      throw toSignInError(error);
    }
    return this.adopt(response);
  }

  private async refreshTokenGrant(refreshToken: string, rememberedConfig?: oidc.Configuration): Promise<TokenResponse> {
    if (rememberedConfig) {
      try {
        return await oidc.refreshTokenGrant(rememberedConfig, refreshToken);
      } catch (error) {
        // The provider refused the grant itself: today's discovery would hear the same.
        if (isInvalidGrant(error)) throw error;
      }
    }
    return oidc.refreshTokenGrant(await this.discover(), refreshToken);
  }

  /** The last launch's discovery, if kept; never fails (without it the refresh waits for discovery). */
  private async recallDiscovery(): Promise<oidc.Configuration | undefined> {
    const remembered = this.options.rememberedDiscovery;
    if (!remembered) return undefined;
    return remembered.recall(this.options.settings, this.clock, this.options.idpFetch).catch(() => undefined);
  }

  private async adopt(response: TokenResponse): Promise<HeldTokens> {
    const claims = response.claims();
    if (!response.id_token || !claims) throw signInError('token_endpoint_error');
    if (this.tokens && this.tokens.claims.sub !== claims.sub) this.boxTokens.clear();
    if (response.refresh_token) await this.options.secretStore.set(this.account, response.refresh_token);
    this.tokens = { idToken: response.id_token, idTokenExpiresAt: claims.exp * 1000, claims };
    this.announceRemembered();
    return this.tokens;
  }

  /** Trades the ID token for Box access and moves to signed-in with the Box user. */
  private async handOff(): Promise<SessionState> {
    const access = await this.boxTokens.getAccess();
    const claims = this.tokens?.claims;
    const name = typeof claims?.name === 'string' ? claims.name : access.boxUser.name;
    const email = typeof claims?.email === 'string' ? claims.email : access.boxUser.login;
    return this.setState({
      status: 'signed-in',
      user: { name, email, boxUserId: access.boxUser.id },
      remembered: this.options.secretStore.persistent,
    });
  }

  /** A keychain that became available (or went away) while signed in changes what the banner says. */
  private announceRemembered(): void {
    const remembered = this.options.secretStore.persistent;
    if (this.current.status === 'signed-in' && this.current.remembered !== remembered)
      this.setState({ ...this.current, remembered });
  }

  private failed(error: unknown): SessionState {
    const appError = toSignInError(error);
    if (appError.code === 'sign_in_cancelled') return this.setState({ status: 'signed-out' });
    if (appError.code === 'session_expired' || appError.code === 'account_disabled')
      return this.setState({ status: 'signed-out', ...appError.toInfo() });
    return this.setState({ status: 'error', ...appError.toInfo() });
  }

  /** One discovery shared by concurrent callers; a failed one is tried again next time. */
  private discover(): Promise<oidc.Configuration> {
    this.discovery ??= discoverProvider(this.options.settings, this.clock, this.options.idpFetch).then(
      (config) => {
        void this.options.rememberedDiscovery?.remember(config).catch(() => undefined);
        return config;
      },
      (error: unknown) => {
        this.discovery = undefined;
        throw error;
      },
    );
    return this.discovery;
  }

  private cancelPending(): void {
    this.pending?.controller.abort();
    this.endSignIn();
  }

  private endSignIn(): void {
    this.pending = undefined;
    this.replacedTabs = [];
  }

  private readRefreshToken(): Promise<string | null> {
    return this.options.secretStore.get(this.account);
  }

  private forget(): void {
    this.tokens = undefined;
    this.boxTokens.clear();
  }

  private setState(state: SessionState): SessionState {
    this.current = state;
    for (const listener of this.listeners) listener(state);
    return state;
  }
}

function withLoginPrompt(settings: SignInSettings): SignInSettings {
  const prompts = new Set((settings.prompt ?? '').split(' ').filter(Boolean));
  prompts.add('login');
  return { ...settings, prompt: [...prompts].join(' ') };
}
