import type { z } from 'zod';
import { configRuleOf, type ConfigProblem } from '../../../common/config-problems.ts';
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

/** A zod issue by name: one of the schema's rules, or zod's own check (type, choice, length). */
export function problemOfIssue(issue: z.core.$ZodIssue): ConfigProblem {
  const rule = configRuleOf(issue.message);
  if (rule !== undefined) return { kind: rule, params: {} };
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'wrongType', params: { expected: issue.expected } };
    case 'invalid_value':
      return { kind: 'notOneOf', params: { values: issue.values.map((value) => JSON.stringify(value)).join(', ') } };
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const small = issue.code === 'too_small';
      if (issue.origin === 'string') return { kind: small ? 'tooShort' : 'tooLong', params: { limit } };
      if (issue.origin === 'array') return { kind: small ? 'tooFew' : 'tooMany', params: { limit } };
      return { kind: small ? 'tooSmall' : 'tooBig', params: { limit } };
    }
    default:
      return { kind: 'invalid', params: { detail: issue.message } };
  }
}

/** The first zod issue, as an error naming the file and the field. */
export function errorFromZod(
  file: string,
  error: z.ZodError,
  describeField: (field: string) => string = (f) => f,
): ConfigLoadError {
  const issue = error.issues[0];
  if (issue === undefined)
    return new ConfigLoadError({
      file,
      field: null,
      message: 'invalid configuration',
      problem: { kind: 'invalid', params: { detail: 'invalid configuration' } },
    });
  if (issue.code === 'unrecognized_keys') {
    const field = describeField(fieldName([...issue.path, issue.keys[0] ?? '']));
    return new ConfigLoadError({
      file,
      field,
      message: `unknown setting "${field}"`,
      problem: { kind: 'unknownSetting', params: {} },
    });
  }
  const field = describeField(fieldName(issue.path));
  return new ConfigLoadError({
    file,
    field: field === '' ? null : field,
    message: `${field === '' ? 'the file' : `"${field}"`}: ${issue.message}`,
    problem: problemOfIssue(issue),
  });
}
