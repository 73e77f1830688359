/**
 * `node fake-editor.ts <working copy> <content> [<content> ...]`: saves the working copy the way
 * Office and LibreOffice do, once per content given: a lock file beside it, each save written to a
 * temporary file, flushed, and renamed over the original (the rename is what replaces it, so the
 * working copy's inode changes every time); saves given together follow each other within
 * 0-300 ms, as an editor's "save" and its auto-recovery write sometimes do. Exits when done.
 */
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [path, ...contents] = process.argv.slice(2);
if (path === undefined || contents.length === 0) {
  console.error('usage: fake-editor.ts <working copy> <content> [<content> ...]');
  process.exit(2);
}
const folder = dirname(path);
const lockFile = join(folder, `~$${basename(path)}`);
await writeFile(lockFile, 'fake editor\n');
for (const [n, content] of contents.entries()) {
  if (n > 0) await sleep(Math.floor(Math.random() * 300));
  const temporary = join(folder, `~WRL${String(process.pid)}${String(n)}.tmp`);
  const handle = await open(temporary, 'w');
  await handle.writeFile(content);
  await handle.sync();
  await handle.close();
  await rename(temporary, path);
}
await rm(lockFile, { force: true });
