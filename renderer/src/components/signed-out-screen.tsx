/** The first thing an employee sees: what the app is and one obvious action. */
export function SignedOutScreen({ message }: { message?: string | undefined }) {
  return (
    <section className="signed-out" aria-labelledby="signed-out-title">
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
      <button type="button" className="button primary" disabled>
        Sign in
      </button>
    </section>
  );
}
