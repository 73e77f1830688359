/**
 * Reads one JSON settings file and validates it. A missing file means "this source sets
 * nothing"; anything else that is wrong (unreadable, not JSON, unknown or mistyped field)
 * is an error naming the file, never a silent fallback.
 */
import type { z } from 'zod';
import { ConfigLoadError, errorFromZod } from './config-load-error.ts';
import { readSourceFile } from './read-source-file.ts';

/** The file's JSON, or undefined when there is no file. */
export async function readJsonFile(file: string): Promise<unknown> {
  const bytes = await readSourceFile(file);
  if (bytes === undefined) return undefined;
  try {
    // Windows editors such as Notepad may save UTF-8 with a byte-order mark.
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : String(error);
    throw new ConfigLoadError(
      {
        file,
        field: null,
        message: `the file is not valid JSON (${detail})`,
        problem: { kind: 'notJson', params: { detail } },
      },
      { cause: error },
    );
  }
}

export async function readSettingsFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
): Promise<z.infer<Schema> | undefined> {
  const json = await readJsonFile(file);
  if (json === undefined) return undefined;
  const result = schema.safeParse(json);
  if (!result.success) throw errorFromZod(file, result.error);
  return result.data;
}
