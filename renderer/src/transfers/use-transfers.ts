import { useCallback, useEffect, useState } from 'react';
import type { DownloadRequest, TransferProgress, TransferSnapshot } from '../../../common/transfers.ts';
import { invoke, subscribe, uploadDroppedFiles } from '../ipc/bridge.ts';
import { activeStates } from './transfer-format.ts';

export interface TransfersApi {
  /** Oldest first, as main lists them. */
  transfers: TransferSnapshot[];
  download(request: DownloadRequest): Promise<void>;
  /** Main shows the open dialog. */
  upload(folderId: string): Promise<void>;
  /** Dropped files; when none has a local path, falls back to the open dialog so the drop is never lost. */
  uploadDropped(folderId: string, files: readonly File[]): Promise<void>;
  cancel(id: string): Promise<void>;
  retry(id: string): Promise<void>;
  clearFinished(): Promise<void>;
}

function upsert(list: TransferSnapshot[], snapshot: TransferSnapshot): TransferSnapshot[] {
  const index = list.findIndex((t) => t.id === snapshot.id);
  if (index < 0) return [...list, snapshot];
  const next = list.slice();
  next[index] = snapshot;
  return next;
}

function withProgress(list: TransferSnapshot[], progress: TransferProgress): TransferSnapshot[] {
  const index = list.findIndex((t) => t.id === progress.id);
  if (index < 0) return list;
  const next = list.slice();
  next[index] = { ...list[index]!, ...progress };
  return next;
}

/**
 * The transfers main is running, kept current from its events: `transfer:changed` replaces a
 * snapshot, `transfer:progress` updates its numbers. Requests that fail reject with an AppError
 * the caller shows.
 */
export function useTransfers(): TransfersApi {
  const [transfers, setTransfers] = useState<TransferSnapshot[]>([]);

  useEffect(() => {
    let live = true;
    const stopChanged = subscribe('transfer:changed', (snapshot) => setTransfers((list) => upsert(list, snapshot)));
    const stopProgress = subscribe('transfer:progress', (progress) =>
      setTransfers((list) => withProgress(list, progress)),
    );
    void invoke('transfer:list').then((listed) => {
      // Events that arrived meanwhile are newer than the list: keep them.
      if (live) setTransfers((current) => [...listed.filter((t) => !current.some((c) => c.id === t.id)), ...current]);
    });
    return () => {
      live = false;
      stopChanged();
      stopProgress();
    };
  }, []);

  const download = useCallback(async (request: DownloadRequest) => {
    await invoke('transfer:download', request);
  }, []);
  const upload = useCallback(async (folderId: string) => {
    await invoke('transfer:upload', { folderId });
  }, []);
  const uploadDropped = useCallback(async (folderId: string, files: readonly File[]) => {
    const started = await uploadDroppedFiles(folderId, files);
    if (started.length === 0) await invoke('transfer:upload', { folderId });
  }, []);
  const cancel = useCallback(async (id: string) => invoke('transfer:cancel', { id }), []);
  const retry = useCallback(async (id: string) => invoke('transfer:retry', { id }), []);
  const clearFinished = useCallback(async () => {
    await invoke('transfer:clearFinished');
    setTransfers((list) => list.filter((t) => activeStates.has(t.state)));
  }, []);

  return { transfers, download, upload, uploadDropped, cancel, retry, clearFinished };
}

/**
 * Calls `onFinished` when an upload into `folderId` is done, so the open folder's list can
 * reload and show the new file.
 */
export function useUploadsFinished(folderId: string, onFinished: () => void): void {
  useEffect(
    () =>
      subscribe('transfer:changed', (snapshot) => {
        if (snapshot.direction === 'upload' && snapshot.state === 'done' && snapshot.folderId === folderId)
          onFinished();
      }),
    [folderId, onFinished],
  );
}
