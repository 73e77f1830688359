/**
 * What the renderer learns about the trash, a file's versions and an item's shared link: only
 * what the dialogs show, never a token or a download URL. Main maps Box's JSON to these shapes.
 */
import type { BoxItem } from './box-items.ts';

/** An item the user moved to the trash (only the item itself: what was in a trashed folder goes with it). */
export interface BoxTrashedItem extends BoxItem {
  type: 'file' | 'folder';
  /** ISO 8601. */
  trashedAt: string | null;
  /** When Box deletes it for good (30 days after trashing, unless the enterprise says otherwise). */
  purgeAt: string | null;
  /** The folder it was in ("where from"); null when Box did not say. */
  from: { id: string; name: string } | null;
}

export interface BoxTrashPage {
  items: BoxTrashedItem[];
  totalCount: number;
}

/** One version of a file: Box's `file_version`. */
export interface BoxFileVersion {
  id: string;
  /** "1" for the first upload; counts up. */
  versionNumber: string | null;
  name: string;
  size: number | null;
  /** When this version was uploaded (ISO 8601). */
  createdAt: string | null;
  /** Who uploaded it. */
  modifiedBy: string | null;
}

export interface BoxFileVersions {
  /** The version Box serves now. */
  current: BoxFileVersion | null;
  /** Every earlier version, newest first. */
  previous: BoxFileVersion[];
}

export const sharedLinkAccessLevels = ['open', 'company', 'collaborators'] as const;
export type SharedLinkAccess = (typeof sharedLinkAccessLevels)[number];

export interface BoxSharedLink {
  url: string;
  access: SharedLinkAccess;
  /** ISO 8601; null when it never expires. */
  unsharedAt: string | null;
  passwordEnabled: boolean;
  canDownload: boolean;
}

/** An item's link and what the user may choose for it. */
export interface BoxSharingState {
  link: BoxSharedLink | null;
  /**
   * The access levels the enterprise allows for this item, as Box says for folders; for files Box
   * does not say, so all three are offered and Box's refusal (with its reason) is shown.
   */
  allowedAccess: SharedLinkAccess[];
  /** Whether the user may share this item at all (their role). */
  canShare: boolean;
}

/** What "Share" sends to create or change the link. */
export interface SharedLinkSettings {
  access: SharedLinkAccess;
  /** A new password (open links only, at least 8 characters); null removes it; absent keeps it. */
  password?: string | null;
  /** ISO 8601 in the future, or null for "never". */
  unsharedAt: string | null;
  canDownload: boolean;
}
