/**
 * Reads one JSON settings file and validates it. A missing file means "this source sets
 * nothing"; anything else that is wrong (unreadable, not JSON, unknown or mistyped field)
 * is an error naming the file, never a silent fallback.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ConfigLoadError, errorFromZod } from './config-load-error.ts';

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

export async function readSettingsFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
): Promise<z.infer<Schema> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    const reason = isErrnoException(error) ? (error.code ?? error.message) : String(error);
    throw new ConfigLoadError({ file, field: null, message: `the file cannot be read (${reason})` }, { cause: error });
  }
  let json: unknown;
  try {
    // Windows editors such as Notepad may save UTF-8 with a byte-order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : String(error);
    throw new ConfigLoadError(
      { file, field: null, message: `the file is not valid JSON (${detail})` },
      { cause: error },
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) throw errorFromZod(file, result.error);
  return result.data;
}
