/**
 * What the renderer may know about transfers (downloads and uploads): snapshots and progress
 * that main publishes, and the name-clash question it asks. Paths appear only where the user
 * chose them; no token or Box URL ever does.
 */
import type { AppErrorInfo } from './error-codes.ts';

export type TransferDirection = 'download' | 'upload';

/**
 * `waiting`: a name clash awaits the user's answer. `verifying`: bytes are in, the SHA-1 is
 * being checked (download) or Box is committing the session (upload).
 */
export type TransferState =
  'queued' | 'waiting' | 'running' | 'verifying' | 'done' | 'failed' | 'cancelled' | 'skipped';

export interface TransferProgress {
  id: string;
  transferredBytes: number;
  totalBytes: number;
  /** Averaged over the last few seconds; 0 until there is a sample. */
  bytesPerSecond: number;
  /** `null` while the speed is unknown. */
  secondsLeft: number | null;
}

export interface TransferSnapshot extends TransferProgress {
  direction: TransferDirection;
  name: string;
  state: TransferState;
  /** Upload: the Box folder it goes to. */
  folderId?: string;
  /** Download: the Box file; upload: the Box file it became, once done. */
  fileId?: string;
  /** Download: where the file was (or will be) saved. */
  targetPath?: string;
  /** Why it failed, in words the user understands. */
  error?: AppErrorInfo;
}

/** `replace`: upload as a new version of the Box file, or overwrite the local file on download. */
export const nameClashChoices = ['keep-both', 'replace', 'skip'] as const;
export type NameClashChoice = (typeof nameClashChoices)[number];

export interface NameClashQuestion {
  questionId: string;
  /** The transfer that waits; the question is void once that transfer leaves `waiting`. */
  transferId: string;
  direction: TransferDirection;
  /** The name that is already taken. */
  name: string;
  /** How many other transfers of the same batch may still clash ("apply to all" is offered when > 0). */
  othersInBatch: number;
}

export interface NameClashAnswer {
  questionId: string;
  choice: NameClashChoice;
  applyToAll: boolean;
}

export interface DownloadRequest {
  files: { id: string; name: string }[];
  openWhenDone?: boolean;
}

/** Upload into a folder: main shows the OS's open dialog, so the page never names a local path. */
export interface UploadRequest {
  folderId: string;
}

/**
 * Upload dropped files. Only the preload sends this, with paths it resolved itself from real
 * dropped `File` objects; the page cannot reach the channel, so it cannot name arbitrary files.
 */
export interface DroppedUploadRequest {
  folderId: string;
  paths: string[];
}
