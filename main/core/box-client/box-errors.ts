import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import { AppError } from '../../../common/app-error.ts';
import { retryAfterSeconds } from '../../../common/retry-after.ts';
import { appError, type ErrorDetails } from '../errors/error-catalog.ts';
import { networkFailureIn } from '../network/network-errors.ts';
import { isTransientStatus } from './retry-policy.ts';

/**
 * What the user was doing when Box said no: the words differ (a transfer names its file and says
 * "Retry", the file browser says what to change), the meaning of each answer does not.
 */
export type BoxSituation = 'browse' | 'transfer';

/** Box's answer to one request, as far as an error needs it. */
export interface BoxAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

/**
 * A Box answer the desktop cannot use, with what callers need to act on it: the status and Box's
 * `code` (to decide whether to retry), Box's `retry-after`, and, for a name clash, the file
 * already there.
 */
export class BoxAnswerError extends AppError {
  readonly status: number;
  readonly boxCode: string;
  readonly conflictFileId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(made: AppError, answer: BoxAnswer, boxCode: string, cause?: unknown) {
    // The wording and params go along: the renderer says the error in the user's language by them.
    super(made.code, made.message, {
      wording: made.wording,
      params: made.params,
      ...(cause === undefined ? {} : { cause }),
    });
    this.name = 'BoxAnswerError';
    this.status = answer.status;
    this.boxCode = boxCode;
    this.conflictFileId = conflictIdOf(answer.body);
    this.retryAfterSeconds = retryAfterSeconds(answer.headers);
  }

  /** Transient answers and a rejected part digest (`412`: the part is sent again) are worth another try. */
  get retryable(): boolean {
    return isTransientStatus(this.status) || this.status === 412;
  }
}

const storageCodes = new Set(['storage_limit_exceeded', 'insufficient_storage', 'file_size_limit_exceeded']);
const nameInvalidCodes = new Set(['item_name_invalid', 'item_name_too_long']);

function conflictIdOf(body: unknown): string | undefined {
  const conflicts = fieldOf(fieldOf(body, 'context_info'), 'conflicts');
  const first: unknown = Array.isArray(conflicts) ? conflicts[0] : conflicts;
  const id = fieldOf(first, 'id');
  return typeof id === 'string' ? id : undefined;
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The one table from Box's answers to our codes: Box's status and `code` decide the code, the
 * situation the wording.
 */
export function boxAnswerError(
  answer: BoxAnswer,
  situation: BoxSituation,
  name?: string,
  cause?: unknown,
): BoxAnswerError {
  const { status } = answer;
  const bodyCode = fieldOf(answer.body, 'code');
  const boxCode = typeof bodyCode === 'string' ? bodyCode : '';
  const details: ErrorDetails = {
    name,
    seconds: retryAfterSeconds(answer.headers),
    boxAnswer: boxCode || String(status),
  };
  const made = (() => {
    if (status === 401) return appError('session_expired', 'box');
    if (boxCode === 'insufficient_scope') return appError('box_insufficient_scope', 'scope');
    if (boxCode === 'item_name_in_use') return appError('box_item_name_in_use', situation, details);
    if (nameInvalidCodes.has(boxCode)) return appError('box_item_name_invalid', situation, details);
    if (storageCodes.has(boxCode) || status === 507) return appError('box_storage_limit', situation, details);
    if (status === 429) return appError('box_rate_limited', situation, details);
    if (status === 404 || boxCode === 'trashed') return appError('box_not_found', situation, details);
    if (status === 403) return appError('box_insufficient_scope', situation, details);
    if (status >= 500) return appError('box_error', situation === 'browse' ? 'trouble' : 'transfer_trouble');
    return situation === 'browse'
      ? appError('box_error', 'refused', details)
      : appError('transfer_failed', 'box_refused', details);
  })();
  return new BoxAnswerError(made, answer, boxCode, cause);
}

/** Reads Box's error body (if any) from a fetch answer and says what it means. */
export async function readBoxError(
  response: Response,
  situation: BoxSituation,
  name?: string,
): Promise<BoxAnswerError> {
  const bodyText = await response.text().catch(() => '');
  return boxAnswerError(
    { status: response.status, headers: Object.fromEntries(response.headers), body: parseBody(bodyText) },
    situation,
    name,
  );
}

/** Box answers some errors (401, 5xx from proxies) without a JSON body. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The connection to Box failed or dropped mid-answer. */
export function connectionLost(situation: BoxSituation, name: string | undefined, cause: unknown): AppError {
  // An untrusted certificate or a proxy that refused the sign-in is not "offline": its own words say what to do.
  return networkFailureIn(cause) ?? appError('offline', situation, { name }, { cause });
}

/**
 * Turns anything a box-node-sdk call throws into an AppError whose message says what happened
 * and what to do. AppErrors (from the token source) pass through.
 */
export function fromSdkError(error: unknown, name?: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof BoxApiError) {
    const { statusCode, headers, body } = error.responseInfo;
    // The SDK keeps `code` JSON-encoded (with quotes); the parsed body has the plain string.
    return boxAnswerError({ status: statusCode, headers, body }, 'browse', name, error);
  }
  if (error instanceof BoxSdkError) return connectionLost('browse', name, error);
  return appError('box_error', 'unexpected', {}, { cause: error });
}
