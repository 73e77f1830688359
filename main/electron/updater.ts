/**
 * electron-updater's platform updater (NSIS on Windows, Squirrel.Mac, AppImage/deb/rpm on Linux).
 * Default import: the package is CommonJS, and `autoUpdater` is a getter that builds the updater
 * on first use, which happens only when the policy enables updates (main/core/updates).
 */
import electronUpdater from 'electron-updater';
import type { Updater } from '../core/updates/update-service.ts';

export function createElectronUpdater(): Updater {
  return electronUpdater.autoUpdater;
}
