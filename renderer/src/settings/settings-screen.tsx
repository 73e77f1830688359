import { useEffect, useRef, useState } from 'react';
import type { DesktopConfigState, SettingKey } from '../../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../../common/ipc-contract.ts';
import type { SignedInUser } from '../../../common/session-state.ts';
import type { SettingsOverview } from '../../../common/settings-overview.ts';
import type { UpdateStatus } from '../../../common/update-status.ts';
import { invoke } from '../ipc/bridge.ts';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../common/app-error.ts';
import { formatSize } from '../components/format.ts';
import { errorText } from '../i18n/error-text.ts';
import type { en } from '../i18n/en.ts';
import { i18n } from '../i18n/i18n.ts';
import { networkLines } from './network-facts-text.ts';
import { SettingRow } from './setting-row.tsx';
import { updateStatusText } from './update-status-text.ts';
import { useDialogFocus } from '../components/use-dialog-focus.ts';
import './settings.css';

const sections = ['account', 'network', 'updates', 'storage', 'about'] as const;
type Section = (typeof sections)[number];

interface SettingsScreenProps {
  config: DesktopConfigState | null;
  user: SignedInUser | null;
  info: AppInfo | null;
  onClose: () => void;
}

type LabelledSetting = keyof typeof en.settings.keys;

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return i18n.t(value ? 'settings.on' : 'settings.off');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Account, network, updates, storage and about; every setting IT enforces is shown locked. */
export function SettingsScreen({ config, user, info, onClose }: SettingsScreenProps) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('account');
  const [overview, setOverview] = useState<SettingsOverview | null>(null);
  const [updates, setUpdates] = useState<UpdateStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const dialog = useRef<HTMLElement>(null);
  const keepFocusInside = useDialogFocus(dialog, heading);
  useEffect(() => {
    void invoke('settings:getOverview').then(setOverview);
    void invoke('updates:getStatus').then(setUpdates);
  }, []);

  const effective = config?.status === 'ok' ? config.effective : null;
  const row = (key: SettingKey & LabelledSetting, edit?: Parameters<typeof SettingRow>[0]['edit']) => (
    <SettingRow
      key={key}
      label={t(`settings.keys.${key}`)}
      value={display(effective?.config[key])}
      locked={effective?.lockedKeys.includes(key) ?? true}
      source={effective?.sources[key]}
      {...(edit && (key === 'loginHint' || key === 'updateChannel')
        ? {
            edit,
            onSave: async (value: string | null) => {
              setOverview(await invoke('settings:setUserSetting', { key, value }));
            },
          }
        : {})}
    />
  );

  const runAction = async (action: () => Promise<string>): Promise<void> => {
    try {
      setNotice(await action());
    } catch (failure) {
      setNotice(failure instanceof AppError ? errorText(failure) : t('browser.somethingWrong'));
    }
  };

  return (
    <div
      className="settings-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
        keepFocusInside(event);
      }}
    >
      <section
        ref={dialog}
        className="settings-screen"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
      >
        <header className="settings-header">
          <h1 id="settings-title" ref={heading} tabIndex={-1}>
            {t('settings.title')}
          </h1>
          <button type="button" className="button subtle" onClick={onClose}>
            {t('settings.close')}
          </button>
        </header>
        <div className="settings-body">
          <nav aria-label={t('settings.sectionsLabel')} className="settings-nav">
            {sections.map((name) => (
              <button
                key={name}
                type="button"
                className="settings-nav-item"
                aria-current={section === name ? 'page' : undefined}
                onClick={() => setSection(name)}
              >
                {t(`settings.sections.${name}`)}
              </button>
            ))}
          </nav>
          <div className="settings-section" aria-labelledby="settings-section-title" role="region">
            <h2 id="settings-section-title">{t(`settings.sections.${section}`)}</h2>
            {overview?.restartNeeded && (
              <p className="settings-note" role="status">
                {t('settings.restartNeeded')}
              </p>
            )}
            {section === 'account' && (
              <>
                <dl className="settings-facts">
                  <dt>{t('settings.name')}</dt>
                  <dd translate={user ? 'no' : undefined}>{user?.name ?? t('settings.notSignedIn')}</dd>
                  <dt>{t('settings.email')}</dt>
                  <dd translate={user?.email ? 'no' : undefined}>{user?.email ?? t('settings.none')}</dd>
                  <dt>{t('settings.boxUser')}</dt>
                  <dd translate={user ? 'no' : undefined}>{user?.boxUserId ?? t('settings.none')}</dd>
                </dl>
                {row('issuer')}
                {row('domainHint')}
                {row('loginHint', { kind: 'text', placeholder: t('settings.loginHintExample') })}
                {row('backendUrl')}
              </>
            )}
            {section === 'network' && (
              <dl className="settings-facts">
                {overview &&
                  networkLines(overview.network).map((line) => (
                    <div key={line.id} className="settings-fact">
                      <dt>{line.label}</dt>
                      {line.facts.map((fact) => (
                        <dd key={fact}>{fact}</dd>
                      ))}
                    </div>
                  ))}
              </dl>
            )}
            {section === 'updates' && (
              <>
                <p role="status">{updates ? updateStatusText(updates) : t('settings.loading')}</p>
                {row('updatesEnabled')}
                {row('updateChannel', {
                  kind: 'choice',
                  options: [
                    { value: 'stable', label: t('settings.channels.stable') },
                    { value: 'beta', label: t('settings.channels.beta') },
                  ],
                })}
                {row('updateUrl')}
                <button
                  type="button"
                  className="button"
                  disabled={updates?.state === 'disabled' || updates?.state === 'checking'}
                  onClick={() => void invoke('updates:checkNow').then(setUpdates)}
                >
                  {t('settings.checkNow')}
                </button>
              </>
            )}
            {section === 'storage' && (
              <ul className="settings-storage">
                {(overview?.storage ?? []).map((entry) => (
                  <li key={entry.id}>
                    <span>
                      {t('settings.storageEntry', {
                        label: t(`settings.storage.${entry.id}`),
                        size: formatSize(entry.bytes),
                      })}
                      <br />
                      <code translate="no">{entry.path}</code>
                    </span>
                    <button
                      type="button"
                      className="button subtle"
                      disabled={entry.bytes === 0}
                      onClick={() => void invoke('settings:clearStorage', { id: entry.id }).then(setOverview)}
                    >
                      {t('settings.clear')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {section === 'about' && (
              <>
                <p>
                  {info
                    ? t(info.mode === 'sandbox' ? 'settings.aboutSandbox' : 'settings.about', {
                        name: info.name,
                        version: info.version,
                      })
                    : t('app.name')}
                </p>
                <p>{t('settings.diagnosticsLead')}</p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      void runAction(async () => {
                        await invoke('diagnostics:copy');
                        return t('settings.copied');
                      })
                    }
                  >
                    {t('settings.copyDiagnostics')}
                  </button>
                  <button
                    type="button"
                    className="button subtle"
                    onClick={() =>
                      void runAction(async () => {
                        const saved = await invoke('diagnostics:save');
                        return saved === null ? '' : t('settings.savedTo', { path: saved });
                      })
                    }
                  >
                    {t('settings.saveDiagnostics')}
                  </button>
                </div>
                {notice && <p role="status">{notice}</p>}
              </>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}
