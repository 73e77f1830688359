import type { WebContents } from 'electron';

/** window.open and target=_blank never create a window; external links go through the validated opener instead. */
export function denyWindowOpen(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
