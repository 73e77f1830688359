/**
 * Precedence and locking. Strongest first:
 *
 * 1. what a policy source enforces, the sources in their order (machine registry or managed
 *    preferences, then the user-scoped ones, then the policy file);
 * 2. the environment (development builds only), then the user's settings;
 * 3. the policy sources' defaults, in the same order;
 * 4. the bundled settings, then the built-in defaults.
 *
 * A setting is locked when a source enforces it, or when a source lists `userOverridable` and
 * the setting is not in the list (then it is locked even at a default or bundled value).
 */
import {
  settingDefaults,
  settingKeys,
  type ConfigSource,
  type DesktopSettingsLayer,
  type SettingKey,
} from '../../../common/desktop-config-schema.ts';
import type { PolicyLayers } from './policy-source.ts';

export interface NamedLayer {
  /** Where the layer comes from: a file, "environment variables". */
  name: string;
  values: DesktopSettingsLayer;
}

export interface SettingsSources {
  /** Strongest first. */
  policies: PolicyLayers[];
  environment?: NamedLayer | undefined;
  user?: NamedLayer | undefined;
  bundled?: NamedLayer | undefined;
}

export interface MergedSettings {
  values: Partial<Record<SettingKey, unknown>>;
  sources: Partial<Record<SettingKey, ConfigSource>>;
  origins: Partial<Record<SettingKey, string>>;
  lockedKeys: SettingKey[];
  ignoredUserKeys: SettingKey[];
}

export const builtInOrigin = 'built-in default';

interface Candidate {
  source: ConfigSource;
  name: string;
  values: DesktopSettingsLayer;
}

export function lockedSettingKeys(policies: readonly PolicyLayers[]): SettingKey[] {
  return settingKeys.filter((key) =>
    policies.some(
      (policy) =>
        policy.enforced[key] !== undefined ||
        (policy.userOverridable !== undefined && !policy.userOverridable.includes(key)),
    ),
  );
}

function named(source: ConfigSource, layer: NamedLayer | undefined): Candidate[] {
  return layer === undefined ? [] : [{ source, name: layer.name, values: layer.values }];
}

export function mergeSettings(sources: SettingsSources): MergedSettings {
  const lockedKeys = lockedSettingKeys(sources.policies);
  const enforced = sources.policies.map((policy): Candidate => ({
    source: 'policy',
    name: policy.source,
    values: policy.enforced,
  }));
  const defaults = sources.policies.map((policy): Candidate => ({
    source: 'policy-default',
    name: `${policy.source} (defaults)`,
    values: policy.defaults,
  }));
  const userChoices = [...named('environment', sources.environment), ...named('user', sources.user)];
  const bundled = named('bundled', sources.bundled);
  const lockedOrder = [...enforced, ...defaults, ...bundled];
  const openOrder = [...userChoices, ...defaults, ...bundled];

  const merged: MergedSettings = { values: {}, sources: {}, origins: {}, lockedKeys, ignoredUserKeys: [] };
  for (const key of settingKeys) {
    const locked = lockedKeys.includes(key);
    const found = (locked ? lockedOrder : openOrder).find((candidate) => candidate.values[key] !== undefined);
    if (found !== undefined) {
      merged.values[key] = found.values[key];
      merged.sources[key] = found.source;
      merged.origins[key] = found.name;
    } else if (key in settingDefaults) {
      merged.values[key] = settingDefaults[key as keyof typeof settingDefaults];
      merged.sources[key] = 'default';
      merged.origins[key] = builtInOrigin;
    }
    if (locked && userChoices.some((candidate) => candidate.values[key] !== undefined))
      merged.ignoredUserKeys.push(key);
  }
  return merged;
}
