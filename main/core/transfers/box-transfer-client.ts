import { Readable } from 'node:stream';
import { retryAfterSeconds } from '../../../common/retry-after.ts';
import type { BoxAccessTokenSource } from '../box-client/box-access-token-source.ts';
import type { BoxBaseUrls } from '../box-client/box-connection.ts';
import { readBoxError, BoxAnswerError } from '../box-client/box-errors.ts';
import { BoxHttp, type BoxRequest } from '../box-client/box-http.ts';
import { directTransport, type BoxTransport } from '../box-client/box-transport.ts';
import {
  streamedGet,
  type ErrorAnswer,
  type ResponseHead,
  type StreamedGetOptions,
} from '../box-client/streamed-get.ts';
import { boxRetryPolicy } from '../box-client/retry-policy.ts';
import { appError } from '../errors/error-catalog.ts';

export interface BoxFileFacts {
  id: string;
  name: string;
  size: number;
  sha1: string;
  /** An earlier version's id: its own size and SHA-1, and its bytes (`/content?version=`). */
  versionId?: string;
}

export interface UploadSession {
  id: string;
  partSize: number;
  totalParts: number;
  uploadPartUrl: string;
  commitUrl: string;
  abortUrl: string;
}

export interface UploadedPart {
  part_id: string;
  offset: number;
  size: number;
  sha1: string;
}

/** Where an upload goes: a new file in a folder, or a new version of an existing file. */
export type UploadTarget =
  | { kind: 'new-file'; folderId: string; name: string }
  /** `ifMatch`: the etag the new version is based on; Box answers `412` when the file has changed since. */
  | { kind: 'new-version'; fileId: string; name: string; ifMatch?: string };

/** The `If-Match` header an upload to `target` carries, if any. */
export function ifMatchHeader(target: UploadTarget): Record<string, string> {
  return target.kind === 'new-version' && target.ifMatch !== undefined ? { 'if-match': target.ifMatch } : {};
}

/** What an edit needs to know of its Box file: the etag a save is based on, and who holds its lock. */
export interface BoxEditFacts extends BoxFileFacts {
  etag: string;
  parentId: string;
  /** The lock while it binds: Box drops an expired one (`expired_at` passed). */
  lock: { holderId: string; holderName: string; expiresAt: string | null } | null;
}

interface BoxEditJson extends BoxFileFacts {
  etag: string;
  parent: { id: string } | null;
  lock: { created_by?: { id: string; name?: string }; expired_at?: string } | null;
}

const editFields = 'id,name,size,sha1,etag,parent,lock';

/** `digest: sha=<base64>` (RFC 3230) is how Box takes a part's and a file's SHA-1. */
export function digestHeader(sha1: Buffer): string {
  return `sha=${sha1.toString('base64')}`;
}

/**
 * The Box endpoints transfers call, typed, over the Box client's fetch path (token, `401`
 * renewal, retries) and its fast byte path for download URLs. box-node-sdk is not used here on
 * purpose: its `uploadFile` buffers the whole file, `uploadBigFile` sends parts one at a time
 * without progress, its part calls take no AbortSignal, and its retry strategy misses Box's
 * lower-case `retry-after` on a `202` commit (docs/architecture.md, "Box behaviour we work around"). Streams and signals need fetch.
 */
export class BoxTransferClient {
  readonly #http: BoxHttp;
  readonly #urls: BoxBaseUrls;
  readonly #transport: BoxTransport;

  constructor(tokens: BoxAccessTokenSource, urls: BoxBaseUrls, transport: BoxTransport = directTransport) {
    this.#http = new BoxHttp(tokens, transport);
    this.#urls = urls;
    this.#transport = transport;
  }

  /** One request with the token (see BoxHttp.send). */
  send(url: string, request: BoxRequest, name: string): Promise<Response> {
    return this.#http.send(url, request, name);
  }

