/** What Box keeps on an item beyond its name and place: lock, trash state, shared link and tags. */

export interface LockRecord {
  id: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  isDownloadPrevented: boolean;
}

export type SharedLinkAccess = 'open' | 'company' | 'collaborators';

export interface SharedLinkRecord {
  /** The random part of the link URL; it never changes while the link lives. */
  token: string;
  access: SharedLinkAccess;
  password: string | null;
  unsharedAt: string | null;
  canDownload: boolean;
  canEdit: boolean;
  vanityName: string | null;
}

export interface ItemExtras {
  lock?: LockRecord | null;
  /** Set on the item that was moved to the trash itself; what is inside a trashed folder goes with it. */
  trashedAt?: string | null;
  sharedLink?: SharedLinkRecord | null;
  tags?: string[];
}
