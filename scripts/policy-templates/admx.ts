/**
 * The Group Policy templates (ADMX and its English ADML) generated from the settings schema.
 * Each setting becomes two policies: one in "Box SSO Desktop" that is enforced (written to
 * Software\Policies\BoxSSO\Desktop) and one in its "Defaults" subcategory that users may change
 * (written to the Defaults subkey). `class="Both"` offers each under Computer Configuration
 * (HKLM, the stronger) and User Configuration (HKCU).
 */
import { create } from 'xmlbuilder2';
import { registryDefaultsSubkey, registryPolicyKey } from '../../main/core/config/policy-locations.ts';
import { settingDefinitions, type SettingDefinition } from '../../main/core/config/setting-kinds.ts';

const policyNamespace = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
/** Group Policy keys are written without the hive; the editor adds HKLM or HKCU. */
const enforcedKey = registryPolicyKey.replace(/^SOFTWARE/, 'Software');
const defaultsKey = `${enforcedKey}\\${registryDefaultsSubkey}`;
export const admxFileName = 'box-sso-desktop.admx';
export const admlFileName = 'box-sso-desktop.adml';

interface Layer {
  suffix: '' | '_Default';
  category: string;
  key: string;
}
const layers: Layer[] = [
  { suffix: '', category: 'BoxSSODesktop', key: enforcedKey },
  { suffix: '_Default', category: 'BoxSSODesktopDefaults', key: defaultsKey },
];

type XmlObject = Record<string, unknown>;

function elementOf(setting: SettingDefinition): XmlObject | undefined {
  const id = { '@id': setting.key, '@valueName': setting.key };
  switch (setting.kind.type) {
    case 'string':
      return { text: { ...id, '@required': 'true', '@maxLength': '1024' } };
    case 'integer':
      return {
        decimal: {
          ...id,
          '@required': 'true',
          ...(setting.kind.minimum !== undefined ? { '@minValue': String(setting.kind.minimum) } : {}),
          ...(setting.kind.maximum !== undefined ? { '@maxValue': String(setting.kind.maximum) } : {}),
        },
      };
    case 'enum':
      return {
        enum: {
          ...id,
          '@required': 'true',
          item: setting.kind.values.map((value) => ({
            '@displayName': `$(string.${setting.key}_${value})`,
            value: { string: value },
          })),
        },
      };
    case 'string-list':
    case 'integer-list':
      // REG_MULTI_SZ, one item per line; the reader turns port numbers back into integers.
      return { multiText: { ...id } };
    case 'boolean':
      return undefined;
  }
}

function policyOf(setting: SettingDefinition, layer: Layer): XmlObject {
  const name = `${setting.key}${layer.suffix}`;
  const element = elementOf(setting);
  return {
    '@name': name,
    '@class': 'Both',
    '@displayName': `$(string.${name})`,
    '@explainText': `$(string.${name}_Explain)`,
    ...(element !== undefined ? { '@presentation': `$(presentation.${name})` } : {}),
    '@key': layer.key,
    // A switch is the policy's own state: Enabled writes 1, Disabled writes 0.
    ...(element === undefined ? { '@valueName': setting.key } : {}),
    parentCategory: { '@ref': layer.category },
    supportedOn: { '@ref': 'SUPPORTED_BoxSSODesktop' },
    ...(element === undefined
      ? { enabledValue: { decimal: { '@value': '1' } }, disabledValue: { decimal: { '@value': '0' } } }
      : { elements: element }),
  };
}

/** `userOverridable` is enforced-only: it says which settings a user may change. */
function userOverridablePolicy(): XmlObject {
  return {
    '@name': 'userOverridable',
    '@class': 'Both',
    '@displayName': '$(string.userOverridable)',
    '@explainText': '$(string.userOverridable_Explain)',
    '@presentation': '$(presentation.userOverridable)',
    '@key': enforcedKey,
    parentCategory: { '@ref': 'BoxSSODesktop' },
    supportedOn: { '@ref': 'SUPPORTED_BoxSSODesktop' },
    elements: { multiText: { '@id': 'userOverridable', '@valueName': 'userOverridable' } },
  };
}

