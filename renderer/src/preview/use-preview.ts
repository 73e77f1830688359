import { errorText } from '../i18n/error-text.ts';
import { useEffect, useState } from 'react';
import type { PreviewDescriptor } from '../../../common/preview.ts';
import { asAppError, invoke } from '../ipc/bridge.ts';
import { openPreview } from './preview-ahead.ts';
import { markPreview } from './preview-timing.ts';

export type PreviewState = { status: 'loading' } | PreviewDescriptor | { status: 'failed'; message: string };

/**
 * What to show for a file: asks main (`preview:open`, or takes the answer asked ahead) and, while Box is still converting it,
 * asks again when main says to, showing `pending` meanwhile. `attempt` changes to try again
 * (the viewer is keyed by file, so a new file starts at `loading`).
 */
export function usePreview(fileId: string, attempt: number, versionId?: string): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      markPreview('open-asked');
      (versionId === undefined ? openPreview(fileId) : invoke('preview:open', { fileId, versionId })).then(
        (descriptor) => {
          if (!live) return;
          markPreview('open-answered');
          setState(descriptor);
          if (descriptor.status === 'pending') timer = setTimeout(ask, descriptor.retryAfterMs);
        },
        (error: unknown) => live && setState({ status: 'failed', message: errorText(asAppError(error)) }),
      );
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [fileId, attempt, versionId]);
  return state;
}
