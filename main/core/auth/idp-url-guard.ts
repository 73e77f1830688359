import { AppError } from '../../../common/app-error.ts';

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * The sign-in core may only ask the OS to open the identity provider's own pages: https,
 * or http on a loopback host (the sandbox IdP), and only on the origins discovery gave us.
 */
export function assertIdpUrl(candidate: string, allowedOrigins: readonly string[]): void {
  const url = new URL(candidate);
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  if (!secure || url.username || url.password || !allowedOrigins.includes(url.origin)) {
    throw new AppError(
      'config_invalid',
      'The sign-in address from the identity provider is not safe to open. Tell IT.',
    );
  }
}
