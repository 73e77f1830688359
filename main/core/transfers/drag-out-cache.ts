import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BoxTransferClient } from './box-transfer-client.ts';
import { downloadFile, exists } from './download-file.ts';
import { localFileName } from './file-names.ts';

export interface DragOutCacheOptions {
  client: BoxTransferClient;
  /** The app-managed folder drag-out files live in; each user's under their own sub-folder. */
  directory: string;
  currentUserId: () => string | null;
}

/** Box ids and SHA-1s are all this cache puts in a path: nothing the page or Box names can climb out. */
const safeSegment = /^[0-9a-f]{1,64}$/i;

/**
 * The file an OS drag hands to the desktop or file manager: downloaded through the verified
 * transfer path (size and SHA-1 checked before it is moved into place) into
 * `<directory>/<user>/<file>/<sha1>/<name>`. Keyed by the content's SHA-1, a file already there is
 * the verified bytes of that version and is handed out again without a download; an older
 * version's folder is removed.
 */
export class DragOutCache {
  readonly #options: DragOutCacheOptions;

  constructor(options: DragOutCacheOptions) {
    this.#options = options;
  }

  async prepare(fileId: string, name: string, signal: AbortSignal): Promise<string> {
    const userId = this.#options.currentUserId();
    if (userId === null || !safeSegment.test(userId) || !safeSegment.test(fileId)) {
      throw new Error('drag-out needs a signed-in user and a Box file id');
    }
    const facts = await this.#options.client.fileFacts(fileId, name, signal);
    if (!safeSegment.test(facts.sha1)) throw new Error('Box answered a file without a SHA-1');
    const fileFolder = join(this.#options.directory, userId, fileId);
    const folder = join(fileFolder, facts.sha1);
    const path = join(folder, localFileName(facts.name));
    if (await exists(path)) return path;
    await this.#removeOtherVersions(fileFolder, facts.sha1);
    await mkdir(folder, { recursive: true });
    await downloadFile({
      client: this.#options.client,
      file: facts,
      targetPath: path,
      replaceExisting: true,
      signal,
      onBytes: () => undefined,
    });
    return path;
  }

  async #removeOtherVersions(fileFolder: string, keep: string): Promise<void> {
    const entries = await readdir(fileFolder).catch(() => [] as string[]);
    await Promise.all(
      entries
        .filter((entry) => entry !== keep)
        .map((entry) => rm(join(fileFolder, entry), { recursive: true, force: true })),
    );
  }
}
