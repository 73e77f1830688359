import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron executable, or null where it cannot be had (our build machines cannot download
 * it). `ELECTRON_OVERRIDE_DIST_PATH` is honoured by the electron package itself.
 */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
