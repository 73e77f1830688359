/**
 * The desktop configuration: what IT pre-configures (policy file, bundled settings) and what
 * a user may change. One strict zod schema so that a typo in a policy file is an error that
 * names the field, never a setting silently ignored.
 */
import { z } from 'zod';
import { configRuleWords, type ConfigProblem } from './config-problems.ts';
import { isLoopbackHost } from './loopback-host.ts';

/** Settings a source may set; `defaults` and `userOverridable` are policy-only and not settings. */
export const settingKeys = [
  'issuer',
  'clientId',
  'scopes',
  'backendUrl',
  'loopbackPorts',
  'loginHint',
  'domainHint',
  'boxApiUrl',
  'boxUploadUrl',
  'updatesEnabled',
  'updateUrl',
  'updateChannel',
  'proxyMode',
  'proxyUrl',
  'pacUrl',
  'caBundleFiles',
  'caBundlePem',
  'editableFileTypes',
] as const;
export type SettingKey = (typeof settingKeys)[number];

/**
 * An `https:` URL, or `http:` only on a loopback host (RFC 8252 / OIDC: plain HTTP is
 * acceptable only where nothing crosses the network, as with the sandbox peers).
 */
function secureUrl() {
  return z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: configRuleWords.absoluteUrl });
      return;
    }
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: configRuleWords.urlCredentials });
    } else if (url.search !== '' || url.hash !== '') {
      ctx.addIssue({ code: 'custom', message: configRuleWords.urlQuery });
    } else if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: configRuleWords.loopbackHttpOnly,
      });
    } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: configRuleWords.httpsOnly });
    }
  });
}

/** RFC 6749 §3.3 scope-token characters. */
const scopeToken = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, configRuleWords.scopeWord);

/** URLs whose paths are joined onto: trailing slashes trimmed. */
function baseUrl() {
  return secureUrl().transform((value) => value.replace(/\/+$/, ''));
}

/** A proxy's address: http:, https: or socks5:, host and port only (its password is asked for, never configured). */
const proxyAddress = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: configRuleWords.proxyUrlShape });
    return;
  }
  if (!['http:', 'https:', 'socks5:'].includes(url.protocol)) {
    ctx.addIssue({ code: 'custom', message: configRuleWords.proxyScheme });
  } else if (url.username !== '' || url.password !== '') {
    ctx.addIssue({ code: 'custom', message: configRuleWords.proxyCredentials });
  } else if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    ctx.addIssue({ code: 'custom', message: configRuleWords.proxyHostPortOnly });
  }
});

/**
 * Corporate networks (docs/it-admin.md "Corporate networks"): how the desktop's own connections
 * choose a proxy, and which certificate authorities they trust beyond Node's and the OS's.
 */
const networkSettingsShape = {
  proxyMode: z.enum(['system', 'direct', 'fixed', 'pac']).meta({
    title: 'Proxy mode',
    description:
      'system: as the OS and browser settings say (PAC and WPAD included); direct: no proxy; fixed: proxyUrl; pac: the PAC file at pacUrl.',
  }),
  proxyUrl: proxyAddress.meta({
    title: 'Proxy URL',
    description: 'With proxyMode fixed: the proxy for every connection, e.g. http://proxy.example.com:8080.',
  }),
  pacUrl: z
    .url({ protocol: /^https?$/, error: configRuleWords.httpUrl })
    .meta({ title: 'PAC file URL', description: 'With proxyMode pac: where the proxy auto-config file is served.' }),
  caBundleFiles: z
    .array(
      z
        .string()
        .min(1)
        .refine((path) => /^(\/|[A-Za-z]:[\\/])/.test(path), configRuleWords.absolutePath),
    )
    .max(20)
    .meta({
      title: 'Extra CA certificate files',
      description: 'PEM files of certificate authorities to trust besides the OS store (TLS inspection roots).',
    }),
  caBundlePem: z
    .string()
    .refine((pem) => pem.includes('-----BEGIN CERTIFICATE-----'), configRuleWords.pemCertificates)
    .meta({ title: 'Extra CA certificates (PEM)', description: 'Certificate authorities to trust, pasted as PEM.' }),
};

