import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import { AppError } from '../../../common/app-error.ts';
import { retryAfterSeconds } from '../../../common/box-retry-strategy.ts';

/** What the failed call was about, so the message can name it. */
export interface BoxErrorContext {
  /** The name the user typed, for name clashes and invalid names. */
  name?: string;
}

const storageCodes = new Set(['storage_limit_exceeded', 'insufficient_storage', 'file_size_limit_exceeded']);
const nameInvalidCodes = new Set(['item_name_invalid', 'item_name_too_long']);

/**
 * Turns anything a Box call throws into an AppError whose message says what happened and what
 * to do. AppErrors (from the token source) pass through; Box's status and `code` decide the rest.
 */
export function toAppError(error: unknown, context: BoxErrorContext = {}): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof BoxApiError) return fromApiError(error, context);
  if (error instanceof BoxSdkError) {
    return new AppError('offline', 'Box cannot be reached. Check your internet connection, then try again.', {
      cause: error,
    });
  }
  return new AppError('box_error', 'Something went wrong while talking to Box. Try again.', { cause: error });
}

function fromApiError(error: BoxApiError, context: BoxErrorContext): AppError {
  const status = error.responseInfo.statusCode;
  // The SDK keeps `code` JSON-encoded (with quotes); the parsed body has the plain string.
  const body = error.responseInfo.body;
  const bodyCode =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { code?: unknown }).code : undefined;
  const code = typeof bodyCode === 'string' ? bodyCode : '';
  const named = context.name !== undefined ? `“${context.name}”` : 'that name';
  const options = { cause: error };
  if (status === 401)
    return new AppError('session_expired', 'Your session has ended. Sign in again to continue.', options);
  if (code === 'insufficient_scope') {
    return new AppError(
      'box_insufficient_scope',
      'Your company has not allowed this app to do that. Ask your IT team if you need this permission.',
      options,
    );
  }
  if (code === 'item_name_in_use') {
    return new AppError(
      'box_item_name_in_use',
      `An item named ${named} already exists here. Choose another name.`,
      options,
    );
  }
  if (nameInvalidCodes.has(code)) {
    return new AppError(
      'box_item_name_invalid',
      `Box does not accept ${named} as a name. Use at most 255 characters, no / or \\, and no spaces at the start or end.`,
      options,
    );
  }
  if (storageCodes.has(code) || status === 507) {
    return new AppError(
      'box_storage_limit',
      'Your Box storage is full. Delete files you no longer need, or ask your IT team for more space.',
      options,
    );
  }
  if (status === 429) {
    const wait = retryAfterSeconds(error.responseInfo.headers);
    const when = wait === undefined ? 'in a minute' : `in ${Math.ceil(wait)} seconds`;
    return new AppError('box_rate_limited', `Box is receiving too many requests. Try again ${when}.`, options);
  }
  if (status === 404 || code === 'trashed') {
    return new AppError(
      'box_not_found',
      'This item no longer exists: it may have been moved or deleted. Refresh the folder.',
      options,
    );
  }
  if (status === 403) {
    return new AppError(
      'box_insufficient_scope',
      'You do not have permission to do that here. Ask the folder’s owner for access.',
      options,
    );
  }
  if (status >= 500) {
    return new AppError('box_error', 'Box is having trouble right now. Try again in a few minutes.', options);
  }
  return new AppError(
    'box_error',
    `Box refused the request (${code || status}). Try again; if it keeps happening, contact your IT team.`,
    options,
  );
}
