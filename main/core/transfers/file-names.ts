/**
 * The names transfers give files: a numbered copy for "keep both" (in Box or on disk), the first
 * free one beside a local path, and a Box name made safe for the local file system.
 */
import { basename, dirname, join } from 'node:path';
import { markedName } from '../../../common/item-names.ts';

/** "report.pdf" → "report (2).pdf": the name "keep both" gives the new copy, as Box's own clients do; a folder's number goes at the end. */
export function numberedName(name: string, n: number, kind: 'file' | 'folder' = 'file'): string {
  return markedName(name, String(n), kind);
}

/** The first "name (n).ext" beside `path` that `isTaken` says is free. */
export async function freeLocalPath(path: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(dirname(path), numberedName(basename(path), n));
    if (!(await isTaken(candidate))) return candidate;
  }
}

/**
 * A Box name made safe as a local file name on every desktop OS: characters Windows forbids
 * and control characters become "_", and trailing dots or spaces (which Windows drops) go.
 */
export function localFileName(boxName: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = boxName.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'download' : cleaned;
}
