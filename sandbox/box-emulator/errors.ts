import { randomId } from './store.ts';

/** A Box API error; the server turns it into Box's `ClientError` JSON body. */
export class BoxError extends Error {
  readonly status: number;
  readonly code: string;
  readonly contextInfo: Record<string, unknown> | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { contextInfo?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.contextInfo = options.contextInfo;
    this.headers = options.headers ?? {};
  }
}

/** An error of the token endpoint; the server turns it into Box's `OAuth2Error` body. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(status: number, error: string, description: string) {
    super(description);
    this.status = status;
    this.error = error;
  }
}

export const badRequest = (message: string, code = 'bad_request'): BoxError => new BoxError(400, code, message);
export const notFound = (message = 'Not Found'): BoxError => new BoxError(404, 'not_found', message);
export const forbidden = (message = 'Access denied - insufficient permission'): BoxError =>
  new BoxError(403, 'forbidden', message);
export const insufficientScope = (): BoxError =>
  new BoxError(403, 'insufficient_scope', 'The request requires higher privileges than provided by the access token.');

export function clientErrorBody(error: BoxError): Record<string, unknown> {
  return {
    type: 'error',
    status: error.status,
    code: error.code,
    message: error.message,
    ...(error.contextInfo ? { context_info: error.contextInfo } : {}),
    help_url: 'http://developers.box.com/docs/#errors',
    request_id: randomId(8),
  };
}
