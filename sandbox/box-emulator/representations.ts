import type { Emulator } from './emulator-state.ts';
import type { RepState } from './representation-state.ts';
import type { FileRecord, FileVersion } from './store.ts';

/** One representation Box offers for a file: `jpg` at 320x320, `png` paged at 1024x1024, `pdf`, `extracted_text`. */
export interface RepOffer {
  representation: 'pdf' | 'extracted_text' | 'jpg' | 'png';
  dimensions?: string;
  paged: boolean;
  /** The path segment Box uses in info and content URLs, e.g. `png_paged_2048x2048`. */
  key: string;
}

export const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'svg']);
const DOCUMENT_EXTENSIONS = new Set([
  ...['pdf', 'doc', 'docx', 'dot', 'dotx', 'odt', 'rtf', 'pages'],
  ...['xls', 'xlsx', 'xlsm', 'ods', 'csv', 'numbers'],
  ...['ppt', 'pptx', 'odp', 'key'],
  ...['txt', 'md', 'json', 'xml', 'html', 'log', 'yaml', 'yml'],
]);
/** The sizes Box renders (its "Supported file types and dimensions" for representations). */
const JPG_DIMENSIONS = ['32x32', '94x94', '160x160', '320x320', '1024x1024', '2048x2048'];
const PNG_DIMENSIONS = ['1024x1024', '2048x2048'];

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export const isDocument = (file: FileRecord): boolean => DOCUMENT_EXTENSIONS.has(extensionOf(file.name));
export const isImage = (file: FileRecord): boolean => IMAGE_EXTENSIONS.has(extensionOf(file.name));

/** Every representation Box would offer for this kind of file, in Box's default order. */
export function offersFor(file: FileRecord): RepOffer[] {
  const document = isDocument(file);
  if (!document && !isImage(file)) return [];
  const offers: RepOffer[] = [];
  if (document) offers.push({ representation: 'pdf', paged: false, key: 'pdf' });
  for (const dimensions of JPG_DIMENSIONS) {
    offers.push({ representation: 'jpg', dimensions, paged: false, key: `jpg_${dimensions}` });
  }
  for (const dimensions of PNG_DIMENSIONS) {
    const key = document ? `png_paged_${dimensions}` : `png_${dimensions}`;
    offers.push({ representation: 'png', dimensions, paged: document, key });
  }
  if (document) offers.push({ representation: 'extracted_text', paged: false, key: 'extracted_text' });
  return offers;
}

/**
 * `x-rep-hints: [pdf][jpg?dimensions=32x32,png?dimensions=1024x1024][extracted_text]`: each bracket
 * asks for one representation, its comma-separated alternatives in order of preference; hints the
 * file cannot have are left out, as Box does. No header means everything on offer.
 */
export function selectOffers(file: FileRecord, hints: string | undefined): RepOffer[] {
  const offers = offersFor(file);
  if (hints === undefined || hints.trim() === '') return offers;
  const chosen: RepOffer[] = [];
  for (const group of hints.matchAll(/\[([^\]]*)\]/g)) {
    for (const hint of (group[1] ?? '').split(',')) {
      const [type = '', query = ''] = hint.trim().split('?');
      const dimensions = new URLSearchParams(query).get('dimensions') ?? undefined;
      const match = offers.find(
        (o) => o.representation === type && (dimensions === undefined || o.dimensions === dimensions),
      );
      if (match) {
        if (!chosen.includes(match)) chosen.push(match);
        break;
      }
    }
  }
  return chosen;
}

export function repBaseUrl(emu: Emulator, file: FileRecord, version: FileVersion, offer: RepOffer): string {
  return `${emu.origin}/2.0/internal_files/${file.id}/versions/${version.id}/representations/${offer.key}`;
}

function properties(offer: RepOffer): Record<string, string> {
  if (offer.dimensions === undefined) return {};
  const thumb = offer.representation === 'jpg' && Number(offer.dimensions.split('x')[0]) <= 320;
  return { dimensions: offer.dimensions, paged: String(offer.paged), thumb: String(thumb) };
}

/** One entry of `representations.entries`; reading it is a look at the rendition's state. */
export function repEntry(emu: Emulator, file: FileRecord, version: FileVersion, offer: RepOffer) {
  const state: RepState = emu.representations.look(file.id, offer.key);
  const base = repBaseUrl(emu, file, version, offer);
  return {
    representation: offer.representation,
    properties: properties(offer),
    info: { url: base },
    status: { state },
    content: { url_template: `${base}/content/{+asset_path}` },
  };
}

export function representationsJson(emu: Emulator, file: FileRecord, hints: string | undefined) {
  const version = file.versions.at(-1);
  if (!version) return { entries: [] };
  return { entries: selectOffers(file, hints).map((offer) => repEntry(emu, file, version, offer)) };
}
