import type { z } from 'zod';
import type { DesktopConfigError } from '../../../common/desktop-config-schema.ts';

/** Thrown inside the loader only; the loader turns it into a `DesktopConfigState` error. */
export class ConfigLoadError extends Error {
  readonly info: DesktopConfigError;

  constructor(info: DesktopConfigError, options?: { cause?: unknown }) {
    super(info.file === null ? info.message : `${info.file}: ${info.message}`, options);
    this.name = 'ConfigLoadError';
    this.info = info;
  }
}

/** `['scopes', 2]` → `scopes[2]`, so the error names the field the way an admin would look for it. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, part) =>
      typeof part === 'number' ? `${name}[${part}]` : name === '' ? String(part) : `${name}.${String(part)}`,
    '',
  );
}

/** The first zod issue, as an error naming the file and the field. */
export function errorFromZod(
  file: string,
  error: z.ZodError,
  describeField: (field: string) => string = (f) => f,
): ConfigLoadError {
  const issue = error.issues[0];
  if (issue === undefined) return new ConfigLoadError({ file, field: null, message: 'invalid configuration' });
  if (issue.code === 'unrecognized_keys') {
    const field = describeField(fieldName([...issue.path, issue.keys[0] ?? '']));
    return new ConfigLoadError({ file, field, message: `unknown setting "${field}"` });
  }
  const field = describeField(fieldName(issue.path));
  return new ConfigLoadError({
    file,
    field: field === '' ? null : field,
    message: `${field === '' ? 'the file' : `"${field}"`}: ${issue.message}`,
  });
}
