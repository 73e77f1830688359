import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { InstallScope } from './update-policy.ts';

/**
 * Per machine when the user cannot write where the app is installed (Program Files, a
 * root-owned /Applications bundle, /opt from a .deb or .rpm): replacing it would need elevation.
 */
export async function installScope(executablePath: string): Promise<InstallScope> {
  try {
    await access(path.dirname(executablePath), constants.W_OK);
    return 'per-user';
  } catch {
    return 'per-machine';
  }
}
