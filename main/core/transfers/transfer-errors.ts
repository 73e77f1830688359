import { AppError } from '../../../common/app-error.ts';
import { retryAfterSeconds } from '../../../common/box-retry-strategy.ts';

/**
 * A Box answer a transfer cannot use, with what the manager needs to act on it: the status
 * and Box's `code` (to decide whether to retry) and, for a name clash, the file already there.
 */
export class BoxTransferError extends AppError {
  readonly status: number;
  readonly boxCode: string;
  readonly conflictFileId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    boxCode: string,
    info: {
      code: AppError['code'];
      message: string;
      conflictFileId?: string | undefined;
      retryAfterSeconds?: number | undefined;
    },
  ) {
    super(info.code, info.message);
    this.name = 'BoxTransferError';
    this.status = status;
    this.boxCode = boxCode;
    this.conflictFileId = info.conflictFileId;
    this.retryAfterSeconds = info.retryAfterSeconds;
  }

  /** 429, 5xx and a rejected part digest are worth another try; the rest will fail the same way. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500 || this.status === 412;
  }
}

interface BoxErrorBody {
  code?: unknown;
  context_info?: { conflicts?: unknown };
}

function conflictIdOf(body: BoxErrorBody): string | undefined {
  const conflicts = body.context_info?.conflicts;
  const first: unknown = Array.isArray(conflicts) ? conflicts[0] : conflicts;
  if (typeof first === 'object' && first !== null && 'id' in first && typeof first.id === 'string') return first.id;
  return undefined;
}

/** Reads Box's error body (if any) and turns the response into a BoxTransferError with a message for people. */
export async function boxTransferErrorFrom(response: Response, name: string): Promise<BoxTransferError> {
  const bodyText = await response.text().catch(() => '');
  return boxTransferErrorOf(response.status, Object.fromEntries(response.headers), bodyText, name);
}

/** The same from an answer already read: status, headers (lower-case names) and body text. */
export function boxTransferErrorOf(
  status: number,
  headers: Readonly<Record<string, string>>,
  bodyText: string,
  name: string,
): BoxTransferError {
  let body: BoxErrorBody = {};
  try {
    body = JSON.parse(bodyText) as BoxErrorBody;
  } catch {
    // Box answers some errors (401, 5xx from proxies) without a JSON body.
  }
  const boxCode = typeof body.code === 'string' ? body.code : '';
  const wait = retryAfterSeconds(headers);
  const make = (code: AppError['code'], message: string) =>
    new BoxTransferError(status, boxCode, {
      code,
      message,
      conflictFileId: conflictIdOf(body),
      retryAfterSeconds: wait,
    });
  if (status === 401) return make('session_expired', 'Your session has ended. Sign in again to continue.');
  if (boxCode === 'item_name_in_use')
    return make('box_item_name_in_use', `An item named “${name}” already exists here.`);
  if (boxCode === 'item_name_invalid' || boxCode === 'item_name_too_long') {
    return make('box_item_name_invalid', `Box does not accept “${name}” as a name. Rename the file, then try again.`);
  }
  if (status === 507 || boxCode === 'storage_limit_exceeded' || boxCode === 'file_size_limit_exceeded') {
    return make(
      'box_storage_limit',
      `“${name}” does not fit in your Box storage. Free some space, or ask your IT team for more.`,
    );
  }
  if (status === 403) {
    return make(
      'box_insufficient_scope',
      `You may not transfer “${name}” here. Ask your IT team or the folder’s owner for access.`,
    );
  }
  if (status === 404)
    return make('box_not_found', `“${name}” or its folder no longer exists in Box. Refresh the folder.`);
  if (status === 429) return make('box_rate_limited', 'Box is receiving too many requests. Retry in a minute.');
  if (status >= 500) return make('box_error', 'Box is having trouble right now. Retry in a few minutes.');
  return make(
    'transfer_failed',
    `Box refused the transfer of “${name}” (${boxCode || status}). Retry; if it keeps happening, contact your IT team.`,
  );
}

export function cancelledError(name: string): AppError {
  return new AppError('transfer_cancelled', `The transfer of “${name}” was cancelled.`);
}

export function offlineError(name: string, cause: unknown): AppError {
  return new AppError(
    'offline',
    `The connection to Box was lost while transferring “${name}”. Check your connection, then retry.`,
    {
      cause,
    },
  );
}

/** True for the error fetch or a body stream raises when our own AbortSignal fired. */
export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted && (error === signal.reason || (error instanceof Error && error.name === 'AbortError'));
}
