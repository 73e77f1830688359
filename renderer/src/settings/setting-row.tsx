import { useTranslation } from 'react-i18next';
import { AppError } from '../../../common/app-error.ts';
import { errorText } from '../i18n/error-text.ts';
import { useId, useState } from 'react';
import type { ConfigSource } from '../../../common/desktop-config-schema.ts';

export interface SettingRowProps {
  label: string;
  /** What the setting is now, as shown to the user. */
  value: string;
  locked: boolean;
  source: ConfigSource | undefined;
  /** Present when the user may change this setting here: the choices, or free text. */
  edit?: { kind: 'text'; placeholder?: string } | { kind: 'choice'; options: { value: string; label: string }[] };
  onSave?: (value: string | null) => Promise<void>;
}

function LockGlyph() {
  return (
    <svg viewBox="0 0 24 24" className="lock-glyph" aria-hidden="true">
      <path d="M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z" />
    </svg>
  );
}

/**
 * One setting: a locked one is plain read-only text marked "Set by your organization", so
 * nobody is offered a change that would be ignored; one the user may change is a field.
 */
export function SettingRow({ label, value, locked, source, edit, onSave }: SettingRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = !locked && edit !== undefined && onSave !== undefined;

  const save = async (next: string): Promise<void> => {
    if (!onSave) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(next === '' ? null : next);
    } catch (failure) {
      setError(failure instanceof AppError ? errorText(failure) : t('browser.somethingWrong'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="setting-row" data-locked={locked || undefined}>
      <label htmlFor={id} className="setting-label">
        {label}
      </label>
      <div className="setting-value">
        {!editable ? (
          <output id={id} className="setting-readonly" translate={value === '' ? undefined : 'no'}>
            {value === '' ? t('settings.notSet') : value}
          </output>
        ) : edit.kind === 'choice' ? (
          <select
            id={id}
            value={draft}
            disabled={saving}
            onChange={(event) => {
              setDraft(event.target.value);
              void save(event.target.value);
            }}
          >
            {edit.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <form
            className="setting-edit"
            onSubmit={(event) => {
              event.preventDefault();
              void save(draft.trim());
            }}
          >
            <input
              id={id}
              value={draft}
              placeholder={edit.placeholder}
              disabled={saving}
              onChange={(event) => setDraft(event.target.value)}
            />
            <button type="submit" className="button subtle" disabled={saving || draft === value}>
              {t('settings.save')}
            </button>
          </form>
        )}
        <span className={locked ? 'setting-source locked' : 'setting-source'}>
          {locked ? (
            <>
              <LockGlyph />
              {t('settings.sources.policy')}
            </>
          ) : source ? (
            t(`settings.sources.${source}`)
          ) : null}
        </span>
        {error && (
          <span role="alert" className="setting-error">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}
