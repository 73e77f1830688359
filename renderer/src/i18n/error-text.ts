import type { AppErrorInfo } from '../../../common/error-codes.ts';
import { i18n } from './i18n.ts';

/**
 * The English words under a key built from main's data, its plural form when a count is given
 * and the catalog has one (a count among the params, a Retry-After's seconds say, need not make
 * the words plural); undefined when the catalog has no such key.
 */
export function englishWords(key: string, count: number | undefined): string | undefined {
  const plural = count === undefined ? undefined : `${key}_${new Intl.PluralRules('en').select(count)}`;
  const words: unknown =
    (plural === undefined ? undefined : i18n.getResource('en', 'translation', plural)) ??
    i18n.getResource('en', 'translation', key);
  return typeof words === 'string' ? words : undefined;
}

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
  const english = englishWords(key, count === undefined ? undefined : Number(count));
  if (english === undefined) return error.message;
  if (variables(english).some((name) => name !== 'count' && params[name] === undefined)) return error.message;
  // The key is built from main's data, so it was checked above at run time rather than by the
  // compiler: typed as one errors key to satisfy i18next's key checking (which lint's type view lacks).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return i18n.t(key as 'errors.internal.default', {
    ...params,
    ...(count === undefined ? {} : { count: Number(count) }),
  });
}
