import { randomUUID } from 'node:crypto';
import { chmod, copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../common/app-error.ts';
import type { EditSnapshot, EditState } from '../../../common/editing.ts';
import type { AppErrorInfo } from '../../../common/error-codes.ts';
import { BoxAnswerError } from '../box-client/box-errors.ts';
import { boxRetryPolicy, retryDelaySeconds, type RetryLimits } from '../box-client/retry-policy.ts';
import { appError } from '../errors/error-catalog.ts';
import type { CoreEventBus } from '../ipc/event-bus.ts';
import type { FileOpener } from '../security/launchable-file.ts';
import type { BoxEditFacts, BoxTransferClient } from '../transfers/box-transfer-client.ts';
import { downloadFile } from '../transfers/download-file.ts';
import { localFileName } from '../transfers/file-names.ts';
import { sha1OfFile } from '../transfers/multipart-upload.ts';
import type { TrackedTransfer, TransferManager } from '../transfers/transfer-manager.ts';
import { EditJournal, type JournalEntry } from './edit-journal.ts';
import { saveBack, type SaveOutcome } from './save-back.ts';
import { watchSettledSaves } from './settled-saves.ts';
import { workingFolderFor } from './working-folder.ts';

export interface EditingOptions {
  client: BoxTransferClient;
  /** Saves show in the transfers panel beside the other uploads. */
  transfers: Pick<TransferManager, 'track'>;
  events: Pick<CoreEventBus, 'emit'>;
  /** The safe opener (`createSafeOpenFile`); absent where the platform cannot open files. */
  openFile?: FileOpener;
  /** The app's data folder; working folders live under it. */
  dataDir: string;
  /** How long the working copy's folder must be quiet before a save counts as settled. */
  settleMs?: number;
  /** How long Box's lock holds; the next start locks again. */
  lockDurationMs?: number;
  /** Backoff while Box cannot take a save. */
  saveRetry?: RetryLimits;
  now?: () => Date;
}

export interface EditingUser {
  boxUserId: string;
  name: string;
}

interface Edit {
  entry: JournalEntry;
  state: EditState;
  pendingSave: boolean;
  error?: AppErrorInfo;
  stopWatching?: () => void;
  saving?: Promise<void>;
  /** A save settled while the previous one was going up. */
  again: boolean;
  controller: AbortController;
}

interface SignedInEditing {
  user: EditingUser;
  folder: string;
  journal: EditJournal;
  edits: Map<string, Edit>;
}

const callTimeoutMs = 60_000;
const lockedByOther = (error: unknown) =>
  error instanceof BoxAnswerError && error.boxCode === 'access_denied_item_locked';

/**
 * "Open for editing": a working copy in the user's own folder, Box's lock while it is open, each
 * settled save sent back as a new version (or a conflict copy), and a journal so that no edit is
 * lost to a crash, a quit or a sign-out. Saves go through the transfers' upload path and the one
 * Box client; this service only decides when and what to send.
 */
export class EditingService {
  readonly #options: EditingOptions;
  #current: SignedInEditing | undefined;
  /** Serializes sign-in and sign-out, so a fast sign-out never races the journal's load. */
  #switching: Promise<void> = Promise.resolve();

  constructor(options: EditingOptions) {
    this.#options = options;
  }

  /** The signed-in user's edits: the journal's edits come back, and saves made meanwhile go up. */
  signedIn(user: EditingUser): Promise<void> {
    return this.#serialized(async () => {
      if (this.#current?.user.boxUserId === user.boxUserId) return;
      await this.#leave(false);
      const folder = await workingFolderFor(this.#options.dataDir, user.boxUserId);
      const journal = new EditJournal(folder);
      // Copies set aside for uploads a crash interrupted: the working copies themselves are what counts.
      await rm(join(folder, '.saving'), { recursive: true, force: true });
      const current: SignedInEditing = { user, folder, journal, edits: new Map() };
      this.#current = current;
      for (const entry of await journal.load()) {
        if (!(await isFile(join(folder, entry.localPath)))) continue;
        const edit = this.#adopt(current, entry);
        if (entry.readOnly) continue;
        if (!entry.locked) void this.#relock(current, edit);
        this.#save(current, edit);
      }
      await this.#persist(current);
      this.#publish();
    });
  }

  /** Sign-out: saves stop where they are and stay in the journal for this user's next sign-in. */
  signedOut(): Promise<void> {
    return this.#serialized(() => this.#leave(false));
  }

  /** Quit: edits with nothing left to save are unlocked on Box; the rest keep their lock and wait. */
  dispose(): Promise<void> {
    return this.#serialized(() => this.#leave(true));
  }

  /** Runs after the switches before it, whether they worked or not; its own failure reaches its caller. */
  #serialized(step: () => Promise<void>): Promise<void> {
    const next = this.#switching.then(step);
    this.#switching = next.catch(() => undefined);
    return next;
  }

  list(): EditSnapshot[] {
    return [...(this.#current?.edits.values() ?? [])].map(snapshotOf);
  }

  /** The first user-visible answer for an edit of `fileId` (or its conflict copy). */
  #find(current: SignedInEditing, fileId: string): Edit | undefined {
    return [...current.edits.values()].find(
      (edit) => edit.entry.fileId === fileId || edit.entry.conflict?.originalFileId === fileId,
    );
  }

  async open(fileId: string): Promise<EditSnapshot> {
    const current = this.#signedIn();
    const open = this.#find(current, fileId);
    if (open) {
      await this.#options.openFile?.(join(current.folder, open.entry.localPath));
      return snapshotOf(open);
    }
    const { client } = this.#options;
    const signal = AbortSignal.timeout(callTimeoutMs);
    let facts = await client.editFacts(fileId, '', signal);
    let lockedBy = facts.lock && facts.lock.holderId !== current.user.boxUserId ? facts.lock.holderName : undefined;
    if (lockedBy === undefined) {
      try {
        facts = await client.setLock(fileId, facts.name, this.#lockUntil(), signal);
      } catch (error) {
        if (!lockedByOther(error)) throw error;
        facts = await client.editFacts(fileId, facts.name, signal);
        lockedBy = facts.lock?.holderName ?? '?';
      }
    }
    const readOnly = lockedBy !== undefined;
    const localPath = join(randomUUID(), localFileName(facts.name));
    const path = join(current.folder, localPath);
    try {
      await mkdir(dirname(path), { mode: 0o700 });
      await downloadFile({ client, file: facts, targetPath: path, replaceExisting: false, signal, onBytes: () => {} });
      await chmod(path, readOnly ? 0o444 : 0o600);
    } catch (error) {
      await rm(dirname(path), { recursive: true, force: true });
      if (!readOnly) await this.#unlock(facts);
      throw error;
    }
    const entry: JournalEntry = {
      fileId: facts.id,
      name: facts.name,
      parentId: facts.parentId,
      localPath,
      basedOnEtag: facts.etag,
      boxSha1: facts.sha1,
      readOnly,
      locked: !readOnly,
      ...(lockedBy === undefined ? {} : { lockedBy }),
    };
    const edit = this.#adopt(current, entry);
    await this.#persist(current);
    this.#publish();
    await this.#options.openFile?.(path);
    return snapshotOf(edit);
  }

  /** "Close" in the Editing list: unlocks on Box and removes the working copy, unless a save is still pending. */
  async close(fileId: string): Promise<void> {
    const current = this.#signedIn();
    const edit = this.#find(current, fileId);
    if (!edit) return;
    // A save that has reached Box may still be finishing its bookkeeping.
    if (!edit.pendingSave) await edit.saving;
    if (edit.pendingSave || edit.saving) throw appError('edit_unsaved', 'default', { name: edit.entry.name });
    this.#stop(edit);
    current.edits.delete(edit.entry.localPath);
    if (edit.entry.locked) await this.#unlock({ id: edit.entry.fileId, name: edit.entry.name });
    await this.#persist(current);
    await rm(dirname(join(current.folder, edit.entry.localPath)), { recursive: true, force: true });
    this.#publish();
  }

  /** Resolves once no save is under way (tests, and the sign-out question). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const running = [...(this.#current?.edits.values() ?? [])].flatMap((edit) => edit.saving ?? []);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  #signedIn(): SignedInEditing {
    if (!this.#current) throw appError('not_signed_in', 'default');
    return this.#current;
  }

  #lockUntil(): Date {
    return new Date(this.#now().getTime() + (this.#options.lockDurationMs ?? 8 * 60 * 60_000));
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  #adopt(current: SignedInEditing, entry: JournalEntry): Edit {
    const edit: Edit = {
      entry,
      state: entry.readOnly ? 'read-only' : entry.conflict ? 'conflict' : entry.savedAt ? 'saved' : 'editing',
      pendingSave: false,
      again: false,
      controller: new AbortController(),
    };
    current.edits.set(entry.localPath, edit);
    if (!entry.readOnly) {
      const folder = dirname(join(current.folder, entry.localPath));
      edit.stopWatching = watchSettledSaves(folder, this.#options.settleMs ?? 1500, () => this.#save(current, edit));
    }
    return edit;
  }

  #stop(edit: Edit): void {
    edit.stopWatching?.();
    edit.controller.abort();
  }

  async #leave(quitting: boolean): Promise<void> {
    const current = this.#current;
    if (!current) return;
    this.#current = undefined;
    for (const edit of current.edits.values()) this.#stop(edit);
    await Promise.all([...current.edits.values()].flatMap((edit) => edit.saving ?? []));
    if (quitting) {
      for (const edit of current.edits.values()) {
        if (edit.pendingSave || !edit.entry.locked) continue;
        if (await this.#unlock({ id: edit.entry.fileId, name: edit.entry.name })) edit.entry.locked = false;
      }
    }
    await this.#persist(current);
    this.#publish();
  }

  /** Best effort: a lock left behind expires on its own. */
  async #unlock(file: Pick<BoxEditFacts, 'id' | 'name'>): Promise<boolean> {
    try {
      await this.#options.client.setLock(file.id, file.name, null, AbortSignal.timeout(10_000));
      return true;
    } catch {
      return false;
    }
  }

  async #relock(current: SignedInEditing, edit: Edit): Promise<void> {
    try {
      await this.#options.client.setLock(edit.entry.fileId, edit.entry.name, this.#lockUntil(), edit.controller.signal);
      edit.entry.locked = true;
      await this.#persist(current);
    } catch {
      // Not locked again (offline, or someone else holds it now): a save then meets Box's answer and becomes a conflict copy.
    }
  }

  #save(current: SignedInEditing, edit: Edit): void {
    if (edit.controller.signal.aborted) return;
    if (edit.saving) {
      edit.again = true;
      return;
    }
    edit.saving = this.#saveLoop(current, edit).finally(() => {
      edit.saving = undefined;
    });
  }

  async #saveLoop(current: SignedInEditing, edit: Edit): Promise<void> {
    const signal = edit.controller.signal;
    const limits = this.#options.saveRetry ?? boxRetryPolicy.editSaves;
    let failures = 0;
    // One row in the transfers panel per save, however many tries it takes.
    let row: TrackedTransfer | undefined;
    do {
      edit.again = false;
      const aside = join(current.folder, '.saving', randomUUID());
      try {
        const bytes = await setAside(join(current.folder, edit.entry.localPath), aside, signal);
        if (!bytes) continue;
        if (bytes.sha1 === edit.entry.boxSha1) {
          if (edit.pendingSave) this.#set(edit, { pendingSave: false, state: settledState(edit.entry) });
          continue;
        }
        this.#set(edit, { pendingSave: true, state: 'saving' });
        if (row && !row.finished) row.restart(bytes.size);
        else row = this.#options.transfers.track(edit.entry.name, edit.entry.fileId, bytes.size);
        const outcome = await saveBack(
          {
            client: this.#options.client,
            track: (name, fileId, size) => this.#options.transfers.track(name, fileId, size),
            userName: current.user.name,
            now: () => this.#now(),
          },
          edit.entry,
          bytes,
          signal,
          row,
        );
        row = undefined;
        failures = 0;
        await this.#saved(current, edit, outcome, bytes.sha1);
      } catch (error) {
        if (signal.aborted) {
          if (row && !row.finished) row.finish('cancelled');
          return;
        }
        if (row && !row.finished) row.requeue();
        failures += 1;
        const info = error instanceof AppError ? error.toInfo() : appError('box_error', 'transfer_trouble').toInfo();
        this.#set(edit, { state: 'waiting', error: info });
        const retryAfter = error instanceof BoxAnswerError ? error.retryAfterSeconds : undefined;
        const wait = retryDelaySeconds(limits, failures, retryAfter) ?? limits.maxBackoffSeconds;
        try {
          await sleep(wait * 1000, undefined, { signal });
        } catch {
          if (row && !row.finished) row.finish('cancelled');
          return;
        }
        edit.again = true;
      } finally {
        await rm(aside, { force: true });
      }
    } while (edit.again && !signal.aborted);
  }

  async #saved(current: SignedInEditing, edit: Edit, outcome: SaveOutcome, sha1: string): Promise<void> {
    const entry = edit.entry;
    const original = { id: entry.fileId, name: entry.name };
    entry.basedOnEtag = outcome.kind === 'conflict' ? outcome.copy.etag : outcome.etag;
    entry.boxSha1 = sha1;
    entry.savedAt = this.#now().toISOString();
    if (outcome.kind === 'conflict') {
      entry.conflict = {
        originalFileId: entry.conflict?.originalFileId ?? entry.fileId,
        originalName: entry.conflict?.originalName ?? entry.name,
        copyFileId: outcome.copy.fileId,
        copyName: outcome.copy.name,
      };
      entry.fileId = outcome.copy.fileId;
      entry.name = outcome.copy.name;
      entry.locked = false;
    }
    await this.#persist(current);
    this.#set(edit, {
      pendingSave: false,
      state: outcome.kind === 'conflict' ? 'conflict' : 'saved',
      error: undefined,
    });
    if (outcome.kind !== 'conflict') return;
    // Later saves go to the copy, which this user now holds; the original is left to whoever changed it.
    await this.#unlock(original);
    await this.#relock(current, edit);
  }

  #set(edit: Edit, changes: Partial<Pick<Edit, 'state' | 'pendingSave' | 'error'>>): void {
    Object.assign(edit, changes);
    if (changes.state !== 'waiting' && 'state' in changes) delete edit.error;
    this.#publish();
  }

  async #persist(current: SignedInEditing): Promise<void> {
    await current.journal.write([...current.edits.values()].map((edit) => edit.entry));
  }

  #publish(): void {
    this.#options.events.emit('editing:changed', this.list());
  }
}

