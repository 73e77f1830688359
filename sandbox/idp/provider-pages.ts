import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, pageShell } from './login-page.ts';

/**
 * oidc-provider's own pages (sign-out question, signed-out, errors) in the sandbox look, so a
 * tester always sees the "not your company login" banner. The defaults also load a web font
 * from the internet, which these machines cannot reach.
 */
export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = 'html';
  ctx.body = pageShell(
    'Sign out of the sandbox',
    `<h1>Sign out of the sandbox?</h1>
  <p class="lead">You will need to pick a test user again next time.</p>
  ${form}
  <div class="actions"><button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
  <button class="secondary" type="submit" form="op.logoutForm">Stay signed in</button></div>`,
  );
}

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = pageShell(
    'Signed out',
    '<h1>You are signed out of the sandbox.</h1><p class="lead">You can close this tab.</p>',
  );
}

export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  const details = [out.error, out.error_description]
    .filter((text): text is string => Boolean(text))
    .map((text) => `<p><code>${escapeHtml(text)}</code></p>`)
    .join('');
  ctx.body = pageShell('Sandbox sign-in error', `<h1>Something went wrong</h1>${details}`);
}
