import { BoxAnswerError } from '../box-client/box-errors.ts';
import type { BoxTransferClient, UploadTarget } from '../transfers/box-transfer-client.ts';
import { numberedName } from '../transfers/file-names.ts';
import type { UploadSource } from '../transfers/multipart-upload.ts';
import type { TrackedTransfer } from '../transfers/transfer-manager.ts';
import { uploadFile } from '../transfers/upload-file.ts';
import { conflictCopyName } from './conflict-copy-name.ts';

export interface SaveBackContext {
  client: BoxTransferClient;
  /** Lists each upload in the transfers panel (TransferManager.track). */
  track: (name: string, fileId: string, totalBytes: number) => TrackedTransfer;
  userName: string;
  now: () => Date;
}

/** The Box file an edit saves to, and the version it was based on. */
export interface SaveTarget {
  fileId: string;
  name: string;
  parentId: string;
  basedOnEtag: string;
}

/** A settled save, copied aside so the editor may write again while it goes up. */
export interface SavedBytes extends UploadSource {
  sha1: string;
}

export type SaveOutcome =
  | { kind: 'saved'; etag: string }
  /** Box already has these bytes as its current version: a save sent before a crash got there. */
  | { kind: 'already-on-box'; etag: string }
  | { kind: 'conflict'; copy: { fileId: string; name: string; etag: string } };

/** Box said the file is not as this edit saw it: changed since (`412`) or locked by someone else now. */
function changedOnBox(error: unknown): boolean {
  return error instanceof BoxAnswerError && (error.status === 412 || error.boxCode === 'access_denied_item_locked');
}

async function trackedUpload(
  context: SaveBackContext,
  bytes: SavedBytes,
  target: UploadTarget,
  signal: AbortSignal,
  isExpected: (error: unknown) => boolean,
  row?: TrackedTransfer,
): Promise<{ fileId: string; etag: string }> {
  const listedId = target.kind === 'new-version' ? target.fileId : '';
  const tracked = row ?? context.track(target.name, listedId, bytes.size);
  try {
    const result = await uploadFile(
      context.client,
      bytes,
      target,
      AbortSignal.any([signal, tracked.signal]),
      tracked.onBytes,
    );
    tracked.finish('done');
    return result;
  } catch (error) {
    // The caller's own row waits for its next try (see saveBack's `row`).
    if (isExpected(error)) tracked.finish('skipped', error);
    else if (!row) tracked.finish('failed', error);
    throw error;
  }
}

/**
 * Sends one settled save: a new version with `If-Match` on the version the edit is based on, so
 * it can never replace a version it did not see. When Box has changed, the edit goes up as a
 * conflict copy beside the file instead, unless Box already holds exactly these bytes (a save that
 * reached Box just before a crash): each save lands once.
 */
export async function saveBack(
  context: SaveBackContext,
  target: SaveTarget,
  bytes: SavedBytes,
  signal: AbortSignal,
  /** The transfers panel's row for this save, kept across its tries; on a failure it is left for the caller. */
  row: TrackedTransfer,
): Promise<SaveOutcome> {
  try {
    const { etag } = await trackedUpload(
      context,
      bytes,
      { kind: 'new-version', fileId: target.fileId, name: target.name, ifMatch: target.basedOnEtag },
      signal,
      changedOnBox,
      row,
    );
    return { kind: 'saved', etag };
  } catch (error) {
    if (!changedOnBox(error)) throw error;
  }
  const current = await context.client.editFacts(target.fileId, target.name, signal);
  if (current.sha1 === bytes.sha1) return { kind: 'already-on-box', etag: current.etag };
  return { kind: 'conflict', copy: await uploadConflictCopy(context, target, bytes, signal) };
}

const nameTaken = (error: unknown): error is BoxAnswerError =>
  error instanceof BoxAnswerError && error.boxCode === 'item_name_in_use';

async function uploadConflictCopy(
  context: SaveBackContext,
  target: SaveTarget,
  bytes: SavedBytes,
  signal: AbortSignal,
): Promise<{ fileId: string; name: string; etag: string }> {
  const firstName = conflictCopyName(target.name, context.userName, context.now());
  for (let n = 1; ; n++) {
    const name = n === 1 ? firstName : numberedName(firstName, n);
    try {
      const uploaded = await trackedUpload(
        context,
        bytes,
        { kind: 'new-file', folderId: target.parentId, name },
        signal,
        nameTaken,
      );
      return { fileId: uploaded.fileId, name, etag: uploaded.etag };
    } catch (error) {
      if (!nameTaken(error)) throw error;
      // The same copy sent before a crash: it is there already.
      if (error.conflictFileId === undefined) throw error;
      const there = await context.client.editFacts(error.conflictFileId, name, signal);
      if (there.sha1 === bytes.sha1) return { fileId: there.id, name, etag: there.etag };
    }
  }
}
