/**
 * Where each configuration source lives. The policy path is fixed per OS and not taken from
 * variables a user normally sets (HOME, XDG_*), so that a user cannot move it and escape the
 * policy. Windows is the exception: %ProgramData% is the documented way to find the folder.
 * A user who starts the app with a forged ProgramData gains nothing but a broken app: the
 * backend accepts only ID tokens from its own issuer and audience.
 */
import path from 'node:path';

export interface ConfigFiles {
  /** Machine-wide policy that IT installs; only administrators can write there. */
  policyFile: string;
  /** The user's own settings, in Electron's userData folder. */
  userSettingsFile: string;
  /** Settings bundled into the installer through electron-builder's `extraResources`. */
  bundledSettingsFile: string;
}

export const productFolderName = 'Box SSO Desktop';
export const policyFileName = 'policy.json';
export const userSettingsFileName = 'settings.json';
export const bundledSettingsFileName = 'bundled-settings.json';

/** The conventional machine-wide location on each OS (see docs/it-admin.md, "Roll out the policy"). */
export function policyFilePath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(
        env.ProgramData ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData',
        productFolderName,
        policyFileName,
      );
    case 'darwin':
      return path.posix.join('/Library/Application Support', productFolderName, policyFileName);
    default:
      return path.posix.join('/etc/box-sso-desktop', policyFileName);
  }
}

export function defaultConfigFiles(options: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Electron's `app.getPath('userData')`. */
  userDataDir: string;
  /** Electron's `process.resourcesPath`. */
  resourcesDir: string;
}): ConfigFiles {
  return {
    policyFile: policyFilePath(options.platform, options.env),
    userSettingsFile: path.join(options.userDataDir, userSettingsFileName),
    bundledSettingsFile: path.join(options.resourcesDir, bundledSettingsFileName),
  };
}
