import { useCallback, useEffect, useRef, useState } from 'react';
import { NameClashDialog } from './name-clash-dialog.tsx';
import { TransfersPanel } from './transfers-panel.tsx';
import { useNameClashQuestions } from './use-name-clash-questions.ts';
import type { TransfersApi } from './use-transfers.ts';

/** Whether the panel is shown: it opens by itself when new transfers start, and the toolbar summary toggles it. */
export function useTransfersPanelOpen(transferCount: number) {
  const [open, setOpen] = useState(false);
  const seen = useRef(0);
  useEffect(() => {
    if (transferCount > seen.current) setOpen(true);
    seen.current = transferCount;
  }, [transferCount]);
  return {
    open,
    toggle: useCallback(() => setOpen((shown) => !shown), []),
    close: useCallback(() => setOpen(false), []),
  };
}

export interface TransfersDockProps {
  api: TransfersApi;
  onError: (error: unknown) => void;
  open: boolean;
  onClose: () => void;
}

/**
 * What transfers show below the file list: the panel when open, and the name-clash question
 * when main asks one. The summary that opens the panel lives in the toolbar.
 */
export function TransfersDock({ api, onError, open, onClose }: TransfersDockProps) {
  const clash = useNameClashQuestions();
  return (
    <>
      {open && <TransfersPanel api={api} onError={onError} onClose={onClose} />}
      {clash.current && (
        <NameClashDialog
          key={clash.current.questionId}
          question={clash.current}
          onAnswer={(choice, applyToAll) => void clash.answer(choice, applyToAll).catch(onError)}
        />
      )}
    </>
  );
}
