import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { policyFilePath, productFolderName, userSettingsFileName } from '../main/core/config/config-files.ts';
import { environmentVariables } from '../main/core/config/environment-settings.ts';

/** Electron's userData folder for this app, as `app.getPath('userData')` resolves it on each OS. */
function userDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productFolderName);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productFolderName);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productFolderName);
}

/**
 * Whether the user or IT configured a real identity provider: a policy file, user settings,
 * or development environment variables. Without any, `npm start` runs the sandbox.
 */
export function configurationSource(): string | null {
  const policy = policyFilePath(process.platform, process.env);
  if (existsSync(policy)) return policy;
  const userSettings = join(userDataDir(), userSettingsFileName);
  if (existsSync(userSettings)) return userSettings;
  const variable = Object.values(environmentVariables).find((name) => process.env[name]);
  return variable ? `the environment variable ${variable}` : null;
}
