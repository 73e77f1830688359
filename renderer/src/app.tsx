import { useEffect, useState } from 'react';
import type { AppInfo } from '../../common/ipc-contract.ts';
import type { SessionState } from '../../common/session-state.ts';
import { invoke, subscribe } from './ipc/bridge.ts';
import { AppFooter } from './components/app-footer.tsx';
import { SignedOutScreen } from './components/signed-out-screen.tsx';
import { FileBrowserScreen } from './file-browser/file-browser-screen.tsx';

/** Top-level screen choice: driven only by the session state main publishes. */
export function App() {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionState | null>(null);

  useEffect(() => {
    const stop = subscribe('session:changed', setSession);
    void invoke('app:getInfo').then(setAppInfo);
    void invoke('session:get').then(setSession);
    return stop;
  }, []);

  return (
    <div className="app-shell">
      <main className="app-main">
        {session?.status === 'signed-out' && <SignedOutScreen message={session.message} />}
        {/* Keyed by user: another user's sign-in starts with fresh history, selection and caches. */}
        {session?.status === 'signed-in' && <FileBrowserScreen key={session.user.boxUserId} />}
      </main>
      <AppFooter info={appInfo} />
    </div>
  );
}
