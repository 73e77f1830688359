/**
 * Every error the main process reports, in one place: for each code (common/error-codes.ts) what
 * it means, whether its message may reach the user as is, and the words the user reads, which
 * say what happened and what to do. A code means one thing; where the user was doing different
 * things (browsing, transferring, signing in) it has a wording for each, all here. The model is
 * panva's oidc-provider (`lib/helpers/errors.js`: one class per error with its status, its
 * `expose` flag and its description) and openid-client's `ClientError.code`: callers pick a code
 * and fill in names, they never write a message.
 */
import { AppError } from '../../../common/app-error.ts';
import type { ErrorCode, ErrorParams } from '../../../common/error-codes.ts';

/** What a message may name; each wording uses the fields it needs. */
export interface ErrorDetails {
  /** The item or file the user acted on. */
  name?: string | undefined;
  /** A local folder. */
  folder?: string | undefined;
  /** A settings file. */
  file?: string | null | undefined;
  /** Seconds Box asked us to wait. */
  seconds?: number | undefined;
  /** Box's own code (or status) for a refusal we have no words of our own for. */
  boxAnswer?: string | undefined;
  /** A complete sentence made elsewhere from the user's own input (a configuration or name-rule problem). */
  text?: string | undefined;
  /** An IPC channel. */
  channel?: string | undefined;
  /** A server the app connected to (host or host:port). */
  host?: string | undefined;
  /** What went wrong with a connection, in a few words (a certificate's problem, say). */
  problem?: string | undefined;
  /** A proxy (host:port). */
  proxy?: string | undefined;
  /** Loopback ports. */
  ports?: readonly number[] | undefined;
}

type Wording = (details: ErrorDetails) => string;

export interface CatalogEntry {
  /** What the code means, for people reading the code and the logs. */
  meaning: string;
  /**
   * Whether the message may reach the renderer as is. False for messages meant for developers:
   * the renderer then gets `internal`'s message, and the message goes to the log.
   */
  shown: boolean;
  /** The words, one per situation the code arises in; `default` where there is one. */
  wordings: Readonly<Record<string, Wording>>;
}

/** An entry with a single wording that needs no names, shown as is. */
const oneWording = (meaning: string, words: string) => ({ meaning, shown: true, wordings: { default: () => words } });

const quoted = (name: string | undefined, otherwise: string): string => (name === undefined ? otherwise : `“${name}”`);

