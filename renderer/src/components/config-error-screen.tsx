import { useTranslation } from 'react-i18next';
import type { DesktopConfigError } from '../../../common/desktop-config-schema.ts';
import { configProblemText } from '../i18n/config-problem-text.ts';

/**
 * Shown instead of everything else when the configuration is invalid. The app never falls
 * back to other settings, so the employee needs exactly what IT needs to fix it: the file,
 * the setting and the problem.
 */
export function ConfigErrorScreen({ error }: { error: DesktopConfigError }) {
  const { t } = useTranslation();
  return (
    <section className="config-error" role="alert" aria-labelledby="config-error-title">
      <h1 id="config-error-title">{t('configError.title')}</h1>
      <p className="lead">{t('configError.lead')}</p>
      <dl className="config-error-details">
        <dt>{t('configError.file')}</dt>
        <dd>
          <code translate="no">{error.file ?? t('configError.noFile')}</code>
        </dd>
        {error.field !== null && (
          <>
            <dt>{t('configError.setting')}</dt>
            <dd>
              <code translate="no">{error.field}</code>
            </dd>
          </>
        )}
        <dt>{t('configError.problem')}</dt>
        {/* Main's English stays in its log and the diagnostics report; here the problem by name in the user's language. */}
        <dd>{configProblemText(error)}</dd>
      </dl>
    </section>
  );
}