export function renderAdmx(): string {
  const policies = layers.flatMap((layer) => settingDefinitions.map((setting) => policyOf(setting, layer)));
  return create(
    { version: '1.0', encoding: 'utf-8' },
    {
      policyDefinitions: {
        '@xmlns': policyNamespace,
        '@revision': '1.0',
        '@schemaVersion': '1.0',
        policyNamespaces: {
          target: { '@prefix': 'boxssodesktop', '@namespace': 'BoxSSO.Policies.Desktop' },
          using: { '@prefix': 'windows', '@namespace': 'Microsoft.Policies.Windows' },
        },
        resources: { '@minRequiredRevision': '1.0' },
        supportedOn: {
          definitions: {
            definition: { '@name': 'SUPPORTED_BoxSSODesktop', '@displayName': '$(string.SUPPORTED_BoxSSODesktop)' },
          },
        },
        categories: {
          category: [
            { '@name': 'BoxSSODesktop', '@displayName': '$(string.BoxSSODesktop)' },
            {
              '@name': 'BoxSSODesktopDefaults',
              '@displayName': '$(string.BoxSSODesktopDefaults)',
              parentCategory: { '@ref': 'BoxSSODesktop' },
            },
          ],
        },
        policies: { policy: [...policies, userOverridablePolicy()] },
      },
    },
  ).end({ prettyPrint: true });
}

function presentationOf(setting: SettingDefinition, name: string): XmlObject | undefined {
  const label = setting.title;
  switch (setting.kind.type) {
    case 'string':
      return { '@id': name, textBox: { '@refId': setting.key, label } };
    case 'integer':
      return { '@id': name, decimalTextBox: { '@refId': setting.key, '#': label } };
    case 'enum':
      return { '@id': name, dropdownList: { '@refId': setting.key, '@noSort': 'true', '#': label } };
    case 'string-list':
    case 'integer-list':
      return { '@id': name, multiTextBox: { '@refId': setting.key, '#': `${label} (one per line)` } };
    case 'boolean':
      return undefined;
  }
}

export function renderAdml(): string {
  const strings: XmlObject[] = [
    { '@id': 'SUPPORTED_BoxSSODesktop', '#': 'Box SSO Desktop 0.1 and later' },
    { '@id': 'BoxSSODesktop', '#': 'Box SSO Desktop' },
    { '@id': 'BoxSSODesktopDefaults', '#': 'Default settings (users can change them)' },
  ];
  const presentations: XmlObject[] = [];
  for (const layer of layers) {
    for (const setting of settingDefinitions) {
      const name = `${setting.key}${layer.suffix}`;
      const how =
        layer.suffix === ''
          ? 'Enabled, this value is enforced: users cannot change it.'
          : 'Enabled, this is the default value: users can change it in the app.';
      strings.push({ '@id': name, '#': setting.title });
      strings.push({ '@id': `${name}_Explain`, '#': `${setting.description}\n\n${how}\n\nSetting: ${setting.key}` });
      if (setting.kind.type === 'enum') {
        for (const value of setting.kind.values) strings.push({ '@id': `${setting.key}_${value}`, '#': value });
      }
      const presentation = presentationOf(setting, name);
      if (presentation !== undefined) presentations.push(presentation);
    }
  }
  strings.push({ '@id': 'userOverridable', '#': 'Settings users may override' });
  strings.push({
    '@id': 'userOverridable_Explain',
    '#': 'Enabled: only the settings listed (one key per line, e.g. loginHint) may be changed by users; every other setting is locked.',
  });
  presentations.push({
    '@id': 'userOverridable',
    multiTextBox: { '@refId': 'userOverridable', '#': 'Setting keys (one per line)' },
  });
  // Enum item strings are shared by both layers: keep the first of each id.
  const unique = strings.filter(
    (entry, index) => strings.findIndex((other) => other['@id'] === entry['@id']) === index,
  );
  return create(
    { version: '1.0', encoding: 'utf-8' },
    {
      policyDefinitionResources: {
        '@xmlns': policyNamespace,
        '@revision': '1.0',
        '@schemaVersion': '1.0',
        displayName: 'Box SSO Desktop',
        description: 'Settings for Box SSO Desktop',
        resources: { stringTable: { string: unique }, presentationTable: { presentation: presentations } },
      },
    },
  ).end({ prettyPrint: true });
}
