/**
 * Bulk actions on a selection of Box items (delete, move, copy, download, and the restore that
 * undoes a delete): what the renderer asks for, the snapshots main publishes while one runs, and
 * the name-clash question a copy or download asks once for the whole batch.
 */
import type { AppErrorInfo } from './error-codes.ts';

export const bulkActions = ['delete', 'move', 'copy', 'download', 'restore'] as const;
export type BulkAction = (typeof bulkActions)[number];

/** One selected item, as the renderer knows it. */
export interface BulkItem {
  id: string;
  type: 'file' | 'folder';
  name: string;
}

export type BulkRequest =
  | { action: 'delete'; items: BulkItem[] }
  | { action: 'move' | 'copy'; items: BulkItem[]; targetFolderId: string }
  /** Main asks for the local folder with the OS's dialog; the page never names a path. */
  | { action: 'download'; items: BulkItem[] };

export interface BulkFailure {
  item: BulkItem;
  error: AppErrorInfo;
}

export interface BulkSnapshot {
  id: string;
  action: BulkAction;
  state: 'running' | 'finished';
  /** The user stopped it: what had not started is among `failed`, as cancelled, and "Retry" runs it. */
  stopped?: boolean;
  /** How many selected items this run covers (a retry covers only those that failed). */
  total: number;
  /** The items that are done: moved, deleted, copied, downloaded or restored. */
  doneIds: string[];
  /** Skipped at a name clash, by the user's choice. */
  skippedIds: string[];
  failed: BulkFailure[];
  /** Move and copy: where the items go. */
  targetFolderId?: string;
  /** Download: bytes over every file of every selected folder (the total grows while folders are listed). */
  transferredBytes?: number;
  totalBytes?: number;
  /** Download: files found so far and files finished, across all folders. */
  filesTotal?: number;
  filesDone?: number;
}

/** `keep-both`: a numbered name; `replace`: overwrite the local file (download only); `skip`: leave it. */
export const bulkClashChoices = ['keep-both', 'replace', 'skip'] as const;
export type BulkClashChoice = (typeof bulkClashChoices)[number];

export interface BulkNameClashQuestion {
  questionId: string;
  jobId: string;
  action: 'copy' | 'download';
  /** The name already taken at the destination. */
  name: string;
  /** Items of the same run still to come ("apply to all" is offered when > 0). */
  othersInBatch: number;
}

export interface BulkNameClashAnswer {
  questionId: string;
  choice: BulkClashChoice;
  applyToAll: boolean;
}
