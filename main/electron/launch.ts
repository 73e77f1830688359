/**
 * The main process's entry: turns on the compile cache, then loads the shell (index.ts), which
 * must come after for its code to be cached. The import is awaited at the top level: Electron
 * emits `ready` only once the entry has finished evaluating, so what index.ts registers before
 * `ready` (the privileged schemes) still comes first.
 */
import { app } from 'electron';
import { enableCodeCache } from '../core/startup/code-cache.ts';

enableCodeCache(app.getPath('userData'));
await import('./index.ts');
