import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { renderLoginPage, stylesheet, stylesheetPath } from './login-page.ts';
import type { SandboxUser } from './users.ts';

/**
 * Our own handlers for oidc-provider's interaction routes: the login page, the login form,
 * "Cancel" (access_denied) and consent. Consent is granted automatically because every
 * client of the sandbox is first-party; a real provider would ask once.
 */
const pagesHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'",
  'X-Frame-Options': 'DENY',
};

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function grantConsent(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const interaction = await provider.interactionDetails(req, res);
  const accountId = interaction.session?.accountId;
  const clientId = String(interaction.params.client_id);
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** Returns false when the request is not an interaction route, so the provider handles it. */
export function createInteractionHandler(
  getProvider: () => Provider,
  users: readonly SandboxUser[],
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    if (req.method === 'GET' && url.pathname === stylesheetPath) {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=300' }).end(stylesheet);
      return true;
    }
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(url.pathname);
    if (!match) return false;
    const provider = getProvider();
    const step = match[2];

    if (req.method === 'GET' && !step) {
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.prompt.name === 'consent') {
        await grantConsent(provider, req, res);
        return true;
      }
      const client = await provider.Client.find(String(interaction.params.client_id));
      const clientName = client?.clientName ?? 'your app';
      res.writeHead(200, pagesHeaders).end(renderLoginPage({ uid: interaction.uid, users, clientName }));
      return true;
    }
    if (req.method === 'POST' && step === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user cancelled the sign-in.' },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    if (req.method === 'POST' && step === 'login') {
      const interaction = await provider.interactionDetails(req, res);
      const form = await readForm(req);
      const user = users.find((u) => u.username === form.get('username') && u.password === form.get('password'));
      if (!user) {
        const client = await provider.Client.find(String(interaction.params.client_id));
        const page = renderLoginPage({
          uid: interaction.uid,
          users,
          clientName: client?.clientName ?? 'your app',
          error: 'That username and password do not match a sandbox user.',
        });
        res.writeHead(401, pagesHeaders).end(page);
        return true;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.sub } },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    res.writeHead(405, { Allow: 'GET, POST', 'Cache-Control': 'no-store' }).end();
    return true;
  };
}
