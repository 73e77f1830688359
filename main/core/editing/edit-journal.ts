import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const conflictSchema = z.strictObject({
  originalFileId: z.string(),
  originalName: z.string(),
  copyFileId: z.string(),
  copyName: z.string(),
});

/** One edit as it survives a crash, a quit or a sign-out: enough to save it or offer it at the next start. */
const entrySchema = z.strictObject({
  /** The Box file saves go to. */
  fileId: z.string(),
  /** Its name on Box. */
  name: z.string(),
  parentId: z.string(),
  /** The working copy, relative to the user's working folder. */
  localPath: z.string(),
  /** The etag the next save is based on (`If-Match`). */
  basedOnEtag: z.string(),
  /** The SHA-1 of the version that etag names: a working copy with another SHA-1 has a save pending. */
  boxSha1: z.string(),
  readOnly: z.boolean(),
  lockedBy: z.string().optional(),
  /** Whether this app holds Box's lock on the file (false after a quit unlocked it). */
  locked: z.boolean(),
  savedAt: z.string().optional(),
  conflict: conflictSchema.optional(),
});
export type JournalEntry = z.infer<typeof entrySchema>;

const journalSchema = z.strictObject({ version: z.literal(1), edits: z.array(entrySchema) });

/**
 * The small file that remembers a user's open edits. Every write is crash-safe: the new content
 * goes to a temporary file, is flushed to disk (fsync), and replaces the journal by rename, so a
 * crash leaves either the old journal or the new one, never half of one. Writes are serialized.
 */
export class EditJournal {
  readonly #file: string;
  #writes: Promise<void> = Promise.resolve();

  constructor(folder: string) {
    this.#file = join(folder, 'journal.json');
  }

  /** The edits written last; none when there is no journal yet. A damaged journal is an error, never silently emptied. */
  async load(): Promise<JournalEntry[]> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return journalSchema.parse(JSON.parse(text)).edits;
  }

  write(edits: readonly JournalEntry[]): Promise<void> {
    const content = JSON.stringify({ version: 1, edits }, null, 2);
    const next = this.#writes.then(() => this.#replace(content));
    // One failed write must not stop the later ones; its caller hears of it.
    this.#writes = next.catch(() => undefined);
    return next;
  }

  async #replace(content: string): Promise<void> {
    const temporary = `${this.#file}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, this.#file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncFolder(dirname(this.#file));
  }
}

/** Makes the rename itself durable (POSIX); Windows cannot open a folder for this and needs it not. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
