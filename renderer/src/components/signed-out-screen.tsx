import { useTranslation } from 'react-i18next';
interface SignedOutScreenProps {
  message?: string | undefined;
  onSignIn: () => void;
}

/** The first thing an employee sees: what the app is and one obvious action. */
export function SignedOutScreen({ message, onSignIn }: SignedOutScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="center-card" aria-labelledby="signed-out-title">
      <div className="brand-mark" aria-hidden="true">
        <span>b</span>
      </div>
      <h1 id="signed-out-title">{t('signedOut.title')}</h1>
      <p className="lead">{t('signedOut.lead')}</p>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {/* autoFocus: Enter signs in straight away, the one thing to do on this screen. */}
      <button type="button" className="button primary large" onClick={onSignIn} autoFocus>
        {t('signedOut.signIn')}
      </button>
    </section>
  );
}
