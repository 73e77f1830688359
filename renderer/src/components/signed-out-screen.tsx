interface SignedOutScreenProps {
  message?: string | undefined;
  onSignIn: () => void;
}

/** The first thing an employee sees: what the app is and one obvious action. */
export function SignedOutScreen({ message, onSignIn }: SignedOutScreenProps) {
  return (
    <section className="center-card" aria-labelledby="signed-out-title">
      <div className="brand-mark" aria-hidden="true">
        <span>b</span>
      </div>
      <h1 id="signed-out-title">Your Box files, with your company sign-in</h1>
      <p className="lead">Sign in with your work account. Your browser opens to finish signing in.</p>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {/* autoFocus: Enter signs in straight away, the one thing to do on this screen. */}
      <button type="button" className="button primary large" onClick={onSignIn} autoFocus>
        Sign in
      </button>
    </section>
  );
}
