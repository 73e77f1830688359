import { settingDefaults } from '../../../common/desktop-config-schema.ts';

/** What the sign-in core needs from the desktop configuration, plus knobs tests turn. */
export interface SignInSettings {
  issuer: string;
  clientId: string;
  scopes?: readonly string[];
  /** e.g. 'login' or 'select_account'; left out by default so an IdP session gives single sign-on. */
  prompt?: string;
  /** Empty: any free port. Okta and Auth0 need the exact redirect URI, so IT lists fixed ports. */
  loopbackPorts?: readonly number[];
  loginHint?: string;
  domainHint?: string;
  /** How long the browser may take; 5 minutes by default. */
  timeoutMs?: number;
}

export const defaultSignInTimeoutMs = 5 * 60 * 1000;
export const defaultScopes: readonly string[] = settingDefaults.scopes;
