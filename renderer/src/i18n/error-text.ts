import type { AppErrorInfo } from '../../../common/error-codes.ts';
import { i18n } from './i18n.ts';

const variables = (template: string): string[] => [...template.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]!);

/**
 * An error from main in the user's language: its code and wording looked up in the `errors`
 * area, filled in with its params. Main's English message is the fallback for a code or wording
 * the renderer has no words for, or whose words need a name main did not give.
 */
export function errorText(error: Pick<AppErrorInfo, 'code' | 'message' | 'wording' | 'params'>): string {
  const { code, wording = 'default', params = {} } = error;
  const count = params.count ?? params.seconds;
  const key = `errors.${code}.${wording}`;
  const pluralSuffix = count === undefined ? '' : `_${new Intl.PluralRules('en').select(Number(count))}`;
  // A count among the params (a Retry-After's seconds, say) need not make the words plural.
  const english: unknown =
    i18n.getResource('en', 'translation', `${key}${pluralSuffix}`) ?? i18n.getResource('en', 'translation', key);
  if (typeof english !== 'string') return error.message;
  if (variables(english).some((name) => name !== 'count' && params[name] === undefined)) return error.message;
  // The key is built from main's data, so it was checked above at run time rather than by the
  // compiler: typed as one errors key to satisfy i18next's key checking (which lint's type view lacks).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return i18n.t(key as 'errors.internal.default', {
    ...params,
    ...(count === undefined ? {} : { count: Number(count) }),
  });
}
