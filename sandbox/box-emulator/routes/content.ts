import { accessItem, authenticate } from '../access.ts';
import { openContent } from '../content.ts';
import type { Emulator } from '../emulator-state.ts';
import { notFound } from '../errors.ts';
import { downloadUrl } from '../items.ts';
import type { Reply, Route } from '../router.ts';

/** Parses a single `bytes=a-b`, `bytes=a-` or `bytes=-n` range; Box's download servers serve one range. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  let start: number;
  let end: number;
  if (from === '') {
    start = Math.max(0, size - Number(to));
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** Serves a download ticket's bytes, streamed, honouring `Range`. Tickets need no token, as on Box. */
function serveTicket(emu: Emulator, ticket: string, rangeHeader: string | undefined): Reply {
  const grant = emu.downloads.get(ticket);
  if (!grant || grant.expiresAt <= Date.now()) throw notFound('The download link has expired');
  const version = emu.store.file(grant.fileId)?.versions.find((v) => v.id === grant.versionId);
  if (!version) throw notFound();
  const size = version.content.size;
  const range = parseRange(rangeHeader, size);
  const common = {
    'content-type': 'application/octet-stream',
    'accept-ranges': 'bytes',
    etag: `"${version.content.sha1}"`,
  };
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'content-range': `bytes */${size}`, 'content-length': '0' } };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { ...common, 'content-length': String(size) },
      stream: openContent(version.content, 0, size - 1),
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'content-length': String(range.end - range.start + 1),
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
    },
    stream: openContent(version.content, range.start, range.end),
  };
}

export function contentRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/files/{file_id}/content',
      handler: (ctx) => {
        const file = accessItem(emu, authenticate(emu, ctx), 'file', ctx.params.file_id ?? '', 'download');
        const versionId = ctx.url.searchParams.get('version');
        const version = versionId === null ? file.versions.at(-1) : file.versions.find((v) => v.id === versionId);
        if (!version) throw notFound('The file version was not found');
        return { status: 302, headers: { location: downloadUrl(emu, file, version) } };
      },
    },
    {
      method: 'GET',
      template: '/d/1/{ticket}/download',
      handler: (ctx) => serveTicket(emu, ctx.params.ticket ?? '', ctx.req.headers.range),
    },
  ];
}
