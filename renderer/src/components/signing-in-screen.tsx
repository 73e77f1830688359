import { useState } from 'react';

interface SigningInScreenProps {
  onCancel: () => void;
  /** The sign-in page's address, for when the browser did not come up (copied, never shown as a secret: it holds none). */
  getSignInLink: () => Promise<string | null>;
}

/** While the user finishes the login in their browser: say where to look, and offer a way out. */
export function SigningInScreen({ onCancel, getSignInLink }: SigningInScreenProps) {
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
      <div className="spinner" role="progressbar" aria-label="Waiting for the browser sign-in" />
      <h1 id="signing-in-title">Finish signing in in your browser</h1>
      <p className="lead">
        A browser tab opened at your company&apos;s sign-in page. When you are done there, come back here: your files
        open automatically.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copyLink()}>
          Copy sign-in link
        </button>
        <button type="button" className="button subtle" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
      <p className="hint" role="status">
        {copied === 'copied' && 'Link copied. Paste it into your browser if no tab opened.'}
        {copied === 'failed' && 'The link could not be copied. Cancel and try signing in again.'}
      </p>
    </section>
  );
}