export const errorCatalog = {
  invalid_request: {
    meaning: 'A request from the renderer is malformed, or names something that is gone.',
    shown: true,
    wordings: {
      malformed: ({ channel }) => `The request to ${channel ?? 'the app'} was malformed.`,
      transfer_gone: () => 'That transfer is no longer in the list.',
      question_gone: () => 'That question was already answered or withdrawn.',
      bulk_gone: () => 'That action is no longer in the list: select the items again.',
      setting_locked: () => 'This setting is set by your organization and cannot be changed here.',
      setting_value: ({ text }) => `That value cannot be used: ${text ?? 'it is not valid'}.`,
      settings_file: ({ file, text }) =>
        `Your settings file${file ? ` ${file}` : ''} cannot be updated: ${text ?? 'it is not valid'}. Fix or delete it.`,
    },
  },
  unknown_channel: oneWording(
    'The renderer asked for a channel the IPC contract does not have.',
    'The app asked for an action it does not know.',
  ),
  forbidden_sender: oneWording(
    'An IPC request came from a frame that is not our own window’s.',
    'This page is not allowed to use the app.',
  ),
  not_signed_in: {
    meaning: 'The action needs a signed-in user and there is none.',
    shown: true,
    wordings: {
      default: () => 'Sign in to continue.',
      browse: () => 'You are signed out. Sign in to see your files.',
    },
  },
  sign_in_cancelled: oneWording('The user (or a newer sign-in) cancelled the sign-in.', 'Sign-in was cancelled.'),
  sign_in_denied: oneWording(
    'The identity provider answered the authorization request with an error (cancelled or refused there).',
    'The sign-in was cancelled or refused at your company sign-in page. Try again, or ask IT whether you have access.',
  ),
  sign_in_timeout: oneWording(
    'The browser did not come back within the sign-in time limit.',
    'Sign-in took too long. Try again, and finish signing in in your browser within 5 minutes.',
  ),
  sign_in_port_in_use: {
    meaning:
      'Every fixed sign-in port IT configured is held by another program (never by this app: a replaced sign-in lets go first).',
    shown: true,
    wordings: {
      default: ({ ports = [] }) =>
        ports.length === 1
          ? `The sign-in port configured by IT (port ${ports[0]}) is used by another program. Close that program and try again, or ask IT.`
          : `The sign-in ports configured by IT (ports ${ports.join(', ')}) are used by other programs. Close those programs and try again, or ask IT.`,
    },
  },
  sign_in_malformed_answer: oneWording(
    'The browser came back with our state but without an authorization code (for example `code=`).',
    'Your company sign-in page sent the browser back without a sign-in code, so the sign-in could not finish. Try again; if it keeps happening, tell IT.',
  ),
  state_mismatch: oneWording(
    'The authorization response carries another sign-in’s state.',
    'The browser came back with an answer that belongs to another sign-in. Close old sign-in tabs and try again.',
  ),
  issuer_mismatch: oneWording(
    'An answer (authorization response, ID token, discovery) names another issuer than the configured one.',
    'The sign-in answer came from a different identity provider than the one configured. Try again; if it keeps happening, tell IT.',
  ),
  idp_unreachable: oneWording(
    'The identity provider cannot be reached, or answers what is not an OAuth answer.',
    'Your company sign-in service cannot be reached. Check your network connection and try again.',
  ),
  token_endpoint_error: oneWording(
    'The identity provider refused to issue or renew tokens, or its tokens failed a check.',
    'Your company sign-in service refused to finish the sign-in. Try again; if it keeps happening, tell IT.',
  ),
  clock_skew: oneWording(
    'A token’s timestamps do not fit this computer’s clock.',
    "Your computer's clock is wrong, so the sign-in could not be checked. Set the date and time automatically and try again.",
  ),
  session_expired: {
    meaning: 'The session can no longer be renewed (refresh token refused or missing, or Box refused the token).',
    shown: true,
    wordings: {
      default: () => 'Your session has ended. Sign in again.',
      box: () => 'Your session has ended. Sign in again to continue.',
    },
  },
  backend_unreachable: oneWording(
    'The provisioning backend cannot be reached, or answers what it never would.',
    'The Box SSO service cannot be reached. Check your network connection and try again.',
  ),
  backend_busy: oneWording(
    'The provisioning backend (or Box behind it) is saturated: it answered 429 or 503.',
    'The Box SSO service is busy. Try again in a minute.',
  ),
  backend_denied: oneWording(
    'The provisioning backend’s policy refuses this user (403).',
    'Your account is not allowed to use Box through this app. Ask IT for access.',
  ),
  backend_rejected_sign_in: oneWording(
    'The provisioning backend refused the ID token, even a freshly renewed one (401).',
    'The Box SSO service did not accept your sign-in. Sign in again; if it keeps happening, tell IT.',
  ),
  account_disabled: oneWording(
    'IT deactivated the company account (SCIM), or the identity provider ended the session (back-channel logout): the backend answered 403 account_disabled or 401 "session ended".',
    'Your company account is disabled or was signed out. Contact IT if this is unexpected.',
  ),
  box_insufficient_scope: {
    meaning: 'Box refused the action: the token’s scopes or the user’s access do not allow it (403).',
    shown: true,
    wordings: {
      scope: () => 'Your company has not allowed this app to do that. Ask your IT team if you need this permission.',
      browse: () => 'You do not have permission to do that here. Ask the folder’s owner for access.',
      transfer: ({ name }) =>
        `You may not transfer ${quoted(name, 'this file')} here. Ask your IT team or the folder’s owner for access.`,
    },
  },
  box_item_name_in_use: {
    meaning: 'An item with that name already exists in the folder.',
    shown: true,
    wordings: {
      browse: ({ name }) => `An item named ${quoted(name, 'that name')} already exists here. Choose another name.`,
      transfer: ({ name }) => `An item named ${quoted(name, 'that name')} already exists here.`,
    },
  },
  box_item_name_invalid: {
    meaning: 'Box does not accept the name.',
    shown: true,
    wordings: {
      browse: ({ name }) =>
        `Box does not accept ${quoted(name, 'that name')} as a name. Use at most 255 characters, no / or \\, and no spaces at the start or end.`,
      transfer: ({ name }) =>
        `Box does not accept ${quoted(name, 'that name')} as a name. Rename the file, then try again.`,
      rule: ({ text }) => text ?? 'Box does not accept that name.',
    },
  },
  box_storage_limit: {
    meaning: 'The user’s Box storage (or the largest file size it allows) is exceeded.',
    shown: true,
    wordings: {
      browse: () => 'Your Box storage is full. Delete files you no longer need, or ask your IT team for more space.',
      transfer: ({ name }) =>
        `${quoted(name, 'The file')} does not fit in your Box storage. Free some space, or ask your IT team for more.`,
    },
  },
  box_rate_limited: {
    meaning: 'Box answered 429 and the wait it asked for is longer than a person should watch.',
    shown: true,
    wordings: {
      browse: ({ seconds }) =>
        `Box is receiving too many requests. Try again ${seconds === undefined ? 'in a minute' : `in ${Math.ceil(seconds)} seconds`}.`,
      transfer: () => 'Box is receiving too many requests. Retry in a minute.',
    },
  },
  box_not_found: {
    meaning: 'The item (or its folder) no longer exists in Box, or is in the trash.',
    shown: true,
    wordings: {
      browse: () => 'This item no longer exists: it may have been moved or deleted. Refresh the folder.',
      transfer: ({ name }) => `${quoted(name, 'The file')} or its folder no longer exists in Box. Refresh the folder.`,
    },
  },
  box_restore_needs_folder: oneWording(
    'A trashed item cannot go back where it was: its folder was deleted (Box answers the restore with 403 and wants a parent).',
    'The folder this item was in no longer exists. Choose a folder to restore it to.',
  ),
  box_share_refused: {
    meaning:
      'Box refused the shared link’s settings: the enterprise does not allow them, or they break Box’s rules (password, expiry); Box’s own reason is shown.',
    shown: true,
    wordings: {
      enterprise: ({ text }) =>
        `Box does not allow this shared link${text ? `: “${text}”` : ''}. Choose another access level, or ask your IT team.`,
      rules: ({ text }) =>
        `Box did not accept these link settings${text ? `: “${text}”` : ''}. Change them and try again.`,
    },
  },
  box_error: {
    meaning: 'Box failed (5xx after the retries) or refused for a reason we have no words of our own for.',
    shown: true,
    wordings: {
      trouble: () => 'Box is having trouble right now. Try again in a few minutes.',
      transfer_trouble: () => 'Box is having trouble right now. Retry in a few minutes.',
      refused: ({ boxAnswer }) =>
        `Box refused the request (${boxAnswer ?? 'unknown'}). Try again; if it keeps happening, contact your IT team.`,
      unexpected: () => 'Something went wrong while talking to Box. Try again.',
    },
  },
  edit_unsaved: {
    meaning: 'An edit was to be closed while its last local save has not reached Box yet.',
    shown: true,
    wordings: {
      default: ({ name }) =>
        `${quoted(name, 'The file')} has changes that are not on Box yet. Wait until it says “Saved to Box”, then close it.`,
    },
  },
  offline: {
    meaning: 'No connection to Box, or it dropped before the answer was complete.',
    shown: true,
    wordings: {
      browse: () => 'Box cannot be reached. Check your internet connection, then try again.',
      transfer: ({ name }) =>
        `The connection to Box was lost while transferring ${quoted(name, 'the file')}. Check your connection, then retry.`,
    },
  },
  certificate_untrusted: {
    meaning: 'A server’s TLS certificate did not verify against Node’s roots, the OS store and IT’s CA bundle.',
    shown: true,
    wordings: {
      default: ({ host, problem }) =>
        `The connection to ${host ?? 'a server'} is not trusted: ${problem ?? 'its certificate could not be verified'}. ` +
        'Nothing was sent or saved. Contact your IT department (they may need to install the company’s root certificate).',
    },
  },
  proxy_unreachable: {
    meaning:
      'Every proxy the network configuration named for a server failed to connect, and no DIRECT fallback was left.',
    shown: true,
    wordings: {
      default: ({ host, proxy }) =>
        `The network proxy ${proxy ?? ''} cannot be reached, so ${host ?? 'the server'} cannot be either. ` +
        'Check your network connection; if it keeps happening, contact your IT department.',
    },
  },
  proxy_auth_failed: {
    meaning:
      'The proxy refused the proxy credentials three times, the user cancelled, or it asked for a scheme other than Basic.',
    shown: true,
    wordings: {
      rejected: ({ proxy }) =>
        `The proxy ${proxy ?? ''} refused your user name and password three times. Check them and try again, or contact your IT department.`,
      cancelled: ({ proxy }) => `Signing in to the proxy ${proxy ?? ''} was cancelled, so the connection was not made.`,
      unsupported: ({ proxy, problem }) =>
        `The proxy ${proxy ?? ''} asks for ${problem ?? 'a sign-in method'} the app cannot answer. ` +
        'Contact your IT department (docs: “Corporate networks”).',
    },
  },
  config_invalid: {
    meaning:
      'A setting (policy file, user settings, installer defaults, or the IdP’s metadata IT points at) is invalid.',
    shown: true,
    wordings: {
      settings: ({ file, text }) =>
        `Box SSO Desktop is not configured correctly${file ? ` in ${file}` : ''}${text ? `: ${text}` : ''}. Contact your IT department.`,
      idp_url: () => 'The sign-in address from the identity provider is not safe to open. Tell IT.',
      ca_bundle: ({ file, text }) =>
        `The certificate file ${file ?? ''} that IT configured cannot be used: ${text ?? 'it is invalid'}. Contact your IT department.`,
      sign_in_ports: () =>
        'The sign-in ports configured by IT cannot be opened on this computer. Ask IT to check the setting.',
    },
  },
  transfer_failed: {
    meaning: 'A transfer did not finish (nothing partial is left behind); the wording says why and what to do.',
    shown: true,
    wordings: {
      download_damaged: ({ name }) =>
        `${quoted(name, 'The file')} arrived damaged (its checksum does not match Box’s). Retry the download.`,
      download_wrong_size: ({ name }) => `${quoted(name, 'The file')} arrived with the wrong size. Retry the download.`,
      download_not_offered: ({ name }) => `Box did not offer ${quoted(name, 'the file')} for download. Retry.`,
      upload_not_confirmed: ({ name }) => `Box did not confirm ${quoted(name, 'the file')}. Retry.`,
      upload_stored_differently: ({ name }) =>
        `Box stored ${quoted(name, 'the file')} with a different checksum. Retry the upload.`,
      upload_assembly_too_long: ({ name }) =>
        `Box took too long to assemble ${quoted(name, 'the file')}. Retry the upload.`,
      box_refused: ({ name, boxAnswer }) =>
        `Box refused the transfer of ${quoted(name, 'the file')} (${boxAnswer ?? 'unknown'}). Retry; if it keeps happening, contact your IT team.`,
      local_disk_full: ({ name, folder }) =>
        `There is not enough free space for ${quoted(name, 'the file')} in ${folder ?? 'that folder'}. Free some space, then retry.`,
      local_folder_not_writable: ({ folder }) =>
        `You cannot save files in ${folder ?? 'that folder'}. Choose another folder.`,
      local_folder_missing: ({ folder }) =>
        `The folder ${folder ?? 'you chose'} no longer exists. Choose another folder.`,
      local_name_appeared: ({ name }) =>
        `A file named ${quoted(name, 'like it')} appeared in the folder during the download. Retry to choose what to do.`,
    },
  },
  transfer_cancelled: {
    meaning: 'The user cancelled the transfer (or signed out during it).',
    shown: true,
    wordings: { default: ({ name }) => `The transfer of ${quoted(name, 'the file')} was cancelled.` },
  },
  drag_out_unavailable: oneWording(
    'The shell cannot start an OS drag (the browser shell), so a file cannot be dragged out of the app.',
    'Dragging files out of the app is not available here. Use Download instead.',
  ),
  file_unreadable: {
    meaning: 'The local file to upload cannot be read as a whole file.',
    shown: true,
    wordings: {
      not_a_file: ({ name }) =>
        `${quoted(name, 'It')} is not a file, so it cannot be uploaded. Upload the files inside it instead.`,
      missing: ({ name }) => `${quoted(name, 'The file')} cannot be uploaded because it no longer exists.`,
      not_permitted: ({ name }) =>
        `${quoted(name, 'The file')} cannot be uploaded because you do not have permission to read it.`,
      cannot_read: ({ name }) => `${quoted(name, 'The file')} cannot be uploaded because it cannot be read.`,
      read_failed: ({ name }) =>
        `${quoted(name, 'The file')} could not be read while uploading. Check the file, then retry.`,
      changed: ({ name }) =>
        `${quoted(name, 'The file')} changed while it was being uploaded. Retry once the file is saved.`,
    },
  },
  keychain_unavailable: oneWording(
    'The system keychain (Secret Service, Keychain, Credential Manager) refused or is locked.',
    'The system keychain is not available. Unlock it, or sign in again.',
  ),
  internal: {
    meaning: 'A fault of the app itself; the details go to main’s log only.',
    // Its wordings are generic already; "not shown" makes the IPC boundary say the default one
    // even for an `internal` error someone wrote for developers.
    shown: false,
    wordings: {
      default: () => 'Something went wrong inside the app. Try again; if it keeps happening, restart the app.',
      sign_in: () => 'Something went wrong while signing in. Try again.',
      downscope: () => 'Downscoping is done by the provisioning backend, not the desktop.',
    },
  },
} as const satisfies Record<ErrorCode, CatalogEntry>;

