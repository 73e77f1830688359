import { createHash } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The folder a user's working copies live in: under the app's data folder, named by a hash of
 * the Box user id (so the folder name says nothing about who it is, and another user signing
 * in on the same computer gets a folder of their own and never sees these), user-only (0700).
 * On Windows the mode is ignored and the data folder's own per-user ACL keeps it private.
 */
export async function workingFolderFor(dataDir: string, boxUserId: string): Promise<string> {
  const root = join(dataDir, 'Editing');
  const folder = join(root, createHash('sha256').update(`box-user:${boxUserId}`).digest('hex').slice(0, 32));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and leaves a folder that already exists as it was.
  await chmod(root, 0o700);
  await chmod(folder, 0o700);
  return folder;
}
