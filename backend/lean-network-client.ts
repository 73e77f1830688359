import type { IncomingHttpHeaders } from 'node:http';
import { request, type Dispatcher } from 'undici';
import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import {
  userAgentHeader,
  xBoxUaHeader,
  FetchOptions,
  type FetchOptionsInput,
  type FetchResponse,
  type NetworkClient,
} from 'box-node-sdk/networking';
import {
  jsonToSerializedData,
  sdIsMap,
  sdToJson,
  sdToUrlParams,
  type SerializedData,
} from 'box-node-sdk/serialization';

/**
 * box-node-sdk's network client for the backend, on undici: the backend's Box calls are small
 * JSON or form requests with JSON answers (users, tokens). The SDK's own client sends them
 * through node-fetch, whose legacy URL parsing, header objects and stream per call showed as a
 * large share of the backend's CPU per returning login, and undici's pool is cheaper than
 * node:http's per request (the measurements: docs/backend.md, "Talking to Box"). It keeps the SDK's contract: the session's retry strategy (401
 * renewal included), interceptors, additional headers, a deadline for the whole call, and
 * `BoxApiError` / `BoxSdkError` for failures (with Box's `code` as plain text, where the SDK's
 * client leaves it JSON-quoted). Uploads, multipart and binary answers are not the backend's
 * business and are refused. Redirects are not followed: the endpoints the backend calls never
 * redirect, and a redirect must not carry credentials on.
 */
export class LeanNetworkClient implements NetworkClient {
  readonly #dispatcher: Dispatcher;

  /** `dispatcher`: undici's connection pool (or proxy agent) the calls go through. */
  constructor(dispatcher: Dispatcher) {
    this.#dispatcher = dispatcher;
  }

  async fetch(input: FetchOptionsInput): Promise<FetchResponse> {
    // Defaults filled in (content type, answer format) the way the SDK's client sees them.
    const options = new FetchOptions(input);
    if (options.fileStream || options.multipartData || options.responseFormat === 'binary') {
      throw new BoxSdkError({
        message: 'the backend sends no uploads or downloads to Box',
        timestamp: `${Date.now()}`,
      });
    }
    return this.#fetchWithRetries(options, 1);
  }

  /**
   * One attempt, then what the session's retry strategy decides. `attempt` counts every try,
   * failed connections and error answers alike, so a call never makes more than the strategy's
   * maximum (the SDK's client counts the two kinds apart).
   */
  async #fetchWithRetries(input: FetchOptions, attempt: number): Promise<FetchResponse> {
    const session = input.networkSession;
    const interceptors = session?.interceptors ?? [];
    const options = interceptors.reduce((current, interceptor) => interceptor.beforeRequest(current), input);
    const url = withQuery(options.url, options.params);
    const method = options.method.toUpperCase();
    const body = requestBody(options);
    const headers: Record<string, string> = {};
    if (method !== 'GET' && body !== undefined) headers['content-type'] = options.contentType;
    mergeHeaders(headers, options.headers);
    if (options.auth) headers['authorization'] = await options.auth.retrieveAuthorizationHeader(session);
    mergeHeaders(headers, { 'user-agent': userAgentHeader, 'x-box-ua': xBoxUaHeader });
    mergeHeaders(headers, session?.additionalHeaders);

    let answer: { response: FetchResponse; text: string } | undefined;
    let failure: Error | undefined;
    try {
      answer = await this.#send(url, method, headers, body, options, session?.timeoutConfig?.timeoutMs);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    let response = answer?.response ?? { status: 0, headers: {} };
    if (answer) response = interceptors.reduce((current, interceptor) => interceptor.afterRequest(current), response);

    const retryStrategy = session?.retryStrategy;
    // An answer that is not Box's (a captive portal's page) will not change on a second try.
    const retriable = !(failure instanceof NotJsonAnswerError);
    if (retriable && retryStrategy && (await retryStrategy.shouldRetry(options, response, attempt))) {
      const seconds = retryStrategy.retryAfter(options, response, attempt);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return this.#fetchWithRetries(input, attempt + 1);
    }
    if (failure) throw new BoxSdkError({ message: failure.message, timestamp: `${Date.now()}`, error: failure });
    if (response.status >= 200 && response.status < 300) return response;
    throw apiError(options, method, headers, body, response, answer?.text ?? '');
  }

