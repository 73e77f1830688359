/**
 * Loads the effective desktop configuration from every source. It never throws and never
 * falls back past a broken source: any problem becomes a `status: 'error'` state that the
 * renderer shows as the "configuration error" screen, naming the file and the field.
 */
import {
  desktopConfigSchema,
  desktopPolicySchema,
  desktopSettingsLayerSchema,
  type DesktopConfigState,
} from '../../../common/desktop-config-schema.ts';
import type { ConfigFiles } from './config-files.ts';
import { ConfigLoadError } from './config-load-error.ts';
import { readEnvironmentSettings } from './environment-settings.ts';
import { mergeSettings } from './merge-settings.ts';
import { readSettingsFile } from './read-settings-file.ts';

export interface LoadDesktopConfigOptions {
  files: ConfigFiles;
  /** True only for unpackaged development runs (`!app.isPackaged`): then environment variables count. */
  isDevelopment: boolean;
  env: NodeJS.ProcessEnv;
}

export async function loadDesktopConfig(options: LoadDesktopConfigOptions): Promise<DesktopConfigState> {
  try {
    const { files } = options;
    // Read in precedence order so that the strongest broken source is the one reported.
    const policy = await readSettingsFile(files.policyFile, desktopPolicySchema);
    const environment = options.isDevelopment ? readEnvironmentSettings(options.env) : undefined;
    const user = await readSettingsFile(files.userSettingsFile, desktopSettingsLayerSchema);
    const bundled = await readSettingsFile(files.bundledSettingsFile, desktopSettingsLayerSchema);
    const merged = mergeSettings({ policy, environment, user, bundled });

    const result = desktopConfigSchema.safeParse(merged.values);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.map(String).join('.') ?? null;
      const where = [files.policyFile, files.userSettingsFile, files.bundledSettingsFile].join(', ');
      throw new ConfigLoadError({
        file: null,
        field,
        message: `"${field ?? 'the configuration'}" is not configured: set it in one of ${where}`,
      });
    }
    return {
      status: 'ok',
      effective: {
        config: result.data,
        sources: merged.sources,
        lockedKeys: merged.lockedKeys,
        ignoredUserKeys: merged.ignoredUserKeys,
      },
    };
  } catch (error) {
    if (error instanceof ConfigLoadError) return { status: 'error', error: error.info };
    throw error;
  }
}
