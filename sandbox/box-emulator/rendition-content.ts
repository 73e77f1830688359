import { demoPhotoPixels, paletteFor } from './demo-images.ts';
import type { Emulator } from './emulator-state.ts';
import { notFound } from './errors.ts';
import { encodeJpeg, encodePng } from './image-codecs.ts';
import { buildPdf, paginate } from './pdf-document.ts';
import { extensionOf, isImage, type RepOffer } from './representations.ts';
import type { FileRecord, FileVersion } from './store.ts';

const TEXT_EXTENSIONS = new Set(['txt', 'md', 'csv', 'json', 'xml', 'html', 'log', 'yaml', 'yml']);

function versionBytes(version: FileVersion): Buffer | undefined {
  return version.content.kind === 'buffer' ? version.content.data : undefined;
}

/** The document's text: what a seed gave it, the file itself for text files, else a note saying there is none. */
export function documentText(emu: Emulator, file: FileRecord, version: FileVersion): string {
  const seeded = emu.representations.sources.get(file.id)?.text;
  if (seeded !== undefined) return seeded;
  const bytes = versionBytes(version);
  if (bytes && TEXT_EXTENSIONS.has(extensionOf(file.name))) return bytes.toString('utf8');
  return `${file.name}\n\nThe emulator has no text for this document.`;
}

/** The file itself when it is a real PDF; otherwise one drawn from the document's text. */
function pdfOf(emu: Emulator, file: FileRecord, version: FileVersion): Buffer {
  const bytes = versionBytes(version);
  if (bytes && extensionOf(file.name) === 'pdf' && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return bytes;
  const source = emu.representations.sources.get(file.id);
  return buildPdf(paginate(file.name, documentText(emu, file, version), source?.linesPerPage), file.name);
}

export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Fits a `width`×`height` picture of the given aspect ratio inside a `WxH` bound. */
function fit(dimensions: string, aspect: number): { width: number; height: number } {
  const [maxWidth = 32, maxHeight = 32] = dimensions.split('x').map(Number);
  return aspect >= maxWidth / maxHeight
    ? { width: maxWidth, height: Math.max(1, Math.round(maxWidth / aspect)) }
    : { width: Math.max(1, Math.round(maxHeight * aspect)), height: maxHeight };
}

/** A page of a document as a picture: white paper, a gradient title band, grey lines of "text". */
function pagePixels(width: number, height: number, page: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3, 255);
  const hue = (page * 37) % 360;
  const band = Math.round(height * 0.12);
  const margin = Math.round(width * 0.08);
  const lineHeight = Math.max(2, Math.round(height * 0.018));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      if (y < band) {
        const t = x / width;
        pixels[at] = Math.round(60 + 120 * Math.abs(Math.cos(((hue + 120 * t) * Math.PI) / 180)));
        pixels[at + 1] = Math.round(90 + 100 * t);
        pixels[at + 2] = 220;
        continue;
      }
      const row = Math.floor((y - band - margin) / (lineHeight * 2));
      const inLine = y > band + margin && (y - band - margin) % (lineHeight * 2) < lineHeight;
      const lineEnd = width - margin - ((row * 53 + page * 17) % Math.round(width * 0.3));
      if (inLine && x >= margin && x <= lineEnd && y < height - margin) pixels.fill(190, at, at + 3);
    }
  }
  return pixels;
}

function encode(offer: RepOffer, width: number, height: number, pixels: Buffer): Buffer {
  return offer.representation === 'jpg' ? encodeJpeg(width, height, pixels) : encodePng(width, height, pixels);
}

/** The bytes at `url_template` with `asset` as `{+asset_path}`, and their content type. */
export function renditionContent(
  emu: Emulator,
  file: FileRecord,
  version: FileVersion,
  offer: RepOffer,
  asset: string,
): { bytes: Buffer; contentType: string } {
  const cacheKey = `${version.id}/${offer.key}/${asset}`;
  const contentType = {
    pdf: 'application/pdf',
    extracted_text: 'text/plain; charset=utf-8',
    jpg: 'image/jpeg',
    png: 'image/png',
  }[offer.representation];
  const cached = emu.representations.cached(cacheKey);
  if (cached) return { bytes: cached, contentType };
  let bytes: Buffer;
  if (offer.representation === 'extracted_text') bytes = Buffer.from(documentText(emu, file, version), 'utf8');
  else if (offer.representation === 'pdf') bytes = pdfOf(emu, file, version);
  else if (isImage(file)) {
    const { width, height } = fit(offer.dimensions ?? '320x320', 1.6);
    const palette = emu.representations.sources.get(file.id)?.palette ?? paletteFor(Number(file.id));
    bytes = encode(offer, width, height, demoPhotoPixels(width, height, palette));
  } else {
    const page = offer.paged ? Number(/^(\d+)\.png$/.exec(asset)?.[1] ?? 0) : 1;
    if (page < 1 || page > pageCount(pdfOf(emu, file, version))) throw notFound('The page does not exist');
    const { width, height } = fit(offer.dimensions ?? '1024x1024', 612 / 792);
    bytes = encode(offer, width, height, pagePixels(width, height, page));
  }
  emu.representations.remember(cacheKey, bytes);
  return { bytes, contentType };
}