  /** One HTTP exchange, bounded as a whole by the session's timeout: connecting, a proxy's CONNECT, the answer's last byte. */
  async #send(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    options: FetchOptions,
    timeoutMs: number | undefined,
  ): Promise<{ response: FetchResponse; text: string }> {
    const abort = new AbortController();
    let timedOut = false;
    const timer =
      timeoutMs !== undefined && timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            abort.abort();
          }, timeoutMs)
        : undefined;
    const cancellation = options.cancellationToken;
    const cancel = () => abort.abort(cancellation?.reason);
    if (cancellation?.aborted) cancel();
    cancellation?.addEventListener('abort', cancel, { once: true });
    try {
      const response = await request(url, {
        method,
        headers,
        body,
        dispatcher: this.#dispatcher,
        signal: abort.signal,
      });
      let text = '';
      if (options.responseFormat === 'no_content') await response.body.dump();
      else text = await response.body.text();
      const status = response.statusCode;
      let data: SerializedData | undefined;
      if (text !== '') {
        try {
          data = jsonToSerializedData(text);
        } catch {
          // A captive portal's or proxy's HTML page: the status still says what happened, unless it claims success.
          if (status >= 200 && status < 300) throw new NotJsonAnswerError();
        }
      }
      return { response: { url, status, data, headers: flatHeaders(response.headers) }, text };
    } catch (error) {
      // The SDK's own words for its deadline, so logs read the same whichever client ran.
      if (timedOut) throw new Error(`Connection timeout after ${timeoutMs}ms`, { cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
      cancellation?.removeEventListener('abort', cancel);
    }
  }
}

/** A 2xx answer whose body is not JSON: not Box talking (a captive portal, a misconfigured proxy). */
class NotJsonAnswerError extends Error {
  constructor() {
    super('Box answered with a body that is not JSON');
    this.name = 'NotJsonAnswerError';
  }
}

/** The URL with the SDK's query parameters; parsed only when there are some (undici parses it anyway). */
function withQuery(base: string, params: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(params ?? {});
  if (entries.length === 0) return base;
  const url = new URL(base);
  for (const [name, value] of entries) url.searchParams.append(name, value);
  return url.href;
}

function requestBody(options: FetchOptions): string | undefined {
  if (options.data === undefined) return undefined;
  return options.contentType === 'application/x-www-form-urlencoded'
    ? sdToUrlParams(options.data)
    : sdToJson(options.data);
}

/** Later sources override earlier ones whatever the case of their names (HTTP header names are case-insensitive). */
function mergeHeaders(target: Record<string, string>, source: Readonly<Record<string, string>> | undefined): void {
  for (const [name, value] of Object.entries(source ?? {})) target[name.toLowerCase()] = value;
}

function flatHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The SDK's error for a Box answer outside 2xx, with the message and fields its own client gives. */
function apiError(
  options: FetchOptions,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  response: FetchResponse,
  rawBody: string,
): BoxApiError {
  const data = response.data;
  const field = (name: string) => {
    const value = sdIsMap(data) ? data[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const contextInfo = sdIsMap(data) && sdIsMap(data['context_info']) ? data['context_info'] : undefined;
  const code = field('code');
  const requestId = field('request_id');
  const error = field('error');
  const message = [
    [response.status, code, field('message')].filter(Boolean).join(' '),
    requestId && `Request ID: ${requestId}`,
    error && `${error} - ${field('error_description')}`,
  ]
    .filter(Boolean)
    .join('; ');
  return new BoxApiError({
    message,
    timestamp: `${Date.now()}`,
    requestInfo: {
      contentType: options.contentType,
      method,
      url: options.url,
      queryParams: options.params ?? {},
      headers,
      body,
    },
    responseInfo: {
      statusCode: response.status,
      headers: response.headers,
      body: data,
      rawBody,
      code,
      contextInfo,
      requestId,
      helpUrl: field('help_url'),
    },
    dataSanitizer: options.networkSession?.dataSanitizer,
  });
}
