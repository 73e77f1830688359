/**
 * electron-updater's platform updater (NSIS on Windows, Squirrel.Mac, AppImage/deb/rpm on Linux).
 * Required on first use, which happens only when the policy enables updates (main/core/updates):
 * loading the package costs about 20 MB of memory that most launches never need (docs/launch.md).
 * It is CommonJS, and `autoUpdater` is a getter that builds the updater on first use.
 */
import { createRequire } from 'node:module';
import type electronUpdaterModule from 'electron-updater';
import type { Updater } from '../core/updates/update-service.ts';

const require = createRequire(import.meta.url);

export function createElectronUpdater(): Updater {
  const electronUpdater = require('electron-updater') as typeof electronUpdaterModule;
  return electronUpdater.autoUpdater;
}
