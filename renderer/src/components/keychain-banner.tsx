import './keychain-banner.css';

/**
 * Shown while signed in without a usable OS keychain: everything works, the session just ends
 * when the app quits. Quiet on purpose (a status, not an alert); "Learn more" is for IT.
 */
export function KeychainBanner() {
  return (
    <div className="keychain-banner" role="status" data-testid="keychain-banner">
      <p>You&apos;ll need to sign in again next time: the system keychain is not available.</p>
      <details>
        <summary>Learn more</summary>
        <p>
          Box SSO Desktop keeps your sign-in in the system keychain (Keychain on macOS, Credential Manager on Windows, a
          Secret Service such as GNOME Keyring or KWallet on Linux). None is running or it is locked, so your sign-in is
          kept in memory only, never written to disk. Once the keychain is unlocked, the app uses it. For IT: see
          &quot;The system keychain is not available&quot; in the IT administrator guide.
        </p>
      </details>
    </div>
  );
}