/**
 * Every setting, with the title and description that the generated policy templates (ADMX/ADML,
 * .mobileconfig, JSON example) show to IT: scripts/generate-policy-templates.ts reads them here.
 */
const settingsShape = {
  /** Kept exactly as written: it must equal the provider's `iss` byte for byte (Auth0's ends in a slash). */
  issuer: secureUrl().meta({
    title: 'Identity provider issuer',
    description:
      "The OpenID provider's issuer URL, exactly as in its /.well-known/openid-configuration (https:, no query).",
  }),
  clientId: z
    .string()
    .trim()
    .min(1, configRuleWords.notEmpty)
    .meta({ title: 'Client id', description: "The desktop app's client id at the identity provider." }),
  scopes: z
    .array(scopeToken)
    .min(1)
    .refine((scopes) => scopes.includes('openid'), configRuleWords.includesOpenid)
    .refine((scopes) => new Set(scopes).size === scopes.length, configRuleWords.noRepeats)
    .meta({ title: 'Scopes', description: 'OpenID Connect scopes to request, one per line; must include openid.' }),
  backendUrl: baseUrl().meta({
    title: 'Provisioning backend URL',
    description: 'The provisioning backend that exchanges the ID token for a Box token (https:).',
  }),
  /** Empty means any free port (Entra ID, Google, PingOne); Okta and Auth0 need fixed ones. */
  loopbackPorts: z
    .array(z.number().int().min(1024).max(65535))
    .max(20)
    .refine((ports) => new Set(ports).size === ports.length, configRuleWords.noRepeats)
    .meta({
      title: 'Loopback redirect ports',
      description: 'Fixed ports (1024-65535) for the sign-in redirect, one per line; empty means any free port.',
    }),
  loginHint: z.string().trim().min(1).max(256).meta({
    title: 'Login hint',
    description: 'Sent as login_hint: pre-fills the user name at the identity provider.',
  }),
  domainHint: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .meta({ title: 'Domain hint', description: 'Sent as domain_hint: Entra ID goes straight to this domain.' }),
  /** Box's own endpoints unless pointed elsewhere (the sandbox's Box emulator); IT never needs to set them. */
  boxApiUrl: baseUrl().meta({ title: 'Box API URL', description: "Box's API. Change only for testing." }),
  boxUploadUrl: baseUrl().meta({ title: 'Box upload URL', description: "Box's upload API. Change only for testing." }),
  updatesEnabled: z.boolean().meta({
    title: 'Automatic updates',
    description: 'Disabled: the app never contacts the update server; IT installs new versions itself.',
  }),
  /** An IT-hosted folder holding latest.yml / beta.yml and the installers (electron-updater's generic provider). */
  updateUrl: baseUrl().meta({
    title: 'Update server URL',
    description: 'The folder (https:) where IT publishes latest.yml, beta.yml and the installers.',
  }),
  updateChannel: z
    .enum(['stable', 'beta'])
    .meta({ title: 'Update channel', description: 'stable (latest.yml) or beta (beta.yml).' }),
  ...networkSettingsShape,
  /** Double-click opens these for editing (lock, save back); others open in the viewer. */
  editableFileTypes: z
    .array(z.string().regex(/^\.[a-z0-9]{1,16}$/, configRuleWords.fileExtension))
    .max(200)
    .meta({
      title: 'Editable file types',
      description:
        'File extensions that double-click opens for editing in the desktop app (locked on Box, saved back as new versions), one per line, e.g. .docx.',
    }),
};

/** A user settings file or the bundled settings: any subset of the settings, nothing else. */
export const desktopSettingsLayerSchema = z.strictObject(settingsShape).partial();

/**
 * One policy source (registry key, managed-preferences domain, policy file): the settings it
 * enforces, the `defaults` it suggests (the user may change them) and, optionally, which of its
 * settings a user may override (every other setting is then locked).
 */
