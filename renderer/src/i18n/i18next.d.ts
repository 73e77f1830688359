import 'i18next';
import type { en } from './en.ts';

/** Keys are checked at compile time: t('no.such.key') does not compile. */
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}
