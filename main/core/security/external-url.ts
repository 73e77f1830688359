/**
 * The only door to the OS's "open this URL" function. Only https URLs, and http on a
 * loopback host (the sandbox identity provider), may leave the app; anything else
 * (file:, javascript:, custom schemes, credentials in the URL) is refused.
 */
import { isSecureOrLoopbackUrl } from '../../../common/loopback-host.ts';

export function isSafeExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return isSecureOrLoopbackUrl(url);
}

export type ExternalOpener = (url: string) => Promise<void>;

/** Wraps the platform opener (Electron's shell.openExternal, or the browser shell's) with the check. */
export function createSafeOpenExternal(opener: ExternalOpener): ExternalOpener {
  return async (url) => {
    if (!isSafeExternalUrl(url)) throw new Error(`Refusing to open an unsafe URL (scheme ${safeScheme(url)})`);
    await opener(url);
  };
}

function safeScheme(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match?.[1] ?? 'none';
}
