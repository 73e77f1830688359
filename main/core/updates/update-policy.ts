/**
 * Whether and where this installation updates itself, decided from the effective settings
 * before anything touches the network: a disabled policy means the updater is never created,
 * so no request can reach the update host.
 */
import type { DesktopConfig } from '../../../common/desktop-config-schema.ts';
import type { UpdateStatus } from '../../../common/update-status.ts';

export type InstallScope = 'per-user' | 'per-machine';

export type UpdatePolicy =
  | { enabled: false; reason: Extract<UpdateStatus, { state: 'disabled' }>['reason'] }
  | {
      enabled: true;
      /** The IT-hosted folder for electron-updater's generic provider. */
      url: string;
      /** The feed file's base name: latest(.yml) for stable, beta(.yml) for beta. */
      channel: 'latest' | 'beta';
      /** The beta channel offers pre-release versions (1.3.0-beta.2); stable never does. */
      allowPrerelease: boolean;
    };

export function updatePolicy(
  config: Pick<DesktopConfig, 'updatesEnabled' | 'updateUrl' | 'updateChannel'>,
  environment: { isPackaged: boolean; installScope: InstallScope },
): UpdatePolicy {
  if (!config.updatesEnabled) return { enabled: false, reason: 'policy' };
  if (config.updateUrl === undefined) return { enabled: false, reason: 'no-update-url' };
  // An unpackaged app has no installer to replace.
  if (!environment.isPackaged) return { enabled: false, reason: 'development' };
  // Replacing a per-machine install needs an administrator: electron-updater would raise an
  // elevation prompt (UAC, pkexec) the employee cannot answer. IT deploys those updates instead.
  if (environment.installScope === 'per-machine') return { enabled: false, reason: 'per-machine-install' };
  const beta = config.updateChannel === 'beta';
  return { enabled: true, url: config.updateUrl, channel: beta ? 'beta' : 'latest', allowPrerelease: beta };
}
