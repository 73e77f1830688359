import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryAfterSeconds } from '../../../common/box-retry-strategy.ts';
import type { BoxAccessTokenSource } from '../box/box-access-token-source.ts';
import type { BoxBaseUrls } from '../box/box-connection.ts';
import { boxTransferErrorFrom, BoxTransferError, offlineError } from './transfer-errors.ts';

export interface BoxFileFacts {
  id: string;
  name: string;
  size: number;
  sha1: string;
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
  { kind: 'new-file'; folderId: string; name: string } | { kind: 'new-version'; fileId: string; name: string };

/** `digest: sha=<base64>` (RFC 3230) is how Box takes a part's and a file's SHA-1. */
export function digestHeader(sha1: Buffer): string {
  return `sha=${sha1.toString('base64')}`;
}

/**
 * A thin typed HTTP client for the Box calls transfers make, on fetch (undici). box-node-sdk is
 * not used here on purpose: its `uploadFile` buffers the whole file, `uploadBigFile` sends parts
 * one at a time without progress, its part calls take no AbortSignal, and its retry strategy misses
 * Box's lower-case `retry-after` on a `202` commit (DESIGN.md). Streams and signals need fetch.
 */
export class BoxTransferClient {
  readonly #tokens: BoxAccessTokenSource;
  readonly #urls: BoxBaseUrls;

  constructor(tokens: BoxAccessTokenSource, urls: BoxBaseUrls) {
    this.#tokens = tokens;
    this.#urls = urls;
  }

  /**
   * Sends one request with the current token; a `401` invalidates it and the request is sent
   * once more with a fresh one (`makeBody` is called again, so streamed bodies are rebuilt).
   * Network failures become `offline`; HTTP errors are returned for the caller to judge.
   */
  async send(
    url: string,
    init: {
      method: string;
      headers?: Record<string, string>;
      makeBody?: () => RequestInit['body'];
      signal: AbortSignal;
      redirect?: RequestRedirect;
    },
    name: string,
  ): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.#tokens.getToken();
      let response: Response;
      try {
        const body = init.makeBody?.();
        response = await fetch(url, {
          method: init.method,
          headers: { ...init.headers, authorization: `Bearer ${token}` },
          signal: init.signal,
          redirect: init.redirect ?? 'follow',
          ...(body === undefined ? {} : { body, duplex: 'half' }),
        });
      } catch (error) {
        if (init.signal.aborted) throw error;
        throw offlineError(name, error);
      }
      if (response.status !== 401 || attempt > 1) return response;
      await response.body?.cancel();
      this.#tokens.invalidate(token);
    }
  }

  /**
   * Sends a JSON request and parses the JSON answer; any non-2xx becomes a BoxTransferError.
   * `429` and `503` mean Box did not act on the request, so it is repeated (honouring
   * `retry-after`, at most 10 s) a few times before the error reaches the user.
   */
  async json<T>(
    url: string,
    method: string,
    body: unknown,
    signal: AbortSignal,
    name: string,
  ): Promise<{ status: number; headers: Headers; body: T }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#jsonOnce<T>(url, method, body, signal, name);
      } catch (error) {
        const busy = error instanceof BoxTransferError && (error.status === 429 || error.status === 503);
        if (!busy || attempt >= 3) throw error;
        await sleep(Math.min(error.retryAfterSeconds ?? attempt, 10) * 1000, undefined, { signal });
      }
    }
  }

  async #jsonOnce<T>(
    url: string,
    method: string,
    body: unknown,
    signal: AbortSignal,
    name: string,
  ): Promise<{ status: number; headers: Headers; body: T }> {
    const response = await this.send(
      url,
      {
        method,
        signal,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, makeBody: () => JSON.stringify(body) }),
      },
      name,
    );
    if (!response.ok) throw await boxTransferErrorFrom(response, name);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }

  async fileFacts(fileId: string, name: string, signal: AbortSignal): Promise<BoxFileFacts> {
    const url = `${this.#urls.apiBaseUrl}/2.0/files/${encodeURIComponent(fileId)}?fields=id,name,size,sha1`;
    const { body } = await this.json<BoxFileFacts>(url, 'GET', undefined, signal, name);
    return { id: body.id, name: body.name, size: body.size, sha1: body.sha1 };
  }

  /**
   * Box answers `/content` with a `302` to a short-lived download URL that needs no token; the
   * redirect is followed by hand so the token never travels to the download host.
   */
  async downloadUrl(fileId: string, name: string, signal: AbortSignal): Promise<string> {
    const url = `${this.#urls.apiBaseUrl}/2.0/files/${encodeURIComponent(fileId)}/content`;
    const response = await this.send(url, { method: 'GET', signal, redirect: 'manual' }, name);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      return new URL(location, url).href;
    }
    if (!response.ok) throw await boxTransferErrorFrom(response, name);
    await response.body?.cancel();
    throw new BoxTransferError(response.status, 'no_redirect', {
      code: 'transfer_failed',
      message: `Box did not offer “${name}” for download. Retry.`,
    });
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
    const { body } = await this.json<{
      id: string;
      part_size: number;
      total_parts: number;
      session_endpoints: { upload_part: string; commit: string; abort: string };
    }>(url, 'POST', request, signal, target.name);
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
    if (!response.ok) throw await boxTransferErrorFrom(response, name);
    const body = (await response.json()) as { part: UploadedPart };
    return body.part;
  }

  /** One commit attempt: the file's JSON, or `retryAfterSeconds` when Box answers `202` (still assembling). */
  async commitUploadSession(
    session: UploadSession,
    parts: UploadedPart[],
    fileSha1: Buffer,
    signal: AbortSignal,
    name: string,
  ): Promise<{ fileId: string; sha1: string } | { retryAfterSeconds: number }> {
    const response = await this.send(
      session.commitUrl,
      {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', digest: digestHeader(fileSha1) },
        makeBody: () => JSON.stringify({ parts }),
      },
      name,
    );
    if (response.status === 202) {
      await response.body?.cancel();
      // Seconds or an HTTP date, read the one way Box's retry-after is read everywhere.
      const wait = retryAfterSeconds(Object.fromEntries(response.headers));
      return { retryAfterSeconds: wait !== undefined && wait > 0 ? wait : 1 };
    }
    if (!response.ok) throw await boxTransferErrorFrom(response, name);
    const body = (await response.json()) as { entries: { id: string; sha1: string }[] };
    const file = body.entries[0];
    if (!file)
      throw new BoxTransferError(response.status, 'no_entries', {
        code: 'transfer_failed',
        message: `Box did not confirm “${name}”. Retry.`,
      });
    return { fileId: file.id, sha1: file.sha1 };
  }

  /** Best effort: a session left open expires on its own after a week. */
  async abortUploadSession(session: UploadSession, name: string): Promise<void> {
    try {
      const response = await this.send(
        session.abortUrl,
        { method: 'DELETE', signal: AbortSignal.timeout(10_000) },
        name,
      );
      await response.body?.cancel();
    } catch {
      // Nothing more to do: the user already knows the upload did not finish.
    }
  }
}
