/**
 * The desktop configuration: what IT pre-configures (policy file, bundled settings) and what
 * a user may change. One strict zod schema so that a typo in a policy file is an error that
 * names the field, never a setting silently ignored.
 */
import { z } from 'zod';
import { isLoopbackHost } from './loopback-host.ts';

/** Settings a source may set; `userOverridable` is policy-only and not itself a setting. */
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
      ctx.addIssue({ code: 'custom', message: 'must be an absolute URL' });
      return;
    }
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'must not contain a user name or password' });
    } else if (url.search !== '' || url.hash !== '') {
      ctx.addIssue({ code: 'custom', message: 'must not have a query or fragment' });
    } else if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: 'may use http: only on a loopback host (127.0.0.1, ::1, localhost); use https:',
      });
    } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: 'must be an https: URL' });
    }
  });
}

/** RFC 6749 §3.3 scope-token characters. */
const scopeToken = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'must be one word without spaces or quotes');

const settingsShape = {
  /** Kept exactly as written: it must equal the provider's `iss` byte for byte (Auth0's ends in a slash). */
  issuer: secureUrl(),
  clientId: z.string().trim().min(1, 'must not be empty'),
  scopes: z
    .array(scopeToken)
    .min(1)
    .refine((scopes) => scopes.includes('openid'), 'must include "openid"')
    .refine((scopes) => new Set(scopes).size === scopes.length, 'must not repeat'),
  /** Trailing slashes trimmed, so that paths join cleanly. */
  backendUrl: secureUrl().transform((value) => value.replace(/\/+$/, '')),
  /** Empty means any free port (Entra ID, Google, PingOne); Okta and Auth0 need fixed ones. */
  loopbackPorts: z
    .array(z.number().int().min(1024).max(65535))
    .max(20)
    .refine((ports) => new Set(ports).size === ports.length, 'must not repeat'),
  loginHint: z.string().trim().min(1).max(256),
  domainHint: z.string().trim().min(1).max(256),
  /** Box's own endpoints unless pointed elsewhere (the sandbox's Box emulator); IT never needs to set them. */
  boxApiUrl: secureUrl().transform((value) => value.replace(/\/+$/, '')),
  boxUploadUrl: secureUrl().transform((value) => value.replace(/\/+$/, '')),
};

/** A user settings file or the bundled settings: any subset of the settings, nothing else. */
export const desktopSettingsLayerSchema = z.strictObject(settingsShape).partial();

/** The machine-wide policy: a subset of the settings plus which of them a user may override. */
export const desktopPolicySchema = desktopSettingsLayerSchema.extend({
  userOverridable: z.array(z.enum(settingKeys)).optional(),
});

/** The effective configuration after merging every source: everything the app needs to run. */
export const desktopConfigSchema = z.strictObject({
  ...settingsShape,
  loginHint: settingsShape.loginHint.optional(),
  domainHint: settingsShape.domainHint.optional(),
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
} as const satisfies Partial<DesktopConfig>;

export type ConfigSource = 'policy' | 'environment' | 'user' | 'bundled' | 'default';

export interface EffectiveDesktopConfig {
  config: DesktopConfig;
  /** Where each setting came from, so the settings screen can say "set by your IT department". */
  sources: Partial<Record<SettingKey, ConfigSource>>;
  /** Settings the user cannot change (policy decides). */
  lockedKeys: SettingKey[];
  /** Settings in the user's file that a policy lock overrode. */
  ignoredUserKeys: SettingKey[];
}

/** A configuration error, shown on the "configuration error" screen. */
export interface DesktopConfigError {
  /** The file at fault, or null when the problem is the merged result (a required setting set nowhere). */
  file: string | null;
  /** The field at fault, e.g. `issuer` or `scopes[2]`, or null for a file that is not JSON at all. */
  field: string | null;
  message: string;
}

/** The response of the `config:get` IPC channel. */
export type DesktopConfigState =
  { status: 'ok'; effective: EffectiveDesktopConfig } | { status: 'error'; error: DesktopConfigError };
