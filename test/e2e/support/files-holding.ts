import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files under `roots` written since `since` (epoch ms) whose bytes contain one of `secrets`:
 * how a test proves a token was never put on disk. Small files only (a token store is small),
 * and folders it may not read are passed over, as other programs' files may be there. In a
 * shared folder (the temp folder) only the entries made since `since` are searched: the machine
 * is shared, and whatever this run wrote lives in a new file or folder there.
 */
export async function filesHolding(
  roots: string[],
  secrets: string[],
  since: number,
  sharedRoots: string[] = [],
): Promise<string[]> {
  const found: string[] = [];
  const visit = async (path: string, depth: number): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      if (depth > 6) return;
      const names = await readdir(path).catch(() => [] as string[]);
      for (const name of names) await visit(join(path, name), depth + 1);
      return;
    }
    if (!info.isFile() || info.mtimeMs < since || info.size > 1_000_000) return;
    const text = await readFile(path, 'latin1').catch(() => '');
    if (secrets.some((secret) => text.includes(secret))) found.push(path);
  };
  for (const root of roots) await visit(root, 0);
  for (const root of sharedRoots) {
    for (const name of await readdir(root).catch(() => [] as string[])) {
      const info = await stat(join(root, name)).catch(() => null);
      if (info && info.mtimeMs >= since) await visit(join(root, name), 1);
    }
  }
  return found;
}
