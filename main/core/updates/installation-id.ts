import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A random id for this installation, kept in the app's data folder: it places the app in
 * staged rollouts before anyone has signed in (afterwards the Box user id does).
 */
export async function installationId(userDataDir: string): Promise<string> {
  const file = path.join(userDataDir, 'installation-id');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (/^[0-9a-f-]{36}$/.test(existing)) return existing;
  const created = randomUUID();
  await writeFile(file, `${created}\n`, { mode: 0o600 }).catch(() => undefined);
  return created;
}
