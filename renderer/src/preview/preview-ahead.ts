import { useEffect } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import type { PreviewDescriptor } from '../../../common/preview.ts';
import { invoke } from '../ipc/bridge.ts';
import { fileKind } from '../file-browser/file-kind.ts';

/** How long an answer asked ahead stays good: a double-click follows its first click within this. */
const freshForMs = 10_000;
let ahead: { fileId: string; at: number; answer: Promise<PreviewDescriptor> } | null = null;

/**
 * `preview:open` for a file, reusing the one asked ahead when the file was selected (its first
 * click), so a double-click does not wait for Box twice. A pending answer is never reused: Box may
 * be done by now.
 */
export function openPreview(fileId: string): Promise<PreviewDescriptor> {
  const kept = ahead;
  ahead = null;
  if (kept?.fileId === fileId && performance.now() - kept.at < freshForMs) {
    return kept.answer.then((answer) => (answer.status === 'pending' ? invoke('preview:open', { fileId }) : answer));
  }
  return invoke('preview:open', { fileId });
}

function askAhead(item: BoxItem): void {
  if (item.type !== 'file' || ahead?.fileId === item.id) return;
  const answer = invoke('preview:open', { fileId: item.id });
  // Asked ahead: a failure is shown only if the user does open the file (it is asked again then).
  answer.catch(() => undefined);
  ahead = { fileId: item.id, at: performance.now(), answer };
}

const documentKinds = new Set(['pdf', 'document', 'spreadsheet', 'presentation']);

/**
 * Gets the first preview of the session ready before it is asked for: pdf.js's worker starts
 * when the file browser is idle, and selecting a file (its first click, or arrowing onto it) asks
 * main which viewer it gets, so the double-click's wait starts with that answer on its way.
 */
export function usePreviewAhead(selected: BoxItem | null): void {
  useEffect(() => {
    // Component tests run in happy-dom, which has neither idle callbacks nor workers.
    if (typeof requestIdleCallback !== 'function') return;
    // Imported here, not at the top: pdf.js stays out of the first screen's bundle (docs/launch.md).
    const idle = requestIdleCallback(() => void import('./pdf-document.ts').then((pdf) => pdf.warmPdfWorker()), {
      timeout: 2000,
    });
    return () => cancelIdleCallback(idle);
  }, []);
  useEffect(() => {
    if (selected && documentKinds.has(fileKind(selected))) askAhead(selected);
  }, [selected]);
}
