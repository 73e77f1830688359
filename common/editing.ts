/**
 * What the renderer may know about files open for editing in the OS's app ("Open for editing"):
 * one snapshot per edit, published whole as `editing:changed`. No local path and no token ever
 * crosses; the working copies stay in main's per-user working folder.
 */
import type { AppErrorInfo } from './error-codes.ts';

/**
 * `editing`: open, nothing to save; `saving`: a save is on its way to Box; `saved`: the last save
 * is a version on Box; `waiting`: Box is unreachable or busy, the save waits and is retried;
 * `read-only`: someone else holds the lock; `conflict`: the file changed on Box, the edit was
 * saved as a conflict copy beside it.
 */
export type EditState = 'editing' | 'saving' | 'saved' | 'waiting' | 'read-only' | 'conflict';

export interface EditConflict {
  /** The Box file that changed while it was being edited. */
  originalFileId: string;
  originalName: string;
  /** The copy that holds this user's edit; later saves go there. */
  copyFileId: string;
  copyName: string;
}

export interface EditSnapshot {
  /** The Box file the edit saves to (the conflict copy once there was a conflict). */
  fileId: string;
  name: string;
  state: EditState;
  /** A local save that has not reached Box yet. */
  pendingSave: boolean;
  /** When the last save reached Box (ISO 8601). */
  savedAt?: string;
  /** Read-only: the name of the person whose lock keeps it so. */
  lockedBy?: string;
  conflict?: EditConflict;
  /** Waiting: why the last try failed. */
  error?: AppErrorInfo;
}
