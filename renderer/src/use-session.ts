import { useCallback, useEffect, useState } from 'react';
import { AppError } from '../../common/app-error.ts';
import type { SessionState } from '../../common/session-state.ts';
import { invoke, subscribe } from './ipc/bridge.ts';

/**
 * The session as main publishes it, plus the things the user can do with it. Main
 * also pushes every change as `session:changed`, so a sign-in finished in the browser
 * shows up here without the renderer asking.
 */
export function useSession() {
  const [session, setSession] = useState<SessionState | null>(null);

  useEffect(() => {
    const stop = subscribe('session:changed', setSession);
    void invoke('session:get').then(setSession, (error: unknown) => setSession(asErrorState(error)));
    return stop;
  }, []);

  const run = useCallback((action: () => Promise<SessionState>) => {
    void action().then(setSession, (error: unknown) => setSession(asErrorState(error)));
  }, []);

  return {
    session,
    signIn: useCallback(() => run(() => invoke('session:signIn')), [run]),
    cancelSignIn: useCallback(() => run(() => invoke('session:cancelSignIn')), [run]),
    signOut: useCallback(() => run(() => invoke('session:signOut', {})), [run]),
    /** Also ends the identity provider's session: its sign-out page opens in the browser. */
    signOutEverywhere: useCallback(() => run(() => invoke('session:signOut', { endSession: true })), [run]),
  };
}

function asErrorState(error: unknown): SessionState {
  return error instanceof AppError
    ? { status: 'error', ...error.toInfo() }
    : {
        status: 'error',
        code: 'internal',
        wording: 'default',
        message: 'The app could not reach its own background process. Restart Box SSO Desktop.',
      };
}
