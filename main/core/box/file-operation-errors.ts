import { BoxApiError } from 'box-node-sdk/box';
import type { AppError } from '../../../common/app-error.ts';
import { fromSdkError } from '../box-client/box-errors.ts';
import { appError } from '../errors/error-catalog.ts';

/** Box's `code` and `message` of a refusal (the SDK keeps the parsed body beside its own fields). */
function refusalOf(error: unknown): { status: number; code: string; message: string } | undefined {
  if (!(error instanceof BoxApiError)) return undefined;
  const body = error.responseInfo.body as { code?: unknown; message?: unknown } | undefined;
  return {
    status: error.responseInfo.statusCode,
    code: typeof body?.code === 'string' ? body.code : '',
    message: typeof body?.message === 'string' ? body.message.slice(0, 300) : '',
  };
}

/**
 * A restore without a parent that Box refuses with `403` (not a missing scope): the item's folder
 * is gone (purged, or itself in the trash), and Box wants one named. The renderer then asks.
 */
export function restoreError(error: unknown, name: string | undefined, parentGiven: boolean): AppError {
  const refusal = refusalOf(error);
  if (!parentGiven && refusal?.status === 403 && refusal.code !== 'insufficient_scope') {
    return appError('box_restore_needs_folder', 'default', {}, { cause: error });
  }
  return fromSdkError(error, name);
}

/**
 * Shared-link changes Box refuses with its reason: the enterprise's policy (`403` other than a
 * missing scope, e.g. no `open` links) or Box's rules for links (`400`: password, expiry). The
 * user reads Box's own words, as the Box web app shows them.
 */
export function sharedLinkError(error: unknown, name: string | undefined): AppError {
  const refusal = refusalOf(error);
  if (refusal?.status === 403 && refusal.code !== 'insufficient_scope') {
    return appError('box_share_refused', 'enterprise', { text: refusal.message || undefined }, { cause: error });
  }
  if (refusal?.status === 400) {
    return appError('box_share_refused', 'rules', { text: refusal.message || undefined }, { cause: error });
  }
  return fromSdkError(error, name);
}
