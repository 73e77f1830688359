/**
 * What kind of value each setting holds, read from the zod schema itself (through its JSON
 * Schema) so that the registry reader, the environment reader and the template generator never
 * keep a second list of types that could drift from the schema.
 */
import { z } from 'zod';
import { desktopSettingsLayerSchema, settingKeys, type SettingKey } from '../../../common/desktop-config-schema.ts';

export type SettingKind =
  | { type: 'string' }
  | { type: 'boolean' }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'enum'; values: string[] }
  | { type: 'string-list' }
  | { type: 'integer-list' };

export interface SettingDefinition {
  key: SettingKey;
  kind: SettingKind;
  title: string;
  description: string;
}

type JsonSchema = z.core.JSONSchema.JSONSchema;

function kindOf(key: SettingKey, schema: JsonSchema): SettingKind {
  if (schema.enum !== undefined) return { type: 'enum', values: schema.enum.map(String) };
  if (schema.type === 'string' || schema.type === 'boolean') return { type: schema.type };
  if (schema.type === 'integer') {
    return {
      type: 'integer',
      ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}),
      ...(schema.maximum !== undefined ? { maximum: schema.maximum } : {}),
    };
  }
  const items = schema.items;
  if (schema.type === 'array' && typeof items === 'object' && !Array.isArray(items)) {
    if (items.type === 'string') return { type: 'string-list' };
    if (items.type === 'integer') return { type: 'integer-list' };
  }
  // A new setting of a shape the readers and templates do not know yet must fail loudly at start-up.
  throw new Error(`setting "${key}" has a type that policy sources cannot carry`);
}

function buildDefinitions(): SettingDefinition[] {
  // `input`: what an admin writes, before transforms such as trimming trailing slashes.
  const properties = z.toJSONSchema(desktopSettingsLayerSchema, { io: 'input' }).properties ?? {};
  return settingKeys.map((key) => {
    const schema = properties[key];
    if (typeof schema !== 'object') throw new Error(`setting "${key}" is missing from the schema`);
    return { key, kind: kindOf(key, schema), title: schema.title ?? key, description: schema.description ?? '' };
  });
}

export const settingDefinitions: readonly SettingDefinition[] = buildDefinitions();

export function settingKind(key: SettingKey): SettingKind {
  const definition = settingDefinitions.find((candidate) => candidate.key === key);
  if (definition === undefined) throw new Error(`unknown setting "${key}"`);
  return definition.kind;
}

export function isSettingKey(name: string): name is SettingKey {
  return (settingKeys as readonly string[]).includes(name);
}

const integerText = /^-?\d+$/;

/** Integer lists arrive as text where the source has only strings (REG_MULTI_SZ, a variable). */
export function integersFromText(items: readonly string[]): (number | string)[] {
  return items.map((item) => (integerText.test(item.trim()) ? Number(item.trim()) : item));
}

/**
 * A value written as text (an environment variable) in the type its setting expects. Text that
 * does not convert is passed on unchanged, so that the schema's error names the setting.
 */
export function settingValueFromText(key: SettingKey, text: string): unknown {
  const kind = settingKind(key);
  switch (kind.type) {
    case 'boolean':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : text;
    case 'integer':
      return integerText.test(text.trim()) ? Number(text.trim()) : text;
    case 'string-list':
      return text.split(/\s+/).filter((item) => item !== '');
    case 'integer-list':
      return integersFromText(text.split(/[\s,]+/).filter((item) => item !== ''));
    default:
      return text;
  }
}
