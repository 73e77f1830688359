import { open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Saves a working copy the way Office does: a temp file beside it, synced, then renamed over it. */
export async function officeSave(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), '~WRL0001.tmp');
  const handle = await open(temporary, 'w');
  await handle.writeFile(content);
  await handle.sync();
  await handle.close();
  await rename(temporary, path);
}
