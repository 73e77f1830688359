import { app, format, languages } from './areas/app.ts';
import { list, placeholder, status } from './areas/file-list.ts';
import { header } from './areas/header.ts';
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
  trash: trash.de,
  restorePicker: restorePicker.de,
  versions: versions.de,
  share: share.de,
};
