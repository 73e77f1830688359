import { bufferSource, patternSource } from './content.ts';
import type { Emulator } from './emulator-state.ts';
import { createFile, createFolder } from './items.ts';
import type { UserRecord } from './store.ts';

const WELCOME = `Welcome to the Box sandbox.

Everything here lives in the Box API emulator's memory and disappears when it stops.
`;

/**
 * Sample content for sandbox mode: the backend creates app users on first sign-in, so with
 * `demoContent` every new user starts with a few folders and files for the desktop app to show.
 * Large files are generated patterns, never stored.
 */
export function seedDemoContent(emu: Emulator, user: UserRecord): void {
  const root = emu.store.folder(user.rootFolderId);
  if (!root) return;
  const documents = createFolder(emu, root, 'Documents');
  createFile(emu, documents, 'Welcome.txt', bufferSource(Buffer.from(WELCOME)));
  createFile(emu, documents, 'Quarterly report.pdf', patternSource(2_400_000, 1));
  createFile(emu, documents, 'Budget.xlsx', patternSource(380_000, 2));
  const photos = createFolder(emu, root, 'Photos');
  for (let i = 1; i <= 6; i += 1) createFile(emu, photos, `Photo ${i}.jpg`, patternSource(1_200_000 + i * 1000, i));
  createFolder(emu, root, 'Shared with team');
  createFile(emu, root, 'Product demo.mp4', patternSource(64 * 1024 * 1024, 3));
}
