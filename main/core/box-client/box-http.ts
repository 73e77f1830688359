import type { BoxAccessTokenSource } from './box-access-token-source.ts';
import { connectionLost, readBoxError, BoxAnswerError } from './box-errors.ts';
import { directTransport, type BoxTransport } from './box-transport.ts';
import { boxDidNotAct, boxRetryPolicy, withRetries } from './retry-policy.ts';

/** A JSON call: `body` is sent as JSON when given; `name` is the file it is about, for the messages. */
export interface JsonCall {
  url: string;
  method: string;
  body?: unknown;
  signal: AbortSignal;
  name: string;
}

export interface BoxRequest {
  method: string;
  headers?: Record<string, string>;
  /** Called for each try, so a streamed body is rebuilt when the request is sent again. */
  makeBody?: () => RequestInit['body'];
  signal: AbortSignal;
  redirect?: RequestRedirect;
}

/**
 * Box's API over fetch, for the calls box-node-sdk cannot make well (streams, signals, Box's
 * `202`s; see transfers/box-transfer-client.ts): the token on every request, renewed once after
 * a `401`; connection failures as `offline`; JSON calls repeated by the retry policy while Box
 * says it did not act. `name` is the file the call is about, for the messages.
 */
export class BoxHttp {
  readonly #tokens: BoxAccessTokenSource;
  readonly #transport: BoxTransport;

  constructor(tokens: BoxAccessTokenSource, transport: BoxTransport = directTransport) {
    this.#tokens = tokens;
    this.#transport = transport;
  }

  /**
   * Sends one request with the current token; a `401` invalidates it and the request is sent
   * once more with a fresh one. Network failures become `offline`; HTTP errors are returned for
   * the caller to judge.
   */
  async send(url: string, request: BoxRequest, name: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.#tokens.getToken();
      let response: Response;
      try {
        const body = request.makeBody?.();
        response = await this.#transport.fetch(url, {
          method: request.method,
          headers: { ...request.headers, authorization: `Bearer ${token}` },
          signal: request.signal,
          redirect: request.redirect ?? 'follow',
          ...(body === undefined ? {} : { body, duplex: 'half' }),
        });
      } catch (error) {
        if (request.signal.aborted) throw error;
        throw connectionLost('transfer', name, error);
      }
      if (response.status !== 401 || attempt > 1) return response;
      await response.body?.cancel();
      this.#tokens.invalidate(token);
    }
  }

  /** Sends a JSON request and parses the JSON answer; any non-2xx becomes a BoxAnswerError. */
  async json<T>(call: JsonCall): Promise<{ status: number; headers: Headers; body: T }> {
    return withRetries(() => this.#jsonOnce<T>(call), {
      limits: boxRetryPolicy.transferCalls,
      signal: call.signal,
      worthRetrying: (error) => error instanceof BoxAnswerError && boxDidNotAct(error.status),
      retryAfterOf: (error) => (error instanceof BoxAnswerError ? error.retryAfterSeconds : undefined),
    });
  }

  async #jsonOnce<T>({
    url,
    method,
    body,
    signal,
    name,
  }: JsonCall): Promise<{ status: number; headers: Headers; body: T }> {
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
    if (!response.ok) throw await readBoxError(response, 'transfer', name);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }
}
