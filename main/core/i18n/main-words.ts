import type { ShippedLanguage } from '../../../common/languages.ts';

/**
 * The words main shows itself, outside the renderer's catalogs: the titles of the OS's own file
 * dialogs and the proxy sign-in dialog (main/electron/proxy-sign-in-page.ts). `{{name}}` marks
 * what the caller fills in. Same languages as the renderer (renderer/src/i18n/); German must name every key
 * English does, which the type checks.
 */
const en = {
  saveFromBox: 'Save from Box',
  downloadToFolder: 'Download to folder',
  uploadToBox: 'Upload to Box',
  proxyTitle: 'Proxy sign-in',
  proxyAsks: 'The network proxy {{proxy}} asks you to sign in.',
  proxyRefused: 'The proxy refused that user name or password (try {{attempt}} of {{max}}). Check them and try again.',
  proxyUserName: 'User name',
  proxyPassword: 'Password',
  proxySignIn: 'Sign in',
  proxyCancel: 'Cancel',
};

export type MainWords = typeof en;

const de: MainWords = {
  saveFromBox: 'Aus Box speichern',
  downloadToFolder: 'In Ordner herunterladen',
  uploadToBox: 'In Box hochladen',
  proxyTitle: 'Anmeldung am Proxy',
  proxyAsks: 'Der Netzwerk-Proxy {{proxy}} bittet Sie, sich anzumelden.',
  proxyRefused:
    'Der Proxy hat diesen Benutzernamen oder dieses Passwort abgelehnt (Versuch {{attempt}} von {{max}}). Prüfen Sie beides und versuchen Sie es erneut.',
  proxyUserName: 'Benutzername',
  proxyPassword: 'Passwort',
  proxySignIn: 'Anmelden',
  proxyCancel: 'Abbrechen',
};

/** One catalog per shipped language (common/languages.ts): a language added there without one here does not compile. */
export const mainCatalogs: Readonly<Record<ShippedLanguage, MainWords>> = { en, de };

/** A catalog string with its `{{name}}` marks filled in, each value as given (the caller escapes for HTML). */
export function fillWords(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (mark, name: string) => values[name] ?? mark);
}
