import { appError } from '../errors/error-catalog.ts';
import { isSafeExternalUrl } from '../security/external-url.ts';

/**
 * The sign-in core may only ask the OS to open the identity provider's own pages: https,
 * or http on a loopback host (the sandbox IdP), and only on the origins discovery gave us.
 */
export function assertIdpUrl(candidate: string, allowedOrigins: readonly string[]): void {
  if (!isSafeExternalUrl(candidate) || !allowedOrigins.includes(new URL(candidate).origin)) {
    throw appError('config_invalid', 'idp_url');
  }
}
