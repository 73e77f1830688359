import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../common/ipc-contract.ts';
import { shippedLanguages, type ShippedLanguage } from '../i18n/i18n.ts';
import type { LanguageSetting } from '../i18n/use-language.ts';

const platformNames: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

interface AppFooterProps {
  info: AppInfo | null;
  language: { setting: LanguageSetting; systemLanguage: ShippedLanguage; choose: (next: LanguageSetting) => void };
}

/** What app this is, and the language setting (the OS's unless the user picks one). */
export function AppFooter({ info, language }: AppFooterProps) {
  const { t } = useTranslation();
  return (
    <footer className="app-footer" aria-label={t('app.about')}>
      {info ? (
        <span data-testid="app-info">
          {t('app.version', {
            name: info.name,
            version: info.version,
            platform: platformNames[info.platform] ?? info.platform,
          })}
        </span>
      ) : (
        <span>{t('app.loading')}</span>
      )}
      <label className="language-setting">
        {t('app.language')}
        <select
          value={language.setting === 'pseudo' ? 'system' : language.setting}
          onChange={(event) => language.choose(event.target.value as LanguageSetting)}
        >
          <option value="system">
            {t('app.languageSystem', { language: t(`languages.${language.systemLanguage}`) })}
          </option>
          {shippedLanguages.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`languages.${code}`)}
            </option>
          ))}
        </select>
      </label>
    </footer>
  );
}