function settledState(entry: JournalEntry): EditState {
  return entry.conflict ? 'conflict' : entry.savedAt ? 'saved' : 'editing';
}

function snapshotOf(edit: Edit): EditSnapshot {
  const { entry } = edit;
  return {
    fileId: entry.fileId,
    name: entry.name,
    state: edit.state,
    pendingSave: edit.pendingSave,
    ...(entry.savedAt === undefined ? {} : { savedAt: entry.savedAt }),
    ...(entry.lockedBy === undefined ? {} : { lockedBy: entry.lockedBy }),
    ...(entry.conflict === undefined ? {} : { conflict: { ...entry.conflict } }),
    ...(edit.error === undefined ? {} : { error: edit.error }),
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Copies the working copy aside and hashes the copy: the editor may save again while the upload
 * runs, and what goes up must be exactly what was hashed. Undefined while the file is missing
 * (between an editor's delete and rename; the watcher fires again after it).
 */
async function setAside(
  path: string,
  aside: string,
  signal: AbortSignal,
): Promise<{ path: string; size: number; sha1: string } | undefined> {
  await mkdir(dirname(aside), { recursive: true, mode: 0o700 });
  try {
    await copyFile(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const { size } = await stat(aside);
  return { path: aside, size, sha1: await sha1OfFile(aside, signal) };
}
