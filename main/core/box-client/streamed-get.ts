import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { HTTPParser } from 'http-parser-js';
import { AppError } from '../../../common/app-error.ts';
import { isSecureOrLoopbackUrl } from '../../../common/loopback-host.ts';
import { directTransport, type BoxTransport } from './box-transport.ts';
import { boxRetryPolicy } from './retry-policy.ts';

/** What the server answered, with header names in lower case. */
export interface ResponseHead {
  status: number;
  headers: Record<string, string>;
}

export interface StreamedGetOptions {
  headers?: Record<string, string>;
  signal: AbortSignal;
  /**
   * Takes a piece of a 2xx body. The bytes are valid only during the call (the read buffer is
   * reused), so copy what you keep. Return a promise to stop reading until it settles.
   */
  onBody: (bytes: Buffer) => Promise<void> | undefined;
  /** Sees a 2xx answer's status and headers before its first body byte. */
  onHead?: (head: ResponseHead) => void;
  /** No byte for this long ends the request with an error (a stalled network is not "slow"). */
  idleTimeoutMs?: number;
  /** Extra TLS settings (tests trust their own certificate authority here). */
  tls?: Pick<ConnectionOptions, 'ca'>;
  /** What makes the connection; Box's transport unless a test brings its own. */
  transport?: Pick<BoxTransport, 'connect'>;
}

/** The body of an answer that is not 2xx, kept to report Box's error (small; the rest is dropped). */
export interface ErrorAnswer extends ResponseHead {
  body: Buffer;
}

export class StreamedGetError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StreamedGetError';
  }
}

const READ_BUFFER_BYTES = 256 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;

/**
 * GETs `url` on a connection of its own and hands the body to `onBody` as it arrives.
 *
 * Why not fetch: a download URL's bytes are most of what this app moves, and Node's HTTP clients
 * allocate a fresh 64 KiB buffer per socket read and pass each through stream machinery; on a fast
 * link that costs more CPU than SHA-1 and the disk together (bench/transfers). Here the socket
 * reads into one reused buffer (`onread`) and http-parser-js slices the body out of it without
 * copying. It is meant only for Box's download URLs, which need no token and no cookies: a plain
 * GET, `Connection: close`, redirects followed (at most 3, never from HTTPS to HTTP), anything but 2xx
 * returned as an answer.
 */
export async function streamedGet(url: string, options: StreamedGetOptions): Promise<ResponseHead | ErrorAnswer> {
  let target = new URL(url);
  for (let redirects = 0; ; redirects++) {
    const answer = await getOnce(target, options);
    const location = answer.headers.location;
    if (!('body' in answer) || answer.status < 300 || answer.status >= 400 || !location) return answer;
    if (redirects === MAX_REDIRECTS) throw new StreamedGetError('too many redirects');
    const next = new URL(location, target);
    // Box's downloads are HTTPS end to end; a hop to plain HTTP would let anyone on the path read the file.
    if (target.protocol === 'https:' && next.protocol !== 'https:') {
      throw new StreamedGetError('the download was redirected away from HTTPS');
    }
    target = next;
  }
}