  /** A download URL's bytes, on the fast byte path, through the same transport. */
  streamedGet(url: string, options: StreamedGetOptions): Promise<ResponseHead | ErrorAnswer> {
    return streamedGet(url, { transport: this.#transport, ...options });
  }

  async fileFacts(fileId: string, name: string, signal: AbortSignal, versionId?: string): Promise<BoxFileFacts> {
    const file = `${this.#urls.apiBaseUrl}/2.0/files/${encodeURIComponent(fileId)}`;
    const url =
      versionId === undefined
        ? `${file}?fields=id,name,size,sha1`
        : `${file}/versions/${encodeURIComponent(versionId)}?fields=id,name,size,sha1`;
    const { body } = await this.#http.json<BoxFileFacts>({ url, method: 'GET', signal, name });
    // A version's own `id` is the version's: the file stays the one asked for.
    return { id: fileId, name: body.name, size: body.size, sha1: body.sha1, ...(versionId ? { versionId } : {}) };
  }

  async editFacts(fileId: string, name: string, signal: AbortSignal): Promise<BoxEditFacts> {
    const url = `${this.#urls.apiBaseUrl}/2.0/files/${encodeURIComponent(fileId)}?fields=${editFields}`;
    const { body } = await this.#http.json<BoxEditJson>({ url, method: 'GET', signal, name });
    return editFactsOf(body);
  }

  /**
   * Locks the file for this user until `expiresAt` (downloads stay allowed, so others can still
   * read it), or removes the lock with `null`. Answers the file's facts after the change: a lock
   * changes the etag.
   */
  async setLock(fileId: string, name: string, expiresAt: Date | null, signal: AbortSignal): Promise<BoxEditFacts> {
    const url = `${this.#urls.apiBaseUrl}/2.0/files/${encodeURIComponent(fileId)}?fields=${editFields}`;
    const lock =
      expiresAt === null
        ? null
        : {
            access: 'lock',
            expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
            is_download_prevented: false,
          };
    const { body } = await this.#http.json<BoxEditJson>({ url, method: 'PUT', body: { lock }, signal, name });
    return editFactsOf(body);
  }

  /**
   * Box answers `/content` with a `302` to a short-lived download URL that needs no token; the
   * redirect is followed by hand so the token never travels to the download host.
   */
  async downloadUrl(fileId: string, name: string, signal: AbortSignal, versionId?: string): Promise<string> {
    const version = versionId === undefined ? '' : `?version=${encodeURIComponent(versionId)}`;
    const url = `${this.#urls.apiBaseUrl}/2.0/files/${encodeURIComponent(fileId)}/content${version}`;
    const response = await this.send(url, { method: 'GET', signal, redirect: 'manual' }, name);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      return new URL(location, url).href;
    }
    if (!response.ok) throw await readBoxError(response, 'transfer', name);
    await response.body?.cancel();
    // Carries Box's status, so the download does not resume against an answer that will not change.
    throw new BoxAnswerError(
      appError('transfer_failed', 'download_not_offered', { name }),
      answerOf(response),
      'no_redirect',
    );
  }

  multipartUrl(target: UploadTarget): string {
    return target.kind === 'new-file'
      ? `${this.#urls.uploadBaseUrl}/2.0/files/content`
      : `${this.#urls.uploadBaseUrl}/2.0/files/${encodeURIComponent(target.fileId)}/content`;
  }

  async createUploadSession(target: UploadTarget, fileSize: number, signal: AbortSignal): Promise<UploadSession> {
    const url =
      target.kind === 'new-file'
        ? `${this.#urls.uploadBaseUrl}/2.0/files/upload_sessions`
        : `${this.#urls.uploadBaseUrl}/2.0/files/${encodeURIComponent(target.fileId)}/upload_sessions`;
    const request =
      target.kind === 'new-file'
        ? { folder_id: target.folderId, file_name: target.name, file_size: fileSize }
        : { file_name: target.name, file_size: fileSize };
    const { body } = await this.#http.json<{
      id: string;
      part_size: number;
      total_parts: number;
      session_endpoints: { upload_part: string; commit: string; abort: string };
    }>({ url, method: 'POST', body: request, signal, name: target.name });
    return {
      id: body.id,
      partSize: body.part_size,
      totalParts: body.total_parts,
      uploadPartUrl: body.session_endpoints.upload_part,
      commitUrl: body.session_endpoints.commit,
      abortUrl: body.session_endpoints.abort,
    };
  }

