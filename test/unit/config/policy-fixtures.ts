/**
 * Real policy files for the native readers: registry exports in regedit's UTF-16 format,
 * managed-preferences plists (binary and XML, written by Python's plistlib) and JSON files.
 * `reg.exe` is the one thing Linux lacks; its stand-in answers `reg export` the way Windows
 * does, copying the export of a key that "exists" and exiting 1 for one that does not.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandRunner } from '../../../main/core/config/registry-policy-source.ts';

export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

export function fixture(name: string): string {
  return path.join(fixturesDir, name);
}

export interface RegExeStandIn {
  run: CommandRunner;
  calls: { program: string; args: string[] }[];
}

/** `keys`: registry key path → the .reg fixture its export produces. */
export function regExeStandIn(keys: Record<string, string>): RegExeStandIn {
  const calls: { program: string; args: string[] }[] = [];
  return {
    calls,
    run: async (program, args) => {
      calls.push({ program, args });
      const [verb, key, target, overwrite] = args;
      if (verb !== 'export' || key === undefined || target === undefined || overwrite !== '/y') {
        return { exitCode: 1, stdout: '', stderr: 'ERROR: Invalid syntax.\r\n' };
      }
      const source = Object.entries(keys).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
      if (source === undefined) {
        return {
          exitCode: 1,
          stdout: '',
          stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n',
        };
      }
      await copyFile(source, target);
      return { exitCode: 0, stdout: 'The operation completed successfully.\r\n', stderr: '' };
    },
  };
}
