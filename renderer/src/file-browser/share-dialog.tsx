import { errorText } from '../i18n/error-text.ts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BoxSharedLink,
  BoxSharingState,
  SharedLinkAccess,
  SharedLinkSettings,
} from '../../../common/box-file-operations.ts';
import { sharedLinkAccessLevels } from '../../../common/box-file-operations.ts';
import type { BoxItem } from '../../../common/box-items.ts';
import { formatModified } from '../components/format.ts';
import { Modal } from '../components/modal.tsx';
import { asAppError, invoke } from '../ipc/bridge.ts';
import { expiryFromDateInput, expiryToDateInput } from './share-expiry.ts';
import './share-dialog.css';

type Loaded =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; sharing: BoxSharingState };

const accessKeys = {
  open: 'share.accessOpen',
  company: 'share.accessCompany',
  collaborators: 'share.accessCollaborators',
} as const satisfies Record<SharedLinkAccess, string>;

/**
 * "Share": the item's shared link — create it, copy it (main copies Box's own URL), choose who may
 * open it among the levels the enterprise allows, when it expires, a password (open links only)
 * and whether it allows download, or remove it. What Box refuses is shown in Box's words.
 */
export function ShareDialog({
  item,
  onClose,
  notify,
}: {
  item: BoxItem & { type: 'file' | 'folder' };
  onClose: () => void;
  notify: (message: string) => void;
}) {
  const { t } = useTranslation();
  const ids = {
    url: useId(),
    access: useId(),
    expires: useId(),
    expiresHint: useId(),
    password: useId(),
    passwordHint: useId(),
  };
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [access, setAccess] = useState<SharedLinkAccess>('company');
  const [expires, setExpires] = useState('');
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [canDownload, setCanDownload] = useState(true);
  const ref = { itemId: item.id, itemType: item.type };
  const primary = useRef<HTMLButtonElement>(null);
  const focusBack = useRef<HTMLElement | null>(null);
  // Buttons are disabled while Box answers, and a disabled button loses focus (to the page, where
  // Escape and Tab no longer reach the dialog): focus goes back to the button pressed, or, when it
  // went with the link (Remove), to the primary button.
  useEffect(() => {
    if (busy || focusBack.current === null) return;
    const pressed = focusBack.current;
    focusBack.current = null;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    (pressed.isConnected ? pressed : primary.current)?.focus();
  }, [busy]);

  const showLink = (link: BoxSharedLink | null): void => {
    setAccess(link?.access ?? 'company');
    setExpires(expiryToDateInput(link?.unsharedAt ?? null));
    setCanDownload(link?.canDownload ?? true);
    setPassword('');
    setRemovePassword(false);
  };

  useEffect(() => {
    let live = true;
    invoke('box:getSharing', { itemId: item.id, itemType: item.type }).then(
      (sharing) => {
        if (!live) return;
        setLoaded({ status: 'ready', sharing });
        setAccess(
          sharing.link?.access ??
            (sharing.allowedAccess.includes('company') ? 'company' : (sharing.allowedAccess[0] ?? 'company')),
        );
        setExpires(expiryToDateInput(sharing.link?.unsharedAt ?? null));
        setCanDownload(sharing.link?.canDownload ?? true);
      },
      (error: unknown) => live && setLoaded({ status: 'failed', message: errorText(asAppError(error)) }),
    );
    return () => {
      live = false;
    };
  }, [item.id, item.type, attempt]);

  const sharing = loaded.status === 'ready' ? loaded.sharing : null;
  const link = sharing?.link ?? null;

  const run = async (action: () => Promise<void>): Promise<void> => {
    focusBack.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorText(asAppError(error)));
    } finally {
      setBusy(false);
    }
  };
  const applyLink = (next: BoxSharedLink | null): void => {
    if (sharing) setLoaded({ status: 'ready', sharing: { ...sharing, link: next } });
    showLink(next);
  };

  const save = (creating: boolean) =>
    run(async () => {
      const settings: SharedLinkSettings = {
        access,
        unsharedAt: expiryFromDateInput(expires),
        canDownload,
        ...(access !== 'open' || removePassword ? { password: null } : password ? { password } : {}),
      };
      applyLink(await invoke('box:setSharedLink', { ...ref, settings }));
      // A new link is copied at once, as Box's web app does: sharing it is why it was made.
      if (creating) await invoke('box:copySharedLink', ref);
      notify(creating ? t('share.copied') : t('share.saved'));
    });
  const copy = () =>
    run(async () => {
      await invoke('box:copySharedLink', ref);
      notify(t('share.copied'));
    });
  const remove = () =>
    run(async () => {
      await invoke('box:removeSharedLink', ref);
      applyLink(null);
      notify(t('share.removed'));
    });

  const offered = sharedLinkAccessLevels.filter(
    (level) => sharing === null || sharing.allowedAccess.includes(level) || link?.access === level,
  );
  const stateLine = link
    ? t('share.state', {
        access: t(accessKeys[link.access]),
        expiry: link.unsharedAt ? t('share.stateExpiry', { date: formatModified(link.unsharedAt) }) : '',
        password: link.passwordEnabled ? t('share.statePassword') : '',
      })
    : null;

  return (
    <Modal title={t('share.title', { name: item.name })} onCancel={onClose}>
      <div className="share-dialog" data-testid="share-dialog">
        {loaded.status === 'loading' && <p aria-busy="true">{t('share.loading')}</p>}
        {loaded.status === 'failed' && (
          <div role="alert">
            <p>{loaded.message || t('share.failed')}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setLoaded({ status: 'loading' });
                setAttempt((value) => value + 1);
              }}
            >
              {t('share.retry')}
            </button>
          </div>
        )}
        {sharing && !sharing.canShare && <p>{t('share.notAllowed')}</p>}
        {sharing?.canShare && (
          <>
            {link ? (
              <div className="share-link-row">
                <label htmlFor={ids.url}>{t('share.linkLabel')}</label>
                <div className="share-link">
                  <input
                    id={ids.url}
                    type="text"
                    readOnly
                    value={link.url}
                    translate="no"
                    onFocus={(e) => e.target.select()}
                  />
                  <button type="button" className="button primary" onClick={() => void copy()} disabled={busy}>
                    {t('share.copy')}
                  </button>
                </div>
                <p className="share-state" data-testid="share-state">
                  {stateLine}
                </p>
              </div>
            ) : (
              <p>{t('share.noLink')}</p>
            )}
            <div className="share-field">
              <label htmlFor={ids.access}>{t('share.access')}</label>
              <select
                id={ids.access}
                value={access}
                onChange={(event) => setAccess(event.target.value as SharedLinkAccess)}
              >
                {offered.map((level) => (
                  <option key={level} value={level}>
                    {t(accessKeys[level])}
                  </option>
                ))}
              </select>
              {!sharing.allowedAccess.includes('open') && <p className="share-hint">{t('share.accessNotAllowed')}</p>}
            </div>
            <div className="share-field">
              <label htmlFor={ids.expires}>{t('share.expires')}</label>
              <input
                id={ids.expires}
                type="date"
                value={expires}
                aria-describedby={ids.expiresHint}
                onChange={(event) => setExpires(event.target.value)}
              />
              <p id={ids.expiresHint} className="share-hint">
                {t('share.expiresHint')}
              </p>
            </div>
            {access === 'open' && (
              <div className="share-field">
                <label htmlFor={ids.password}>{t('share.password')}</label>
                <input
                  id={ids.password}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  disabled={removePassword}
                  aria-describedby={ids.passwordHint}
                  onChange={(event) => setPassword(event.target.value)}
                />
                <p id={ids.passwordHint} className="share-hint">
                  {link?.passwordEnabled ? t('share.passwordSet') : t('share.passwordHint')}
                </p>
                {link?.passwordEnabled && (
                  <label className="share-check">
                    <input
                      type="checkbox"
                      checked={removePassword}
                      onChange={(event) => setRemovePassword(event.target.checked)}
                    />
                    {t('share.removePassword')}
                  </label>
                )}
              </div>
            )}
            <label className="share-check">
              <input type="checkbox" checked={canDownload} onChange={(event) => setCanDownload(event.target.checked)} />
              {t('share.canDownload')}
            </label>
            {problem && (
              <p className="share-problem" role="alert" data-testid="share-problem">
                {problem}
              </p>
            )}
          </>
        )}
      </div>
      <div className="modal-actions">
        {link && (
          <button type="button" className="button share-remove" onClick={() => void remove()} disabled={busy}>
            {t('share.remove')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('share.close')}
        </button>
        {sharing?.canShare && (
          <button
            ref={primary}
            type="button"
            className="button primary"
            onClick={() => void save(!link)}
            disabled={busy}
          >
            {link ? t('share.save') : t('share.create')}
          </button>
        )}
      </div>
    </Modal>
  );
}
