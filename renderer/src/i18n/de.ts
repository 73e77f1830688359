import { app, format, languages } from './areas/app.ts';
import { bulk } from './areas/bulk.ts';
import { list, placeholder, status } from './areas/file-list.ts';
import { editing } from './areas/editing.ts';
import { header } from './areas/header.ts';
import { fileView } from './areas/file-grid.ts';
import { preview } from './areas/preview.ts';
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
};
