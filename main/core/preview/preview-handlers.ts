import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { appError } from '../errors/error-catalog.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import type { PreviewService } from './preview-service.ts';

export interface PreviewHandlerOptions {
  current: () => PreviewService | null;
  /** The app-managed folder "Open" downloads into; each user's files under their own sub-folder. */
  openCacheDirectory: string;
  currentUserId: () => string | null;
  /** Opens a file with the OS's app through the launchable-file guard; absent where the platform has none. */
  openFile?: (path: string) => Promise<void>;
}

/** Characters no file system takes in a name (Box's own rules already refuse `/` and `\`). */
const unsafeInName = /[\\/:*?"<>|\p{Cc}]/gu;

/** `preview:*` of the handler table: what to show for a file, and "Open" in the OS's default app. */
export function createPreviewHandlers(
  options: PreviewHandlerOptions,
): Pick<HandlerTable, 'preview:open' | 'preview:openInApp'> {
  const service = (): PreviewService => {
    const current = options.current();
    if (!current) throw appError('not_signed_in', 'browse');
    return current;
  };
  return {
    'preview:open': ({ fileId, versionId }) => service().open(fileId, AbortSignal.timeout(60_000), versionId),
    'preview:openInApp': async ({ fileId }) => {
      const preview = service();
      const userId = options.currentUserId();
      const openFile = options.openFile;
      if (!openFile || userId === null) throw appError('internal', 'default');
      const described = await preview.open(fileId, AbortSignal.timeout(60_000));
      const folder = join(options.openCacheDirectory, userId, fileId);
      const path = join(folder, described.name.replace(unsafeInName, '_') || fileId);
      const bytes = await preview.bytes(fileId, 'content', null, AbortSignal.timeout(10 * 60_000));
      if (bytes.status !== 200 || !bytes.body) throw appError('box_not_found', 'transfer', { name: described.name });
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      await pipeline(Readable.fromWeb(bytes.body as NodeReadableStream), createWriteStream(path));
      // Read-only: editing an opened file is its own feature; changes here would never reach Box.
      await chmod(path, 0o444);
      await openFile(path);
    },
  };
}
