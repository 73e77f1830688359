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
 * through node-fetch, which cost about a quarter of the backend's CPU per returning login
 * (legacy URL parsing, header objects, an AbortController and a stream per call); undici's
 * pool costs half of node:http's per request. It keeps the SDK's contract: the session's retry
 * strategy (401 renewal included), interceptors, additional headers and timeout, and
 * `BoxApiError` / `BoxSdkError` for failures, with the same messages. Uploads, multipart and
 * binary answers are not the backend's business and are refused. Redirects are not followed:
 * the endpoints the backend calls never redirect, and a redirect must not carry credentials on.
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
    return this.#fetchWithRetries(options, 1, 0);
  }

  async #fetchWithRetries(input: FetchOptions, attempt: number, failedAttempts: number): Promise<FetchResponse> {
    const session = input.networkSession;
    const interceptors = session?.interceptors ?? [];
    const options = interceptors.reduce((current, interceptor) => interceptor.beforeRequest(current), input);
    const url = withQuery(options.url, options.params);
    const method = options.method.toUpperCase();
    const body = requestBody(options);
    const headers: Record<string, string> = {
      ...(method !== 'GET' && body !== undefined && { 'content-type': options.contentType }),
      ...options.headers,
      ...(options.auth && { authorization: await options.auth.retrieveAuthorizationHeader(session) }),
      'user-agent': userAgentHeader,
      'x-box-ua': xBoxUaHeader,
      ...session?.additionalHeaders,
    };

    let response: FetchResponse;
    let failure: Error | undefined;
    try {
      response = await this.#send(url, method, headers, body, options, session?.timeoutConfig?.timeoutMs);
      response = interceptors.reduce((current, interceptor) => interceptor.afterRequest(current), response);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      failedAttempts++;
      response = { status: 0, headers: {} };
    }

    const retryStrategy = session?.retryStrategy;
    const attemptForRetry = failure ? failedAttempts : attempt;
    if (retryStrategy && (await retryStrategy.shouldRetry(options, response, attemptForRetry))) {
      const seconds = retryStrategy.retryAfter(options, response, attemptForRetry);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return this.#fetchWithRetries(input, attempt + 1, failedAttempts);
    }
    if (failure) throw new BoxSdkError({ message: failure.message, timestamp: `${Date.now()}`, error: failure });
    if (response.status >= 200 && response.status < 300) return response;
    throw apiError(options, method, url, headers, body, response);
  }

  async #send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    options: FetchOptions,
    timeoutMs: number | undefined,
  ): Promise<FetchResponse> {
    const response = await request(url, {
      method,
      headers,
      body,
      dispatcher: this.#dispatcher,
      signal: options.cancellationToken,
      // The answers are a few hundred bytes: the first byte and each later one within the call's timeout.
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
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
        // A proxy's HTML error page: the status still says what happened, unless it claims success.
        if (status >= 200 && status < 300) throw new Error('Box answered with a body that is not JSON');
      }
    }
    return { url: url.href, status, data, headers: flatHeaders(response.headers) };
  }
}

function withQuery(base: string, params: Readonly<Record<string, string>> | undefined): URL {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params ?? {})) url.searchParams.append(name, value);
  return url;
}

function requestBody(options: FetchOptions): string | undefined {
  if (options.data === undefined) return undefined;
  return options.contentType === 'application/x-www-form-urlencoded'
    ? sdToUrlParams(options.data)
    : sdToJson(options.data);
}

function flatHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The SDK's error for a Box answer outside 2xx, with the same message and fields its own client gives. */
function apiError(
  options: FetchOptions,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: string | undefined,
  response: FetchResponse,
): BoxApiError {
  const data = response.data;
  const field = (name: string) => {
    const value = sdIsMap(data) ? data[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
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
      rawBody: data === undefined ? undefined : sdToJson(data),
      code,
      requestId,
      helpUrl: field('help_url'),
    },
    dataSanitizer: options.networkSession?.dataSanitizer,
  });
}
