import type { AppInfo } from '../../../common/ipc-contract.ts';
import type { SignedInUser } from '../../../common/session-state.ts';

interface AppHeaderProps {
  info: AppInfo | null;
  user: SignedInUser | null;
  onSignOut: () => void;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The app bar: which app and mode this is, and who is signed in with the one way out. */
export function AppHeader({ info, user, onSignOut }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-brand">
        <span className="brand-mark small" aria-hidden="true">
          <span>b</span>
        </span>
        <span className="app-name">Box SSO Desktop</span>
        {info?.mode === 'sandbox' && (
          <span
            className="mode-badge"
            title="Local stand-ins for your identity provider and Box; nothing leaves this computer"
          >
            Sandbox
          </span>
        )}
      </div>
      {user && (
        <div className="app-user" aria-label="Signed-in account">
          <span className="avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="user-text">
            <span className="user-name" data-testid="signed-in-name">
              {user.name}
            </span>
            {user.email && <span className="user-email">{user.email}</span>}
          </span>
          <button type="button" className="button subtle" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
