import type { Words } from './define-area.ts';
import { app, format, languages } from './areas/app.ts';
import { bulk } from './areas/bulk.ts';
import { list, placeholder, status } from './areas/file-list.ts';
import { editing } from './areas/editing.ts';
import { fileView } from './areas/file-grid.ts';
import { preview } from './areas/preview.ts';
import { errors } from './areas/errors.ts';
import { browser, dialogs, kinds, menu, nameRules } from './areas/file-browser.ts';
import { header } from './areas/header.ts';
import { settings, updates } from './areas/settings.ts';
import { transfers } from './areas/transfers.ts';
import { configError, keychain, sessionError, signedOut, signingIn } from './areas/session.ts';
import { share } from './areas/share.ts';
import { restorePicker, trash } from './areas/trash.ts';
import { versions } from './areas/versions.ts';

/**
 * The English catalog: every word the renderer shows, by key, gathered from the areas in
 * `./areas/` (one file per screen or feature, English and German side by side). A new area is a
 * new file there and one line here and in `de.ts`.
 */
export const en = {
  app: app.en,
  languages: languages.en,
  format: format.en,
  signedOut: signedOut.en,
  signingIn: signingIn.en,
  sessionError: sessionError.en,
  configError: configError.en,
  keychain: keychain.en,
  header: header.en,
  status: status.en,
  placeholder: placeholder.en,
  list: list.en,
  bulk: bulk.en,
  editing: editing.en,
  fileView: fileView.en,
  preview: preview.en,
  trash: trash.en,
  restorePicker: restorePicker.en,
  versions: versions.en,
  share: share.en,
  errors: errors.en,
  browser: browser.en,
  menu: menu.en,
  dialogs: dialogs.en,
  nameRules: nameRules.en,
  kinds: kinds.en,
  transfers: transfers.en,
  settings: settings.en,
  updates: updates.en,
} as const;

/** The shape every catalog has: the same keys as English, any words. */
export type Catalog = { readonly [K in keyof typeof en]: Words<(typeof en)[K]> };
