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
import type { Catalog } from './en.ts';

/** German, gathered from the same areas as English; typed against it (a missing key does not compile). */
export const de: Catalog = {
  app: app.de,
  languages: languages.de,
  format: format.de,
  signedOut: signedOut.de,
  signingIn: signingIn.de,
  sessionError: sessionError.de,
  configError: configError.de,
  keychain: keychain.de,
  header: header.de,
  status: status.de,
  placeholder: placeholder.de,
  list: list.de,
  bulk: bulk.de,
  editing: editing.de,
  fileView: fileView.de,
  preview: preview.de,
  trash: trash.de,
  restorePicker: restorePicker.de,
  versions: versions.de,
  share: share.de,
  errors: errors.de,
  browser: browser.de,
  menu: menu.de,
  dialogs: dialogs.de,
  nameRules: nameRules.de,
  kinds: kinds.de,
  transfers: transfers.de,
  settings: settings.de,
  updates: updates.de,
};
