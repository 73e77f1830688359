import { useTranslation } from 'react-i18next';
interface SessionErrorScreenProps {
  message: string;
  onRetry: () => void;
}

/** A sign-in that failed: what happened and what to do, in the words main chose, with one way forward. */
export function SessionErrorScreen({ message, onRetry }: SessionErrorScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="center-card" role="alert" aria-labelledby="session-error-title">
      <div className="status-mark error" aria-hidden="true">
        !
      </div>
      <h1 id="session-error-title">{t('sessionError.title')}</h1>
      <p className="lead">{message}</p>
      <button type="button" className="button primary large" onClick={onRetry} autoFocus>
        {t('sessionError.retry')}
      </button>
    </section>
  );
}