export const desktopPolicySchema = desktopSettingsLayerSchema.extend({
  defaults: desktopSettingsLayerSchema.optional(),
  userOverridable: z.array(z.enum(settingKeys)).optional(),
});

/** The effective configuration after merging every source: everything the app needs to run. */
export const desktopConfigSchema = z
  .strictObject({
    ...settingsShape,
    loginHint: settingsShape.loginHint.optional(),
    domainHint: settingsShape.domainHint.optional(),
    updateUrl: settingsShape.updateUrl.optional(),
    proxyUrl: settingsShape.proxyUrl.optional(),
    pacUrl: settingsShape.pacUrl.optional(),
    caBundlePem: settingsShape.caBundlePem.optional(),
  })
  .superRefine((config, ctx) => {
    // A mode that names an address nobody gave would silently fall back to something IT did not choose.
    if (config.proxyMode === 'fixed' && config.proxyUrl === undefined)
      ctx.addIssue({ code: 'custom', path: ['proxyUrl'], message: configRuleWords.proxyUrlForFixed });
    if (config.proxyMode === 'pac' && config.pacUrl === undefined)
      ctx.addIssue({ code: 'custom', path: ['pacUrl'], message: configRuleWords.pacUrlForPac });
  });

export type DesktopSettingsLayer = z.infer<typeof desktopSettingsLayerSchema>;
export type DesktopPolicy = z.infer<typeof desktopPolicySchema>;
export type DesktopConfig = z.infer<typeof desktopConfigSchema>;

/** Used when no source sets them. */
export const settingDefaults = {
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  loopbackPorts: [],
  boxApiUrl: 'https://api.box.com',
  boxUploadUrl: 'https://upload.box.com/api',
  updatesEnabled: true,
  updateChannel: 'stable',
  proxyMode: 'system',
  caBundleFiles: [],
  // Office documents (Microsoft and OpenDocument) and text; never macro-enabled ones, which the launchable-file guard refuses.
  editableFileTypes: [
    '.docx',
    '.doc',
    '.dotx',
    '.rtf',
    '.odt',
    '.xlsx',
    '.xls',
    '.xltx',
    '.csv',
    '.ods',
    '.pptx',
    '.ppt',
    '.potx',
    '.odp',
    '.txt',
    '.md',
  ],
} as const satisfies Partial<DesktopConfig>;

/** `policy` is a policy's enforced value, `policy-default` a policy's default that the user did not change. */
export type ConfigSource = 'policy' | 'policy-default' | 'environment' | 'user' | 'bundled' | 'default';

export interface EffectiveDesktopConfig {
  config: DesktopConfig;
  /** Where each setting came from, so the settings screen can say "Set by your organization". */
  sources: Partial<Record<SettingKey, ConfigSource>>;
  /** The exact place of each value (a registry key, a file, "environment variables", "built-in"), for diagnostics. */
  origins: Partial<Record<SettingKey, string>>;
  /** Settings the user cannot change (policy decides). */
  lockedKeys: SettingKey[];
  /** Settings in the user's file that a policy lock overrode. */
  ignoredUserKeys: SettingKey[];
}

/** A configuration error, shown on the "configuration error" screen. */
export interface DesktopConfigError {
  /**
   * The source at fault (a file, a registry key, "environment variables"), or null when the problem is
   * the merged result (a required setting set nowhere).
   */
  file: string | null;
  /** The field at fault, e.g. `issuer` or `scopes[2]`, or null for a file that is not JSON at all. */
  field: string | null;
  /** In English, for main's log and the diagnostics report. */
  message: string;
  /** The same problem by name, for the error screen to say in the user's language. */
  problem: ConfigProblem;
}

/** The response of the `config:get` IPC channel. */
export type DesktopConfigState =
  { status: 'ok'; effective: EffectiveDesktopConfig } | { status: 'error'; error: DesktopConfigError };
