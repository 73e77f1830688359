/**
 * Loads the effective desktop configuration from every source. It never throws and never
 * falls back past a broken source: any problem becomes a `status: 'error'` state that the
 * renderer shows as the "configuration error" screen, naming the source and the field.
 */
import {
  desktopConfigSchema,
  desktopSettingsLayerSchema,
  type DesktopConfigState,
} from '../../../common/desktop-config-schema.ts';
import type { ConfigFiles } from './config-files.ts';
import { ConfigLoadError } from './config-load-error.ts';
import { environmentSourceName, readEnvironmentSettings } from './environment-settings.ts';
import { jsonPolicySource } from './json-policy-source.ts';
import { mergeSettings, type NamedLayer } from './merge-settings.ts';
import { readPolicyLayers, type PolicyLayers, type PolicySource } from './policy-source.ts';
import { readSettingsFile } from './read-settings-file.ts';

export interface LoadDesktopConfigOptions {
  files: ConfigFiles;
  /** Registry or managed-preferences sources, strongest first; the policy file always follows them. */
  nativePolicySources?: PolicySource[];
  /** True only for unpackaged development runs (`!app.isPackaged`): then environment variables count. */
  isDevelopment: boolean;
  env: NodeJS.ProcessEnv;
}

async function settingsLayer(file: string): Promise<NamedLayer | undefined> {
  const values = await readSettingsFile(file, desktopSettingsLayerSchema);
  return values === undefined ? undefined : { name: file, values };
}

export async function loadDesktopConfig(options: LoadDesktopConfigOptions): Promise<DesktopConfigState> {
  try {
    const { files } = options;
    const policySources = [...(options.nativePolicySources ?? []), jsonPolicySource(files.policyFile)];
    // Read in precedence order so that the strongest broken source is the one reported.
    const policies: PolicyLayers[] = [];
    for (const source of policySources) {
      const layers = await readPolicyLayers(source);
      if (layers !== undefined) policies.push(layers);
    }
    const environment = options.isDevelopment
      ? { name: environmentSourceName, values: readEnvironmentSettings(options.env) }
      : undefined;
    const user = await settingsLayer(files.userSettingsFile);
    const bundled = await settingsLayer(files.bundledSettingsFile);
    const merged = mergeSettings({ policies, environment, user, bundled });

    const result = desktopConfigSchema.safeParse(merged.values);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.map(String).join('.') ?? null;
      const where = [...policySources.map((source) => source.name), files.userSettingsFile, files.bundledSettingsFile];
      throw new ConfigLoadError({
        file: null,
        field,
        message: `"${field ?? 'the configuration'}" is not configured: set it in one of ${where.join(', ')}`,
        problem: { kind: 'notConfigured', params: { where: where.join(', ') } },
      });
    }
    return {
      status: 'ok',
      effective: {
        config: result.data,
        sources: merged.sources,
        origins: merged.origins,
        lockedKeys: merged.lockedKeys,
        ignoredUserKeys: merged.ignoredUserKeys,
      },
    };
  } catch (error) {
    if (error instanceof ConfigLoadError) return { status: 'error', error: error.info };
    throw error;
  }
}
