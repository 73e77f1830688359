import { useTranslation } from 'react-i18next';
import './keychain-banner.css';

/**
 * Shown while signed in without a usable OS keychain: everything works, the session just ends
 * when the app quits. Quiet on purpose (a status, not an alert); "Learn more" is for IT.
 */
export function KeychainBanner() {
  const { t } = useTranslation();
  return (
    <div className="keychain-banner" role="status" data-testid="keychain-banner">
      <p>{t('keychain.notice')}</p>
      <details>
        <summary>{t('keychain.learnMore')}</summary>
        <p>{t('keychain.details')}</p>
      </details>
    </div>
  );
}