async function getOnce(url: URL, options: StreamedGetOptions): Promise<ResponseHead | ErrorAnswer> {
  // Every hop, the first included: plain http only where nothing crosses a network (the emulator).
  if (!isSecureOrLoopbackUrl(url)) {
    throw new StreamedGetError(`cannot download from a ${url.protocol} address on ${url.hostname}: HTTPS only`);
  }
  options.signal.throwIfAborted();
  const request = requestText(url, options.headers ?? {});
  const idleTimeoutMs = options.idleTimeoutMs ?? boxRetryPolicy.deadlines.downloadIdleMs;
  // The transport hands back a connected socket (through a proxy, perhaps); reading starts once the request is sent.
  let onReadNow: (length: number, buffer: Uint8Array) => boolean = () => false;
  const onread = {
    buffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
    callback: (length: number, buffer: Uint8Array) => onReadNow(length, buffer),
  };
  let socket: Socket;
  try {
    socket = await (options.transport ?? directTransport).connect({
      url,
      onread,
      tls: options.tls,
      signal: options.signal,
    });
  } catch (error) {
    // The network layer's own errors (an untrusted certificate, a proxy sign-in) keep their words.
    if (error instanceof AppError || options.signal.aborted) throw error;
    throw new StreamedGetError(error instanceof Error ? error.message : 'the connection failed', { cause: error });
  }
  return new Promise((resolve, reject) => {
    const parser = new HTTPParser(HTTPParser.RESPONSE);
    let head: ResponseHead | undefined;
    let errorBody: Buffer[] | undefined;
    let errorBodyBytes = 0;
    let complete = false;
    let settled = false;
    // A 1xx answer (100 Continue, 103 Early Hints) precedes the real one; it has no body to keep.
    let informational = false;
    // Body pieces whose consumer asked to wait; reading stays paused while any is pending.
    let waiting = 0;

    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error !== undefined)
        reject(error instanceof Error ? error : new StreamedGetError('the download failed', { cause: error }));
      else if (!head) reject(new StreamedGetError('the server closed the connection without answering'));
      else if (errorBody) resolve({ ...head, body: Buffer.concat(errorBody) });
      else resolve(head);
    };
    const onAbort = (): void => finish(options.signal.reason);

    parser[HTTPParser.kOnHeadersComplete] = (info) => {
      // Whatever follows a finished answer on this connection is not ours to read.
      if (complete) return;
      informational = info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101;
      if (informational) return;
      head = { status: info.statusCode, headers: headerRecord(info.headers) };
      errorBody = head.status < 200 || head.status >= 300 ? [] : undefined;
      if (!errorBody) options.onHead?.(head);
    };
    parser[HTTPParser.kOnBody] = (chunk, offset, length) => {
      if (complete || informational) return;
      const bytes = chunk.subarray(offset, offset + length);
      if (errorBody) {
        if (errorBodyBytes < MAX_ERROR_BODY_BYTES) errorBody.push(Buffer.from(bytes));
        errorBodyBytes += bytes.length;
        return;
      }
      const wait = options.onBody(bytes);
      if (!wait) return;
      waiting += 1;
      wait.then(
        () => {
          waiting -= 1;
          if (waiting > 0 || settled) return;
          socket.setTimeout(idleTimeoutMs);
          socket.resume();
        },
        (error: unknown) => finish(error),
      );
    };
    parser[HTTPParser.kOnMessageComplete] = () => {
      if (informational) informational = false;
      else complete = true;
    };

    const onRead = (length: number, buffer: Uint8Array): boolean => {
      if (settled || complete) return false;
      let parsed: number | Error;
      try {
        parsed = parser.execute(buffer as Buffer, 0, length);
      } catch (error) {
        // A consumer's callback threw (onHead refusing the answer, say).
        finish(error);
        return false;
      }
      // http-parser-js counts a read that ends a message as header bytes of the next one; a finished message is all we asked for.
      if (parsed instanceof Error && !complete) {
        finish(new StreamedGetError(`the server's answer could not be read (${parsed.message})`, { cause: parsed }));
        return false;
      }
      if (complete) {
        // The last pieces may still be on their way to the consumer's disk; the caller awaits those itself.
        queueMicrotask(() => finish());
        return false;
      }
      if (waiting === 0) return true;
      // Paused until the consumer's waits settle (returning false pauses the socket); a slow disk is not a stalled server.
      socket.setTimeout(0);
      return false;
    };

    onReadNow = onRead;
    socket.setNoDelay(true);
    socket.setTimeout(idleTimeoutMs, () =>
      finish(new StreamedGetError(`the server stopped sending (no data for ${Math.round(idleTimeoutMs / 1000)} s)`)),
    );
    socket.write(request);
    socket.on('error', (error) => finish(new StreamedGetError(error.message, { cause: error })));
    socket.on('end', () => {
      // A body framed by the connection's end (no length, not chunked) ends here.
      if (parser.finish() === undefined && complete) finish();
    });
    socket.on('close', () => {
      if (!complete) finish(new StreamedGetError('the connection closed before the whole answer arrived'));
    });
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}

function requestText(url: URL, headers: Record<string, string>): string {
  const lines = [
    `GET ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    'connection: close',
    'accept-encoding: identity',
    ...Object.entries(headers).map(([name, value]) => {
      if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new StreamedGetError(`the header ${name} is not valid`);
      return `${name}: ${value}`;
    }),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** http-parser-js gives headers as [name, value, name, value, …]. */
function headerRecord(flat: string[]): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const name = flat[i]!.toLowerCase();
    record[name] = name in record ? `${record[name]}, ${flat[i + 1]}` : flat[i + 1]!;
  }
  return record;
}
