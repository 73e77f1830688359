import { useTranslation } from 'react-i18next';
import { useState } from 'react';

interface SigningInScreenProps {
  onCancel: () => void;
  /** The sign-in page's address, for when the browser did not come up (copied, never shown as a secret: it holds none). */
  getSignInLink: () => Promise<string | null>;
}

/** While the user finishes the login in their browser: say where to look, and offer a way out. */
export function SigningInScreen({ onCancel, getSignInLink }: SigningInScreenProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copyLink = async () => {
    try {
      const link = await getSignInLink();
      if (!link) throw new Error('no link');
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="center-card" aria-labelledby="signing-in-title" aria-busy="true">
      <div className="spinner" role="progressbar" aria-label={t('signingIn.waiting')} />
      <h1 id="signing-in-title">{t('signingIn.title')}</h1>
      <p className="lead">{t('signingIn.lead')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copyLink()}>
          {t('signingIn.copyLink')}
        </button>
        <button type="button" className="button subtle" onClick={onCancel} autoFocus>
          {t('signingIn.cancel')}
        </button>
      </div>
      <p className="hint" role="status">
        {copied === 'copied' && t('signingIn.copied')}
        {copied === 'failed' && t('signingIn.copyFailed')}
      </p>
    </section>
  );
}
