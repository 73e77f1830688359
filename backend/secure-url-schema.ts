import { z } from 'zod';
import { isSecureOrLoopbackUrl } from '../common/loopback-host.ts';

/**
 * An http(s) URL that is https, or http on a loopback host. `abort` stops at a malformed URL,
 * so the check after it never parses one (zod would otherwise run it, and `new URL` would throw
 * a TypeError instead of an issue that names the setting).
 */
export function secureOrLoopbackUrl(message: string) {
  return z.url({ protocol: /^https?$/, abort: true }).refine((value) => isSecureOrLoopbackUrl(new URL(value)), message);
}
