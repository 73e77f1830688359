import { bridgeGlobalName, type BoxDesktopBridge } from '../../../common/ipc-contract.ts';

/**
 * Local paths of dropped files, through the preload's `pathForFile` (Electron hides `File.path`
 * since v32). Files it cannot resolve are left out; an empty result means "use the dialog".
 */
export function droppedPaths(files: FileList | readonly File[]): string[] {
  const bridge = (window as unknown as Record<string, BoxDesktopBridge | undefined>)[bridgeGlobalName];
  if (!bridge?.pathForFile) return [];
  return [...files].map((file) => bridge.pathForFile?.(file) ?? '').filter((path) => path !== '');
}
