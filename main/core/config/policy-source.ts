/**
 * A policy source (a registry key, a managed-preferences file, the policy file) and its two
 * layers: what it enforces (wins and is locked) and its defaults (the user may change them).
 */
import {
  desktopPolicySchema,
  type DesktopSettingsLayer,
  type SettingKey,
} from '../../../common/desktop-config-schema.ts';
import { errorFromZod } from './config-load-error.ts';

export interface PolicySource {
  /** Names the source in errors and in diagnostics: a registry key or a file. */
  name: string;
  /** The raw policy document, undefined when this source sets nothing; throws ConfigLoadError when unreadable. */
  read(): Promise<unknown>;
  /** How this source spells a field in errors, e.g. `Defaults\loginHint` for a registry value. */
  describeField?: (field: string) => string;
}

export interface PolicyLayers {
  source: string;
  enforced: DesktopSettingsLayer;
  defaults: DesktopSettingsLayer;
  /** Present when the source lists what users may override: every other setting is locked. */
  userOverridable?: SettingKey[];
}

/** Validates a source's document and splits it into its enforced and default layers. */
export async function readPolicyLayers(source: PolicySource): Promise<PolicyLayers | undefined> {
  const raw = await source.read();
  if (raw === undefined) return undefined;
  const result = desktopPolicySchema.safeParse(raw);
  if (!result.success) throw errorFromZod(source.name, result.error, source.describeField);
  const { defaults = {}, userOverridable, ...settings } = result.data;
  const enforced: Record<string, unknown> = { ...settings };
  const suggested: Record<string, unknown> = { ...defaults };
  // A listed setting the source sets at its top level is a default, not a lock.
  for (const key of userOverridable ?? []) {
    if (enforced[key] === undefined) continue;
    suggested[key] = enforced[key];
    delete enforced[key];
  }
  return {
    source: source.name,
    enforced,
    defaults: suggested,
    ...(userOverridable !== undefined ? { userOverridable } : {}),
  };
}
