/**
 * What can be wrong with a configuration source, by name, so the configuration error screen can
 * say it in the user's language (the renderer's `configError.problems` area) while main, its log
 * and the diagnostics report keep the English words below. The schema's own rules
 * (desktop-config-schema.ts) use these words as their messages, so a rule and its name cannot
 * drift apart.
 */

/** The schema's rules: each one's English words, as zod reports them. */
export const configRuleWords = {
  absoluteUrl: 'must be an absolute URL',
  urlCredentials: 'must not contain a user name or password',
  urlQuery: 'must not have a query or fragment',
  loopbackHttpOnly: 'may use http: only on a loopback host (127.0.0.1, ::1, localhost); use https:',
  httpsOnly: 'must be an https: URL',
  scopeWord: 'must be one word without spaces or quotes',
  proxyUrlShape: 'must be a URL such as http://proxy.example.com:8080',
  proxyScheme: 'must start with http://, https:// or socks5://',
  proxyCredentials: 'must not contain a user name or password (the app asks for them)',
  proxyHostPortOnly: 'must be a host and port only',
  httpUrl: 'must be an http: or https: URL',
  absolutePath: 'must be an absolute path',
  pemCertificates: 'must hold PEM certificates',
  notEmpty: 'must not be empty',
  includesOpenid: 'must include "openid"',
  noRepeats: 'must not repeat',
  fileExtension: 'must be an extension such as ".docx" (a dot, then lower-case letters or digits)',
  proxyUrlForFixed: 'must be set when proxyMode is "fixed"',
  pacUrlForPac: 'must be set when proxyMode is "pac"',
} as const;
export type ConfigRule = keyof typeof configRuleWords;

/** Problems found while reading a source, and zod's own checks (types, choices, lengths). */
export const configSourceProblems = [
  'unreadable',
  'notJson',
  'notPropertyList',
  'registryExportInvalid',
  'registryUnreadable',
  'unknownSetting',
  'unknownRegistryKey',
  'notConfigured',
  'wrongType',
  'notOneOf',
  'tooShort',
  'tooLong',
  'tooFew',
  'tooMany',
  'tooSmall',
  'tooBig',
  'invalid',
] as const;
export type ConfigSourceProblem = (typeof configSourceProblems)[number];

/**
 * One problem by name, with what its words need: `detail` (the system's or parser's own words,
 * shown as given), `expected` (a JSON type), `values` (the allowed choices), `limit`, `where`.
 */
export interface ConfigProblem {
  kind: ConfigRule | ConfigSourceProblem;
  params: { detail?: string; expected?: string; values?: string; limit?: number; where?: string };
}

const rulesByWords = new Map(Object.entries(configRuleWords).map(([rule, words]) => [words, rule as ConfigRule]));

/** The schema rule whose words these are, if any. */
export function configRuleOf(message: string): ConfigRule | undefined {
  return rulesByWords.get(message as (typeof configRuleWords)[ConfigRule]);
}
