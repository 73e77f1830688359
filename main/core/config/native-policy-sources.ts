/** The OS's own policy sources for this platform, strongest first (the JSON policy file comes after them). */
import { managedPreferencesSource } from './managed-preferences-source.ts';
import { managedPreferencesFiles, registryHives } from './policy-locations.ts';
import type { PolicySource } from './policy-source.ts';
import { regExePath, registryPolicySource, type CommandRunner } from './registry-policy-source.ts';

export function nativePolicySources(options: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The signed-in user's short name, for their own managed preferences on macOS. */
  username: string;
  runCommand: CommandRunner;
}): PolicySource[] {
  switch (options.platform) {
    case 'win32': {
      const regExe = regExePath(options.env);
      return registryHives.map((hive) => registryPolicySource({ hive, runCommand: options.runCommand, regExe }));
    }
    case 'darwin':
      return managedPreferencesFiles(options.username).map(managedPreferencesSource);
    default:
      return [];
  }
}
