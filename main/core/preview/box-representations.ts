import type { BoxHttp } from '../box-client/box-http.ts';
import type { PreviewSource } from '../../../common/preview.ts';

/** One of `representations.entries` of a Box file, as far as previews read it. */
export interface BoxRepresentationEntry {
  representation: string;
  properties?: { dimensions?: string };
  info?: { url?: string };
  status?: { state?: 'success' | 'viewable' | 'pending' | 'none' | 'error' };
  content?: { url_template?: string };
}

export interface PreviewFileInfo {
  name: string;
  size: number | null;
  entries: BoxRepresentationEntry[];
}

/**
 * What previews ask Box for, best first (Box's `x-rep-hints`): a PDF of the document, else a large
 * picture, else the text Box extracted. Each bracket is one representation; its alternatives are
 * in order of preference.
 */
export const representationHints = '[pdf][jpg?dimensions=2048x2048,jpg?dimensions=1024x1024][extracted_text]';

/** Our name for each representation Box offers, in the order previews prefer them. */
export const representationSources: ReadonlyArray<{ representation: string; source: PreviewSource }> = [
  { representation: 'pdf', source: 'pdf' },
  { representation: 'jpg', source: 'jpg' },
  { representation: 'extracted_text', source: 'text' },
];

export function fileInfoUrl(apiBaseUrl: string, fileId: string): string {
  return `${apiBaseUrl}/2.0/files/${fileId}?fields=name,size,representations`;
}

/** The file's name, size and the representations Box offers for the hints above. */
export async function readPreviewFileInfo(
  http: BoxHttp,
  apiBaseUrl: string,
  fileId: string,
  signal: AbortSignal,
): Promise<PreviewFileInfo> {
  const { body } = await http.json<{
    name?: string;
    size?: number;
    representations?: { entries?: BoxRepresentationEntry[] };
  }>({
    url: fileInfoUrl(apiBaseUrl, fileId),
    method: 'GET',
    signal,
    name: fileId,
    headers: { 'x-rep-hints': representationHints },
  });
  return {
    name: body.name ?? fileId,
    size: typeof body.size === 'number' ? body.size : null,
    entries: body.representations?.entries ?? [],
  };
}

/** Reads an entry's `info.url` again: Box answers its current state (how a `pending` one is waited out). */
export async function refreshEntry(
  http: BoxHttp,
  entry: BoxRepresentationEntry,
  signal: AbortSignal,
  name: string,
): Promise<BoxRepresentationEntry> {
  const url = entry.info?.url;
  if (url === undefined) return entry;
  const { body } = await http.json<BoxRepresentationEntry>({ url, method: 'GET', signal, name });
  return { ...entry, ...body };
}

/** The URL of an unpaged representation's bytes: its template with an empty asset path. */
export function contentUrlOf(entry: BoxRepresentationEntry): string | undefined {
  return entry.content?.url_template?.replace('{+asset_path}', '');
}
