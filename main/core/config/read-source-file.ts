import { readFile } from 'node:fs/promises';
import { ConfigLoadError } from './config-load-error.ts';

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

/** A configuration file's bytes; undefined when it does not exist (the source sets nothing). */
export async function readSourceFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    const reason = isErrnoException(error) ? (error.code ?? error.message) : String(error);
    throw new ConfigLoadError(
      {
        file,
        field: null,
        message: `the file cannot be read (${reason})`,
        problem: { kind: 'unreadable', params: { detail: reason } },
      },
      { cause: error },
    );
  }
}
