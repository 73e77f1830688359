/**
 * The pages the browser tab shows after the identity provider sends it back to the app.
 * Fixed wording only: nothing from the request (never the code or a token) is echoed.
 */
export const callbackPageHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  // The tab's URL holds the authorization code: never send it on as a Referer.
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
} as const;

/** Text content only (never attributes), so &, < and > are all that need escaping. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

function page(kind: 'success' | 'error', heading: string, body: string): string {
  const accent = kind === 'success' ? '#1a7f37' : '#b42318';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Box SSO Desktop — ${escapeHtml(heading)}</title>
<style>
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f6f8; color: #1b2733;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 440px; margin: 24px; padding: 32px 36px; background: #fff; border-radius: 12px;
  box-shadow: 0 8px 24px rgba(20, 40, 60, .12); border-top: 4px solid ${accent}; }
.product { margin: 0 0 16px; font-size: 13px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: #5b6b7b; }
h1 { margin: 0 0 8px; font-size: 22px; color: ${accent}; }
p { margin: 0; }
</style>
</head>
<body>
<main>
<p class="product">Box SSO Desktop</p>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(body)}</p>
</main>
</body>
</html>`;
}

export const successPage = (): string =>
  page('success', "You're signed in.", 'Return to Box SSO Desktop. You can close this tab.');

/** `message` is one of our own fixed messages (sign-in-errors.ts), never provider text. */
export const errorPage = (message: string): string =>
  page('error', "Sign-in didn't finish", `${message} You can close this tab and return to Box SSO Desktop.`);

export const rejectedRequestPage = (): string =>
  page(
    'error',
    'This sign-in link is not valid',
    'It does not belong to the sign-in Box SSO Desktop is waiting for. Return to the app and start the sign-in from there.',
  );

/** For the tab of a sign-in that a newer one replaced: its answer is dropped, so nothing happens in the app. */
export const replacedSignInPage = (): string =>
  page(
    'error',
    'This sign-in was replaced',
    'A newer sign-in was started in Box SSO Desktop, so this one was stopped and nothing changed in the app. Finish signing in in the newest sign-in tab, or return to the app. You can close this tab.',
  );
