import { useEffect, useRef, useState } from 'react';
import { NameClashDialog } from './name-clash-dialog.tsx';
import { TransfersPanel } from './transfers-panel.tsx';
import { TransfersSummary } from './transfers-summary.tsx';
import { useNameClashQuestions } from './use-name-clash-questions.ts';
import type { TransfersApi } from './use-transfers.ts';

export interface TransfersDockProps {
  api: TransfersApi;
  onError: (error: unknown) => void;
}

/**
 * Everything transfers show on the signed-in screen, in one piece to mount: the summary (click
 * to show or hide the panel), the panel, which opens by itself when new transfers start, and
 * the name-clash question when main asks one.
 */
export function TransfersDock({ api, onError }: TransfersDockProps) {
  const [open, setOpen] = useState(false);
  const clash = useNameClashQuestions();
  const seen = useRef(0);

  useEffect(() => {
    if (api.transfers.length > seen.current) setOpen(true);
    seen.current = api.transfers.length;
  }, [api.transfers.length]);

  return (
    <>
      <div className="transfers-dock-bar">
        <TransfersSummary transfers={api.transfers} onOpen={() => setOpen((shown) => !shown)} />
      </div>
      {open && <TransfersPanel api={api} onError={onError} onClose={() => setOpen(false)} />}
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
