import type { DesktopConfigError } from '../../../common/desktop-config-schema.ts';
import { englishWords } from './error-text.ts';
import { i18n } from './i18n.ts';

/**
 * A configuration problem in the user's language, by the name main gave it
 * (common/config-problems.ts); main's English is the fallback for a name the catalog lacks.
 */
export function configProblemText(error: Pick<DesktopConfigError, 'message' | 'problem'>): string {
  const { kind, params } = error.problem;
  const key = `configError.problems.${kind}`;
  const count = params.limit;
  if (englishWords(key, count) === undefined) return error.message;
  // Built from main's data and checked above at run time (test/renderer/i18n/catalogs.test.tsx
  // checks every name main can give), so typed as one key for i18next's key checking.
  const values = { ...params, ...(count === undefined ? {} : { count }) } as { detail: string };
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return i18n.t(key as 'configError.problems.invalid', values);
}
