/**
 * What the renderer may know about the session: a small state machine and never a token.
 * Main owns the tokens; this is the only shape that crosses to the UI.
 */
import type { AppErrorInfo } from './error-codes.ts';

export interface SignedInUser {
  name: string;
  email: string | null;
  boxUserId: string;
}

export type SessionState =
  /** With the reason when the session ended by itself (expired, account disabled). */
  | ({ status: 'signed-out' } & Partial<AppErrorInfo>)
  | { status: 'signing-in' }
  /** remembered: false when the OS keychain is unavailable and the session ends when the app quits. */
  | { status: 'signed-in'; user: SignedInUser; remembered: boolean }
  | ({ status: 'error' } & AppErrorInfo);
