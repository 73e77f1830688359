/**
 * The benchmark's app process entry, as main/electron/launch.ts is the app's: the compile cache
 * turned on in the data folder (LAUNCH_DATA_DIR), then the rest imported. The first launch of a
 * benchmark fills the cache; the others read it, as every launch after the first on a user's
 * machine does. Bundled with app-process.ts as its own chunk (bundle-app-process.ts).
 */
import { enableCodeCache } from '../../main/core/startup/code-cache.ts';

const dataDir = process.env.LAUNCH_DATA_DIR;
if (!dataDir) throw new Error('LAUNCH_DATA_DIR is not set');
enableCodeCache(dataDir);
await import('./app-process.ts');
