/**
 * Error codes shared by main, preload and renderer. Each code means one thing; what it means
 * and the words the user reads (what happened and what to do) are in the main process's catalog,
 * main/core/errors/error-catalog.ts. The renderer says it in the user's language from its own
 * catalog by code and wording (renderer/src/i18n/areas/errors.ts), and shows main's English
 * message only for a code or wording it does not know.
 */
export const errorCodes = [
  'invalid_request',
  'unknown_channel',
  'forbidden_sender',
  'not_signed_in',
  'sign_in_cancelled',
  'sign_in_denied',
  'sign_in_timeout',
  'sign_in_port_in_use',
  'state_mismatch',
  'issuer_mismatch',
  'idp_unreachable',
  'token_endpoint_error',
  'clock_skew',
  'session_expired',
  'sign_in_malformed_answer',
  'backend_unreachable',
  'backend_busy',
  'backend_denied',
  'backend_rejected_sign_in',
  'account_disabled',
  'box_insufficient_scope',
  'box_item_name_in_use',
  'box_item_name_invalid',
  'box_storage_limit',
  'box_rate_limited',
  'box_not_found',
  'box_restore_needs_folder',
  'box_share_refused',
  'box_error',
  'offline',
  'certificate_untrusted',
  'proxy_unreachable',
  'proxy_auth_failed',
  'config_invalid',
  'transfer_failed',
  'transfer_cancelled',
  'drag_out_unavailable',
  'file_unreadable',
  'edit_unsaved',
  'keychain_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The names and numbers an error's words fill in (an item's name, seconds to wait, ports). */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** The serializable form of an error that crosses the IPC boundary. */
export interface AppErrorInfo {
  code: ErrorCode;
  /** What happened and what to do, in English words a user understands: the fallback. */
  message: string;
  /** Which of the code's wordings the message is (main's catalog), for the renderer's own words. */
  wording?: string;
  /** What the wording filled in. */
  params?: ErrorParams;
}
