import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * oidc-provider follows OIDC Core to the letter and drops `offline_access` unless the
 * request carries `prompt=consent`. Okta, Entra ID and Auth0 honour it without that, and the
 * desktop app must not force a consent screen at every sign-in, so the sandbox adds
 * `consent` to the prompt itself (consent is automatic here, see interactions.ts).
 */
export async function offlineAccessWithoutConsentPrompt(
  ctx: KoaContextWithOIDC,
  next: () => Promise<unknown>,
): Promise<void> {
  if (ctx.method === 'GET' && ctx.path === '/auth') {
    const params = new URLSearchParams(ctx.querystring);
    const scopes = (params.get('scope') ?? '').split(' ');
    const prompts = new Set((params.get('prompt') ?? '').split(' ').filter(Boolean));
    if (scopes.includes('offline_access') && !prompts.has('consent')) {
      prompts.add('consent');
      params.set('prompt', [...prompts].join(' '));
      ctx.querystring = params.toString();
    }
  }
  await next();
}
