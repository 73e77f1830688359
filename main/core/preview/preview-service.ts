import type { PreviewDescriptor, PreviewSource } from '../../../common/preview.ts';
import type { BoxHttp } from '../box-client/box-http.ts';
import {
  contentUrlOf,
  readPreviewFileInfo,
  refreshEntry,
  representationSources,
  type BoxRepresentationEntry,
  type PreviewFileInfo,
} from './box-representations.ts';
import { ownBytesKind } from './preview-kinds.ts';

export interface PreviewServiceOptions {
  http: BoxHttp;
  apiBaseUrl: string;
  /** Where the renderer fetches preview bytes: `box-preview://file/` in Electron, `/__preview/` in the browser shell. */
  previewUrlBase: string;
  /** How long one `preview:open` waits out a pending representation before telling the renderer to ask again. */
  pendingWait?: { polls: number; delayMs: number };
}

/** The bytes for one preview request, as Box answered them (status, body and the headers that matter). */
export interface PreviewBytes {
  status: number;
  body: ReadableStream<Uint8Array> | null;
  headers: Headers;
  contentType: string;
}

const sourceContentTypes: Record<Exclude<PreviewSource, 'content'>, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  text: 'text/plain; charset=utf-8',
};
/** Representation URLs remembered per file, so that each page or Range request is one Box call. */
const rememberedUrlLimit = 500;

/**
 * Previews as the signed-in user: which viewer a file gets (its own bytes, else Box's
 * representations `[pdf]`, `[jpg]`, `[extracted_text]` in that order, waiting out `pending`) and
 * the bytes themselves, fetched through the Box client with the current token on every request —
 * so a viewer open for hours keeps working after the token is renewed. Box itself decides what the
 * user may read: a file they cannot see answers `404` here too.
 */
export class PreviewService {
  readonly #options: PreviewServiceOptions;
  readonly #representationUrls = new Map<string, string>();
  readonly #contentTypes = new Map<string, string>();

  constructor(options: PreviewServiceOptions) {
    this.#options = options;
  }

  async open(fileId: string, signal: AbortSignal, versionId?: string): Promise<PreviewDescriptor> {
    const { http, apiBaseUrl } = this.#options;
    const info = await readPreviewFileInfo(http, apiBaseUrl, fileId, signal);
    const own = ownBytesKind(info.name);
    if (versionId !== undefined) {
      // Box's representations are of the current version only: an earlier one shows its own bytes or nothing.
      if (!own) return { status: 'none', fileId, name: info.name };
      this.#remember(this.#contentTypes, fileId, own.contentType);
      const src = `${this.#options.previewUrlBase}${fileId}/content?version=${encodeURIComponent(versionId)}`;
      return { status: 'ready', fileId, name: info.name, size: null, viewer: own.viewer, source: 'content', src };
    }
    if (own) {
      this.#remember(this.#contentTypes, fileId, own.contentType);
      return this.#ready(fileId, info, own.viewer, 'content');
    }
    let pending = false;
    for (const { representation, source } of representationSources) {
      const entry = info.entries.find((candidate) => candidate.representation === representation);
      if (!entry) continue;
      const settled = await this.#waitOut(entry, signal, info.name);
      const url = contentUrlOf(settled);
      const state = settled.status?.state;
      if ((state === 'success' || state === 'viewable') && url !== undefined) {
        this.#remember(this.#representationUrls, `${fileId}/${source}`, url);
        return this.#ready(fileId, info, source === 'pdf' ? 'pdf' : source === 'jpg' ? 'image' : 'text', source);
      }
      // A better representation still being made is worth waiting for; a failed one is not.
      if (state === 'pending') {
        pending = true;
        break;
      }
    }
    const retryAfterMs = this.#options.pendingWait?.delayMs ?? 1000;
    return pending
      ? { status: 'pending', fileId, name: info.name, retryAfterMs }
      : { status: 'none', fileId, name: info.name };
  }

  /**
   * The bytes of a file (or of an earlier version of it) or of one of its representations,
   * passing the viewer's `Range` on to Box.
   */
  async bytes(
    fileId: string,
    source: PreviewSource,
    range: string | null,
    signal: AbortSignal,
    versionId?: string,
  ): Promise<PreviewBytes> {
    const version = versionId === undefined ? '' : `?version=${encodeURIComponent(versionId)}`;
    const url =
      source === 'content'
        ? `${this.#options.apiBaseUrl}/2.0/files/${fileId}/content${version}`
        : await this.#representationUrl(fileId, source, signal);
    const contentType = source === 'content' ? await this.#contentType(fileId, signal) : sourceContentTypes[source];
    if (url === undefined) return { status: 404, body: null, headers: new Headers(), contentType };
    const response = await this.#options.http.send(
      url,
      { method: 'GET', signal, ...(range === null ? {} : { headers: { range } }) },
      fileId,
    );
    return { status: response.status, body: response.body, headers: response.headers, contentType };
  }

  async #waitOut(entry: BoxRepresentationEntry, signal: AbortSignal, name: string): Promise<BoxRepresentationEntry> {
    const { polls, delayMs } = this.#options.pendingWait ?? { polls: 2, delayMs: 1000 };
    let current = entry;
    for (let poll = 0; poll < polls && current.status?.state === 'pending'; poll++) {
      if (poll > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      current = await refreshEntry(this.#options.http, current, signal, name);
    }
    return current;
  }

  async #representationUrl(fileId: string, source: PreviewSource, signal: AbortSignal): Promise<string | undefined> {
    const known = this.#representationUrls.get(`${fileId}/${source}`);
    if (known !== undefined) return known;
    const info = await readPreviewFileInfo(this.#options.http, this.#options.apiBaseUrl, fileId, signal);
    const representation = representationSources.find((candidate) => candidate.source === source)?.representation;
    const entry = info.entries.find((candidate) => candidate.representation === representation);
    const url = entry ? contentUrlOf(entry) : undefined;
    if (url !== undefined) this.#remember(this.#representationUrls, `${fileId}/${source}`, url);
    return url;
  }

  async #contentType(fileId: string, signal: AbortSignal): Promise<string> {
    const known = this.#contentTypes.get(fileId);
    if (known !== undefined) return known;
    const info = await readPreviewFileInfo(this.#options.http, this.#options.apiBaseUrl, fileId, signal);
    const type = ownBytesKind(info.name)?.contentType ?? 'application/octet-stream';
    this.#remember(this.#contentTypes, fileId, type);
    return type;
  }

  #ready(
    fileId: string,
    info: PreviewFileInfo,
    viewer: Extract<PreviewDescriptor, { status: 'ready' }>['viewer'],
    source: PreviewSource,
  ): PreviewDescriptor {
    const src = `${this.#options.previewUrlBase}${fileId}/${source}`;
    return { status: 'ready', fileId, name: info.name, size: info.size, viewer, source, src };
  }

  #remember(map: Map<string, string>, key: string, value: string): void {
    map.delete(key);
    map.set(key, value);
    if (map.size > rememberedUrlLimit) map.delete(map.keys().next().value as string);
  }
}
