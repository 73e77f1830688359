/**
 * Group Policy / Intune settings from the registry. The key is exported with Windows' own
 * `reg.exe` (present on every Windows since XP, no native module to build) into a temporary
 * file and parsed; the command runner is injected so that tests on Linux feed real exports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigLoadError } from './config-load-error.ts';
import { registryDefaultsSubkey, registryPolicyKey, type RegistryHive } from './policy-locations.ts';
import type { PolicySource } from './policy-source.ts';
import { readSourceFile } from './read-source-file.ts';
import { decodeRegFile, parseRegFile, RegFileSyntaxError, type RegistryValue } from './reg-file.ts';
import { integersFromText, isSettingKey, settingKind } from './setting-kinds.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}
/** Runs a program without a shell and waits for it to exit. */
export type CommandRunner = (program: string, args: string[]) => Promise<CommandResult>;

/** reg.exe by absolute path, so that a program named `reg` earlier on PATH is never run. */
export function regExePath(env: NodeJS.ProcessEnv): string {
  return path.win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
}

/**
 * A registry value as the schema expects it: REG_DWORD 0/1 for switches, REG_MULTI_SZ for lists
 * (what ADMX `multiText` writes). Other shapes pass through unchanged so that the schema's error
 * names the value and says what it expected.
 */
function settingValue(name: string, value: RegistryValue): unknown {
  if (!isSettingKey(name)) return value.data;
  const kind = settingKind(name);
  if (kind.type === 'boolean' && value.type === 'REG_DWORD' && (value.data === 0 || value.data === 1))
    return value.data === 1;
  if (kind.type === 'integer-list' && value.type === 'REG_MULTI_SZ') return integersFromText(value.data);
  if (value.type === 'REG_QWORD') return Number(value.data);
  return value.data;
}

function valuesOf(values: Map<string, RegistryValue> | undefined): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [name, value] of values ?? []) {
    // An empty default value (`@`) is what creating the key leaves behind; it sets nothing.
    if (name === '' && value.type === 'REG_SZ' && value.data === '') continue;
    document[name === '' ? '(Default)' : name] = settingValue(name, value);
  }
  return document;
}

/** The policy document a registry export holds: the key's values, and its Defaults subkey as `defaults`. */
export function policyFromRegistryExport(text: string, keyPath: string, sourceName: string): unknown {
  let keys;
  try {
    keys = parseRegFile(text);
  } catch (error) {
    if (!(error instanceof RegFileSyntaxError)) throw error;
    throw new ConfigLoadError({
      file: sourceName,
      field: null,
      message: `the registry export is invalid (${error.message})`,
      problem: { kind: 'registryExportInvalid', params: { detail: error.message } },
    });
  }
  const lower = keyPath.toLowerCase();
  const defaultsPath = `${lower}\\${registryDefaultsSubkey.toLowerCase()}`;
  let root: Map<string, RegistryValue> | undefined;
  let defaults: Map<string, RegistryValue> | undefined;
  for (const [name, values] of keys) {
    const key = name.toLowerCase();
    if (key === lower) root = values;
    else if (key === defaultsPath) defaults = values;
    else if (key.startsWith(`${lower}\\`)) {
      const subkey = name.slice(keyPath.length + 1);
      throw new ConfigLoadError({
        file: sourceName,
        field: subkey,
        message: `unknown registry key "${subkey}"`,
        problem: { kind: 'unknownRegistryKey', params: {} },
      });
    }
  }
  const document = valuesOf(root);
  if (defaults !== undefined && defaults.size > 0) document.defaults = valuesOf(defaults);
  return document;
}

export function registryPolicySource(options: {
  hive: RegistryHive;
  runCommand: CommandRunner;
  regExe: string;
}): PolicySource {
  const keyPath = `${options.hive}\\${registryPolicyKey}`;
  return {
    name: keyPath,
    describeField: (field) => field.replace(/^defaults\./, `${registryDefaultsSubkey}\\`),
    async read() {
      const folder = await mkdtemp(path.join(tmpdir(), 'box-sso-policy-'));
      const file = path.join(folder, 'policy.reg');
      try {
        let result;
        try {
          result = await options.runCommand(options.regExe, ['export', keyPath, file, '/y']);
        } catch (error) {
          // Without reg.exe the policy cannot be known; running unconfigured could escape it.
          const detail = error instanceof Error ? error.message : String(error);
          throw new ConfigLoadError(
            {
              file: keyPath,
              field: null,
              message: `the registry cannot be read (${options.regExe}: ${detail})`,
              problem: { kind: 'registryUnreadable', params: { detail: `${options.regExe}: ${detail}` } },
            },
            { cause: error },
          );
        }
        // reg.exe exits 1 when the key does not exist: no Group Policy configures the app.
        if (result.exitCode !== 0) return undefined;
        const bytes = await readSourceFile(file);
        return bytes === undefined ? undefined : policyFromRegistryExport(decodeRegFile(bytes), keyPath, keyPath);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
