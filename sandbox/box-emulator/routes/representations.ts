import { Readable } from 'node:stream';
import { accessItem, authenticate } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, notFound } from '../errors.ts';
import { pageCount, renditionContent } from '../rendition-content.ts';
import { parseRange } from './content.ts';
import { offersFor, repEntry, type RepOffer } from '../representations.ts';
import type { Reply, RequestContext, Route } from '../router.ts';
import type { FileRecord, FileVersion } from '../store.ts';

const BASE = '/2.0/internal_files/{file_id}/versions/{version_id}/representations/{rep_key}';

function target(emu: Emulator, ctx: RequestContext): { file: FileRecord; version: FileVersion; offer: RepOffer } {
  const file = accessItem(emu, authenticate(emu, ctx), 'file', ctx.params.file_id ?? '', 'preview');
  const version = file.versions.find((v) => v.id === ctx.params.version_id);
  const offer = offersFor(file).find((o) => o.key === ctx.params.rep_key);
  if (!version || !offer) throw notFound();
  return { file, version, offer };
}

function content(emu: Emulator, ctx: RequestContext, asset: string): Reply {
  const { file, version, offer } = target(emu, ctx);
  const state = emu.representations.look(file.id, offer.key);
  if (state === 'pending') return { status: 202, headers: { 'retry-after': '1' } };
  if (state === 'error') throw new BoxError(404, 'preview_cannot_be_generated', 'Preview cannot be generated');
  const { bytes, contentType } = renditionContent(emu, file, version, offer, asset);
  const headers: Record<string, string> = { 'content-type': contentType, 'accept-ranges': 'bytes' };
  const disposition = ctx.url.searchParams.get('set_content_disposition_type');
  if (disposition === 'inline' || disposition === 'attachment') headers['content-disposition'] = disposition;
  // Box's rendition servers answer one byte range, as its download servers do (how pdf.js reads a long PDF).
  const range = parseRange(ctx.req.headers.range, bytes.length);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.length}`, 'content-length': '0' } };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { ...headers, 'content-length': String(bytes.length) },
      stream: Readable.from([bytes]),
    };
  }
  const part = bytes.subarray(range.start, range.end + 1);
  return {
    status: 206,
    headers: {
      ...headers,
      'content-length': String(part.length),
      'content-range': `bytes ${range.start}-${range.end}/${bytes.length}`,
    },
    stream: Readable.from([part]),
  };
}

/**
 * The URLs a file's `representations` point at: `info.url` (the entry again, with its current
 * state and, once ready, the page count) and `url_template` with `{+asset_path}` — empty for
 * unpaged renditions, `<page>.png` for paged ones.
 */
export function representationRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: BASE,
      handler: (ctx) => {
        const { file, version, offer } = target(emu, ctx);
        const entry = repEntry(emu, file, version, offer);
        const paged = offer.representation === 'pdf' || offer.paged;
        if (entry.status.state !== 'success' || !paged) return { status: 200, json: entry };
        const pdf = renditionContent(emu, file, version, offersFor(file)[0] ?? offer, '').bytes;
        return { status: 200, json: { ...entry, metadata: { pages: pageCount(pdf) } } };
      },
    },
    { method: 'GET', template: `${BASE}/content/`, handler: (ctx) => content(emu, ctx, '') },
    {
      method: 'GET',
      template: `${BASE}/content/{page}.{extension}`,
      handler: (ctx) => content(emu, ctx, `${ctx.params.page ?? ''}.${ctx.params.extension ?? ''}`),
    },
  ];
}
