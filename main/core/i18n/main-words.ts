/**
 * The words main shows itself, outside the renderer's catalogs: the titles of the OS's own file
 * dialogs. Same languages as the renderer (renderer/src/i18n/); German must name every key
 * English does, which the type checks.
 */
const en = {
  saveFromBox: 'Save from Box',
  downloadToFolder: 'Download to folder',
  uploadToBox: 'Upload to Box',
};

export type MainWords = typeof en;

const de: MainWords = {
  saveFromBox: 'Aus Box speichern',
  downloadToFolder: 'In Ordner herunterladen',
  uploadToBox: 'In Box hochladen',
};

export const mainCatalogs = { en, de } as const satisfies Record<string, MainWords>;
export type MainLanguageCode = keyof typeof mainCatalogs;
