import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../common/ipc-contract.ts';
import { invoke } from './ipc/bridge.ts';
import { AppFooter } from './components/app-footer.tsx';
import { AppHeader } from './components/app-header.tsx';
import { KeychainBanner } from './components/keychain-banner.tsx';
import { ConfigErrorScreen } from './components/config-error-screen.tsx';
import { SessionErrorScreen } from './components/session-error-screen.tsx';
import { SignedOutScreen } from './components/signed-out-screen.tsx';
import { SigningInScreen } from './components/signing-in-screen.tsx';
import { UnsavedEditsDialog } from './editing/unsaved-edits-dialog.tsx';
import { useSignOutGuard } from './editing/use-sign-out-guard.ts';
import { FileBrowserScreen } from './file-browser/file-browser-screen.tsx';
import { SettingsScreen } from './settings/settings-screen.tsx';
import { useLanguage } from './i18n/use-language.ts';
import { useSession } from './use-session.ts';
import { errorText } from './i18n/error-text.ts';

/** Top-level screen choice: driven only by the configuration and the session state main publishes. */
export function App() {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [config, setConfig] = useState<DesktopConfigState | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { session, signIn, cancelSignIn, signOut, signOutEverywhere } = useSession();
  const language = useLanguage(appInfo?.languages ?? null);
  const signOutGuard = useSignOutGuard(signOut, signOutEverywhere);
  // Main's errors are put into words here: say them again when the language changes.
  const { t } = useTranslation();

  useEffect(() => {
    void invoke('app:getInfo').then(setAppInfo);
    void invoke('config:get').then(setConfig);
  }, []);

  const user = session?.status === 'signed-in' ? session.user : null;
  // The window's title in the UI language; the file browser names the open folder in it instead.
  useEffect(() => {
    if (!user) document.title = t('app.name');
  }, [user, t]);
  return (
    <div className="app-shell">
      <AppHeader
        info={appInfo}
        user={user}
        onSignOut={signOutGuard.signOut}
        onSignOutEverywhere={signOutGuard.signOutEverywhere}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      {session?.status === 'signed-in' && !session.remembered && <KeychainBanner />}
      <main className="app-main">
        {config?.status === 'error' ? (
          <ConfigErrorScreen error={config.error} />
        ) : (
          <>
            {session?.status === 'signed-out' && (
              <SignedOutScreen
                message={
                  session.code && session.message
                    ? errorText({ ...session, code: session.code, message: session.message })
                    : undefined
                }
                onSignIn={signIn}
              />
            )}
            {session?.status === 'signing-in' && (
              <SigningInScreen onCancel={cancelSignIn} getSignInLink={() => invoke('session:getSignInLink')} />
            )}
            {session?.status === 'error' && <SessionErrorScreen message={errorText(session)} onRetry={signIn} />}
            {/* Keyed by user: another user's sign-in starts with fresh history, selection and caches. */}
            {user && <FileBrowserScreen key={user.boxUserId} />}
          </>
        )}
      </main>
      <AppFooter info={appInfo} language={language} />
      {signOutGuard.question && (
        <UnsavedEditsDialog
          count={signOutGuard.question.pending}
          onSignOut={() => signOutGuard.answer(true)}
          onCancel={() => signOutGuard.answer(false)}
        />
      )}
      {settingsOpen && (
        <SettingsScreen config={config} user={user} info={appInfo} onClose={() => setSettingsOpen(false)} />
      )}
    </div>
  );
}
