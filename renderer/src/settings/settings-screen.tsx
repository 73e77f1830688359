import { useEffect, useRef, useState } from 'react';
import type { DesktopConfigState, SettingKey } from '../../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../../common/ipc-contract.ts';
import type { SignedInUser } from '../../../common/session-state.ts';
import type { SettingsOverview } from '../../../common/settings-overview.ts';
import type { UpdateStatus } from '../../../common/update-status.ts';
import { invoke } from '../ipc/bridge.ts';
import { formatBytes } from './format-bytes.ts';
import { SettingRow } from './setting-row.tsx';
import { updateStatusText } from './update-status-text.ts';
import './settings.css';

const sections = ['Account', 'Network', 'Updates', 'Storage', 'About'] as const;
type Section = (typeof sections)[number];

interface SettingsScreenProps {
  config: DesktopConfigState | null;
  user: SignedInUser | null;
  info: AppInfo | null;
  onClose: () => void;
}

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Account, network, updates, storage and about; every setting IT enforces is shown locked. */
export function SettingsScreen({ config, user, info, onClose }: SettingsScreenProps) {
  const [section, setSection] = useState<Section>('Account');
  const [overview, setOverview] = useState<SettingsOverview | null>(null);
  const [updates, setUpdates] = useState<UpdateStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    void invoke('settings:getOverview').then(setOverview);
    void invoke('updates:getStatus').then(setUpdates);
  }, []);

  const effective = config?.status === 'ok' ? config.effective : null;
  const row = (key: SettingKey, label: string, edit?: Parameters<typeof SettingRow>[0]['edit']) => (
    <SettingRow
      key={key}
      label={label}
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
      setNotice(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <div
      className="settings-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <section className="settings-screen" role="dialog" aria-modal="true" aria-labelledby="settings-title">
        <header className="settings-header">
          <h1 id="settings-title" ref={heading} tabIndex={-1}>
            Settings
          </h1>
          <button type="button" className="button subtle" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="settings-body">
          <nav aria-label="Settings sections" className="settings-nav">
            {sections.map((name) => (
              <button
                key={name}
                type="button"
                className="settings-nav-item"
                aria-current={section === name ? 'page' : undefined}
                onClick={() => setSection(name)}
              >
                {name}
              </button>
            ))}
          </nav>
          <div className="settings-section" aria-label={section} role="region">
            <h2>{section}</h2>
            {overview?.restartNeeded && (
              <p className="settings-note" role="status">
                Your change applies the next time you start Box SSO Desktop.
              </p>
            )}
            {section === 'Account' && (
              <>
                <dl className="settings-facts">
                  <dt>Name</dt>
                  <dd>{user?.name ?? 'Not signed in'}</dd>
                  <dt>Email</dt>
                  <dd>{user?.email ?? '—'}</dd>
                  <dt>Box user</dt>
                  <dd>{user?.boxUserId ?? '—'}</dd>
                </dl>
                {row('issuer', 'Company sign-in')}
                {row('domainHint', 'Company domain')}
                {row('loginHint', 'Sign-in name to suggest', { kind: 'text', placeholder: 'first.last@example.com' })}
                {row('backendUrl', 'Provisioning service')}
              </>
            )}
            {section === 'Network' && (
              <dl className="settings-facts">
                {Object.entries(overview?.network ?? {}).map(([label, text]) => (
                  <div key={label} className="settings-fact">
                    <dt>{label}</dt>
                    <dd>{text}</dd>
                  </div>
                ))}
              </dl>
            )}
            {section === 'Updates' && (
              <>
                <p role="status">{updates ? updateStatusText(updates) : 'Loading…'}</p>
                {row('updatesEnabled', 'Automatic updates')}
                {row('updateChannel', 'Update channel', {
                  kind: 'choice',
                  options: [
                    { value: 'stable', label: 'Stable' },
                    { value: 'beta', label: 'Beta (early versions)' },
                  ],
                })}
                {row('updateUrl', 'Update server')}
                <button
                  type="button"
                  className="button"
                  disabled={updates?.state === 'disabled' || updates?.state === 'checking'}
                  onClick={() => void invoke('updates:checkNow').then(setUpdates)}
                >
                  Check now
                </button>
              </>
            )}
            {section === 'Storage' && (
              <ul className="settings-storage">
                {(overview?.storage ?? []).map((entry) => (
                  <li key={entry.id}>
                    <span>
                      {entry.label}: {formatBytes(entry.bytes)}
                      <br />
                      <code>{entry.path}</code>
                    </span>
                    <button
                      type="button"
                      className="button subtle"
                      disabled={entry.bytes === 0}
                      onClick={() => void invoke('settings:clearStorage', { id: entry.id }).then(setOverview)}
                    >
                      Clear
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {section === 'About' && (
              <>
                <p>
                  {info ? `${info.name} ${info.version}` : 'Box SSO Desktop'}
                  {info?.mode === 'sandbox' ? ' (sandbox)' : ''}
                </p>
                <p>
                  For the help desk: a report of this app’s version, settings and recent errors, without passwords or
                  tokens.
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      void runAction(async () => {
                        await invoke('diagnostics:copy');
                        return 'Diagnostics copied. Paste them into your message to the help desk.';
                      })
                    }
                  >
                    Copy diagnostics
                  </button>
                  <button
                    type="button"
                    className="button subtle"
                    onClick={() =>
                      void runAction(async () => {
                        const saved = await invoke('diagnostics:save');
                        return saved === null ? '' : `Saved to ${saved}`;
                      })
                    }
                  >
                    Save diagnostics…
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