type Catalog = typeof errorCatalog;

/** The wordings a code has. */
export type WordingOf<C extends ErrorCode> = keyof Catalog[C]['wordings'] & string;

/**
 * The AppError for `code` in the words of `wording`, with the names filled in. `cause` is kept
 * for main's log and never crosses to the renderer.
 */
export function appError<C extends ErrorCode>(
  code: C,
  wording: WordingOf<C>,
  details: ErrorDetails = {},
  options?: { cause?: unknown },
): AppError {
  const words = (errorCatalog[code].wordings as Readonly<Record<string, Wording>>)[wording];
  // The type allows only the code's own wordings; this guards against a cast elsewhere.
  if (words === undefined) throw new Error(`error catalog: ${code} has no wording "${wording}"`);
  return new AppError(code, words(details), { ...options, wording, params: paramsOf(details) });
}

/**
 * The details as the renderer's catalog fills them in: only what was given (so it can tell an
 * unnamed file from a named one), ports as one list and their count for the plural.
 */
function paramsOf(details: ErrorDetails): ErrorParams {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details) as [keyof ErrorDetails, unknown][]) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  if (details.ports) {
    params.ports = details.ports.join(', ');
    params.count = details.ports.length;
  }
  if (details.seconds !== undefined) params.seconds = Math.ceil(details.seconds);
  return params;
}

/** Whether an error's message may reach the renderer as is. */
export function isShown(code: ErrorCode): boolean {
  return errorCatalog[code].shown;
}