  async uploadPart(
    session: UploadSession,
    part: { offset: number; data: Buffer; sha1: Buffer; fileSize: number },
    signal: AbortSignal,
    name: string,
  ): Promise<UploadedPart> {
    const end = part.offset + part.data.length - 1;
    const response = await this.send(
      session.uploadPartUrl,
      {
        method: 'PUT',
        signal,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(part.data.length),
          digest: digestHeader(part.sha1),
          'content-range': `bytes ${part.offset}-${end}/${part.fileSize}`,
        },
        // As a stream, not the Buffer itself: fetch copies a Buffer body (8 MB of garbage per part).
        makeBody: () => Readable.toWeb(Readable.from([part.data])) as ReadableStream<Uint8Array>,
      },
      name,
    );
    if (!response.ok) throw await readBoxError(response, 'transfer', name);
    const body = (await response.json()) as { part: UploadedPart };
    return body.part;
  }

  /** One commit attempt: the file's JSON, or Box's `retry-after` when it answers `202` (still assembling). */
  async commitUploadSession(
    session: UploadSession,
    parts: UploadedPart[],
    fileSha1: Buffer,
    signal: AbortSignal,
    name: string,
    headers: Record<string, string> = {},
  ): Promise<{ fileId: string; sha1: string; etag: string } | { retryAfterSeconds: number | undefined }> {
    const response = await this.send(
      session.commitUrl,
      {
        method: 'POST',
        signal,
        headers: { ...headers, 'content-type': 'application/json', digest: digestHeader(fileSha1) },
        makeBody: () => JSON.stringify({ parts }),
      },
      name,
    );
    if (response.status === 202) {
      await response.body?.cancel();
      // Seconds or an HTTP date, read the one way Box's retry-after is read everywhere.
      return { retryAfterSeconds: retryAfterSeconds(Object.fromEntries(response.headers)) };
    }
    if (!response.ok) throw await readBoxError(response, 'transfer', name);
    const body = (await response.json()) as { entries: { id: string; sha1: string; etag: string }[] };
    const file = body.entries[0];
    if (!file)
      throw new BoxAnswerError(
        appError('transfer_failed', 'upload_not_confirmed', { name }),
        answerOf(response),
        'no_entries',
      );
    return { fileId: file.id, sha1: file.sha1, etag: file.etag };
  }

  /** Best effort: a session left open expires on its own after a week. */
  async abortUploadSession(session: UploadSession, name: string): Promise<void> {
    try {
      const response = await this.send(
        session.abortUrl,
        { method: 'DELETE', signal: AbortSignal.timeout(boxRetryPolicy.deadlines.abortUploadMs) },
        name,
      );
      await response.body?.cancel();
    } catch {
      // Nothing more to do: the user already knows the upload did not finish.
    }
  }
}

function editFactsOf(body: BoxEditJson): BoxEditFacts {
  const holder = body.lock?.created_by;
  const expiresAt = body.lock?.expired_at ?? null;
  const binding = holder !== undefined && (expiresAt === null || Date.parse(expiresAt) > Date.now());
  return {
    id: body.id,
    name: body.name,
    size: body.size,
    sha1: body.sha1,
    etag: body.etag,
    parentId: body.parent?.id ?? '0',
    lock: binding ? { holderId: holder.id, holderName: holder.name ?? holder.id, expiresAt } : null,
  };
}

function answerOf(response: Response): { status: number; headers: Record<string, string>; body: undefined } {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: undefined };
}
