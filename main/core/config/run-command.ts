import { execFile } from 'node:child_process';
import type { CommandRunner } from './registry-policy-source.ts';

/**
 * The real command runner: no shell, so no quoting of the key path can go wrong. A program that
 * ran and failed resolves with its exit code; one that could not be started rejects.
 */
export const runCommand: CommandRunner = (program, args) =>
  new Promise((resolve, reject) => {
    execFile(program, args, { windowsHide: true, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error === null) resolve({ exitCode: 0, stdout, stderr });
      else if (typeof error.code === 'number') resolve({ exitCode: error.code, stdout, stderr });
      else reject(new Error(`${program} could not be run: ${error.message}`, { cause: error }));
    });
  });
