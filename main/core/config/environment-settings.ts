/**
 * Settings from environment variables, honoured only in development builds so that a
 * packaged app cannot be pointed at another identity provider by whoever starts it.
 */
import {
  desktopSettingsLayerSchema,
  type DesktopSettingsLayer,
  type SettingKey,
} from '../../../common/desktop-config-schema.ts';
import { errorFromZod } from './config-load-error.ts';
import { settingValueFromText } from './setting-kinds.ts';

export const environmentVariables = {
  issuer: 'BOX_SSO_ISSUER',
  clientId: 'BOX_SSO_CLIENT_ID',
  scopes: 'BOX_SSO_SCOPES',
  backendUrl: 'BOX_SSO_BACKEND_URL',
  loopbackPorts: 'BOX_SSO_LOOPBACK_PORTS',
  loginHint: 'BOX_SSO_LOGIN_HINT',
  domainHint: 'BOX_SSO_DOMAIN_HINT',
  boxApiUrl: 'BOX_SSO_BOX_API_URL',
  boxUploadUrl: 'BOX_SSO_BOX_UPLOAD_URL',
  updatesEnabled: 'BOX_SSO_UPDATES_ENABLED',
  updateUrl: 'BOX_SSO_UPDATE_URL',
  updateChannel: 'BOX_SSO_UPDATE_CHANNEL',
  proxyMode: 'BOX_SSO_PROXY_MODE',
  proxyUrl: 'BOX_SSO_PROXY_URL',
  pacUrl: 'BOX_SSO_PAC_URL',
  caBundleFiles: 'BOX_SSO_CA_BUNDLE_FILES',
  caBundlePem: 'BOX_SSO_CA_BUNDLE_PEM',
  editableFileTypes: 'BOX_SSO_EDITABLE_FILE_TYPES',
} as const satisfies Record<SettingKey, string>;

/** Names the source in errors; there is no file. */
export const environmentSourceName = 'environment variables';

export function readEnvironmentSettings(env: NodeJS.ProcessEnv): DesktopSettingsLayer {
  const raw: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(environmentVariables) as [SettingKey, string][]) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    raw[key] = settingValueFromText(key, value);
  }
  const result = desktopSettingsLayerSchema.safeParse(raw);
  if (!result.success) {
    throw errorFromZod(environmentSourceName, result.error, (field) => {
      const key = field.replace(/\[\d+\]$/, '') as SettingKey;
      return environmentVariables[key] ?? field;
    });
  }
  return result.data;
}
