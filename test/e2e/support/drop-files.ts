import type { Locator } from '@playwright/test';

export interface DroppedFile {
  name: string;
  /** Where the file's bytes are on disk; main reads them from there. */
  path: string;
}

/**
 * Drops local files onto an element the way a user drags them from the file manager. A page
 * cannot read a dropped file's path, so the browser shell's preload resolves each File by name from
 * `window.__browserShellFilePaths` (Electron's webUtils does it for a real drop); the File objects
 * themselves are empty placeholders, since main uploads the bytes on disk.
 */
export async function dropFiles(target: Locator, files: readonly DroppedFile[]): Promise<void> {
  const paths = Object.fromEntries(files.map((file) => [file.name, file.path]));
  const dataTransfer = await target.page().evaluateHandle((known: Record<string, string>) => {
    const shellWindow = window as unknown as { __browserShellFilePaths?: Record<string, string> };
    shellWindow.__browserShellFilePaths = { ...shellWindow.__browserShellFilePaths, ...known };
    const transfer = new DataTransfer();
    for (const name of Object.keys(known)) transfer.items.add(new File([], name));
    return transfer;
  }, paths);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}
