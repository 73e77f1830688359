/**
 * Precedence and locking. Strongest first: the policy, then (development builds only) the
 * environment, then the user's settings, then the bundled settings, then the defaults.
 *
 * A policy locks what it sets. If it lists `userOverridable`, exactly those settings are the
 * user's to change (the policy's value becomes the user's default) and every other setting
 * is locked, even one the policy leaves to the bundled settings or the defaults.
 */
import {
  settingDefaults,
  settingKeys,
  type ConfigSource,
  type DesktopPolicy,
  type DesktopSettingsLayer,
  type SettingKey,
} from '../../../common/desktop-config-schema.ts';

export interface SettingsSources {
  policy?: DesktopPolicy | undefined;
  environment?: DesktopSettingsLayer | undefined;
  user?: DesktopSettingsLayer | undefined;
  bundled?: DesktopSettingsLayer | undefined;
}

export interface MergedSettings {
  values: Partial<Record<SettingKey, unknown>>;
  sources: Partial<Record<SettingKey, ConfigSource>>;
  lockedKeys: SettingKey[];
  ignoredUserKeys: SettingKey[];
}

export function lockedSettingKeys(policy: DesktopPolicy | undefined): SettingKey[] {
  if (policy === undefined) return [];
  const overridable = policy.userOverridable;
  if (overridable !== undefined) return settingKeys.filter((key) => !overridable.includes(key));
  return settingKeys.filter((key) => policy[key] !== undefined);
}

export function mergeSettings(sources: SettingsSources): MergedSettings {
  const lockedKeys = lockedSettingKeys(sources.policy);
  const merged: MergedSettings = { values: {}, sources: {}, lockedKeys, ignoredUserKeys: [] };
  for (const key of settingKeys) {
    const locked = lockedKeys.includes(key);
    const order: [ConfigSource, DesktopSettingsLayer | undefined][] = locked
      ? [
          ['policy', sources.policy],
          ['bundled', sources.bundled],
        ]
      : [
          ['environment', sources.environment],
          ['user', sources.user],
          ['policy', sources.policy],
          ['bundled', sources.bundled],
        ];
    const found = order.find(([, layer]) => layer?.[key] !== undefined);
    if (found !== undefined) {
      merged.values[key] = found[1]?.[key];
      merged.sources[key] = found[0];
    } else if (key in settingDefaults) {
      merged.values[key] = settingDefaults[key as keyof typeof settingDefaults];
      merged.sources[key] = 'default';
    }
    if (locked && (sources.user?.[key] !== undefined || sources.environment?.[key] !== undefined))
      merged.ignoredUserKeys.push(key);
  }
  return merged;
}
