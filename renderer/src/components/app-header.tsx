import { useTranslation } from 'react-i18next';
import { useRef, useState } from 'react';
import type { AppInfo } from '../../../common/ipc-contract.ts';
import type { SignedInUser } from '../../../common/session-state.ts';
import { Icon } from './icons.tsx';
import { ContextMenu } from './context-menu.tsx';

interface AppHeaderProps {
  info: AppInfo | null;
  user: SignedInUser | null;
  onSignOut: () => void;
  /** Also ends the sign-in at the company's identity provider (its page opens in the browser). */
  onSignOutEverywhere: () => void;
  onOpenSettings?: () => void;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * The app bar: which app and mode this is, and who is signed in. "Sign out" leaves this app;
 * the menu beside it also signs out of the company account in the browser, for a shared computer.
 */
export function AppHeader({ info, user, onSignOut, onSignOutEverywhere, onOpenSettings }: AppHeaderProps) {
  const { t } = useTranslation();
  const moreButton = useRef<HTMLButtonElement>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const openMenu = (): void => {
    const box = moreButton.current?.getBoundingClientRect();
    // Right-aligned under the button: the menu is moved back inside the window once measured.
    setMenuAt(box ? { x: box.right, y: box.bottom + 6 } : { x: 16, y: 56 });
  };
  return (
    <header className="app-header">
      <div className="app-brand">
        <span className="brand-mark small" aria-hidden="true">
          <span>b</span>
        </span>
        <span className="app-name">{t('app.name')}</span>
        {info?.mode === 'sandbox' && (
          <span className="mode-badge" title={t('app.sandboxHint')}>
            {t('app.sandbox')}
          </span>
        )}
      </div>
      {user && (
        <div className="app-user" aria-label={t('header.account')}>
          <span className="avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="user-text">
            <span className="user-name" data-testid="signed-in-name" translate="no">
              {user.name}
            </span>
            {user.email && (
              <span className="user-email" translate="no">
                {user.email}
              </span>
            )}
          </span>
          <span className="sign-out-group">
            <button type="button" className="button subtle" onClick={onSignOut}>
              {t('header.signOut')}
            </button>
            <button
              ref={moreButton}
              type="button"
              className="button subtle icon-only"
              aria-label={t('header.signOutOptions')}
              aria-haspopup="menu"
              aria-expanded={menuAt !== null}
              onClick={openMenu}
            >
              <Icon name="expand" />
            </button>
          </span>
        </div>
      )}
      {onOpenSettings && (
        <button type="button" className="button subtle app-settings-button" onClick={onOpenSettings}>
          {t('header.settings')}
        </button>
      )}
      {menuAt && (
        <ContextMenu
          label={t('header.signOutOptions')}
          position={menuAt}
          onClose={() => setMenuAt(null)}
          actions={[
            {
              id: 'sign-out-everywhere',
              label: t('header.signOutEverywhere'),
              run: onSignOutEverywhere,
            },
          ]}
        />
      )}
    </header>
  );
}
