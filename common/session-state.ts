/**
 * What the renderer may know about the session: a small state machine and never a token.
 * Main owns the tokens; this is the only shape that crosses to the UI.
 */
import type { ErrorCode } from './error-codes.ts';

export interface SignedInUser {
  name: string;
  email: string | null;
  boxUserId: string;
}

export type SessionState =
  | { status: 'signed-out'; message?: string }
  | { status: 'signing-in' }
  | { status: 'signed-in'; user: SignedInUser }
  | { status: 'error'; code: ErrorCode; message: string };
