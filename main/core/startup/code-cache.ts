import { constants, enableCompileCache } from 'node:module';
import { join } from 'node:path';

/** The folder in the app's data folder where V8 keeps the code it compiled from our bundles. */
export const codeCacheFolderName = 'Code Cache (main)';

export type CodeCacheStatus = 'enabled' | 'already-enabled' | 'failed' | 'disabled';

/**
 * Turns on Node's on-disk compile cache for the modules loaded from here on, so a launch after the
 * first reads V8's compiled code instead of parsing and compiling the main bundle again (about
 * 60 ms of a 270 ms load on a 2-core machine, docs/launch.md). It must run before the bundle is
 * imported, so the Electron entry (main/electron/launch.ts) is a few lines that call this and then
 * import the rest. The cache holds compiled JavaScript only (V8's code cache of our own and our
 * packages' sources), never data the app handles; Node checks each entry against its source's
 * hash and ignores a stale or damaged one. A cache that cannot be opened is no reason not to start.
 */
export function enableCodeCache(dataDir: string): CodeCacheStatus {
  try {
    const { status } = enableCompileCache(join(dataDir, codeCacheFolderName));
    if (status === constants.compileCacheStatus.ENABLED) return 'enabled';
    if (status === constants.compileCacheStatus.ALREADY_ENABLED) return 'already-enabled';
    if (status === constants.compileCacheStatus.DISABLED) return 'disabled';
    return 'failed';
  } catch {
    return 'failed';
  }
}
