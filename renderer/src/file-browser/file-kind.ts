import type { BoxItem } from '../../../common/box-items.ts';

export type FileKind =
  | 'folder'
  | 'image'
  | 'pdf'
  | 'document'
  | 'spreadsheet'
  | 'presentation'
  | 'video'
  | 'audio'
  | 'archive'
  | 'code'
  | 'text'
  | 'link'
  | 'file';

const byExtension: Record<string, FileKind> = {};
const groups: [FileKind, string][] = [
  ['image', 'png jpg jpeg gif bmp tif tiff webp heic svg'],
  ['pdf', 'pdf'],
  ['document', 'doc docx odt rtf pages gdoc boxnote'],
  ['spreadsheet', 'xls xlsx xlsm ods csv numbers gsheet'],
  ['presentation', 'ppt pptx odp key gslides'],
  ['video', 'mp4 mov avi mkv webm m4v wmv'],
  ['audio', 'mp3 wav aac flac m4a ogg'],
  ['archive', 'zip rar 7z tar gz tgz bz2'],
  ['code', 'js ts tsx jsx json html css xml yml yaml py java c cpp cs go rs rb sh sql'],
  ['text', 'txt md log'],
];
for (const [kind, extensions] of groups) for (const extension of extensions.split(' ')) byExtension[extension] = kind;

export function fileKind(item: Pick<BoxItem, 'type' | 'extension'>): FileKind {
  if (item.type === 'folder') return 'folder';
  if (item.type === 'web_link') return 'link';
  return byExtension[item.extension] ?? 'file';
}

const documentKinds: ReadonlySet<FileKind> = new Set(['pdf', 'document', 'spreadsheet', 'presentation']);

/**
 * What Box can draw a thumbnail from: an image itself, or a document's first page (its `jpg`
 * representation); for anything else it would only return its generic icon.
 */
export function thumbnailOf(item: Pick<BoxItem, 'type' | 'extension'>): 'image' | 'document' | null {
  const kind = fileKind(item);
  if (kind === 'image') return 'image';
  return documentKinds.has(kind) ? 'document' : null;
}
