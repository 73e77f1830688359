import { useTranslation } from 'react-i18next';
import type { TransfersApi } from './use-transfers.ts';
import { activeStates } from './transfer-format.ts';
import { TransferRow } from './transfer-row.tsx';
import './transfers.css';

export interface TransfersPanelProps {
  api: Pick<TransfersApi, 'transfers' | 'cancel' | 'retry' | 'clearFinished'>;
  /** Where a failed request (cancel, retry) is reported, e.g. the screen's toasts. */
  onError: (error: unknown) => void;
  onClose?: () => void;
}

/** Every transfer of this run, newest first, each with its progress, state, and cancel or retry. */
export function TransfersPanel({ api, onError, onClose }: TransfersPanelProps) {
  const { transfers } = api;
  const finished = transfers.filter((t) => !activeStates.has(t.state)).length;
  const { t } = useTranslation();
  const run = (action: () => Promise<void>) => () => void action().catch(onError);
  return (
    <section className="transfers-panel" aria-labelledby="transfers-panel-title">
      <header className="transfers-panel-header">
        <h2 id="transfers-panel-title">{t('transfers.title')}</h2>
        <button type="button" className="button small" disabled={finished === 0} onClick={run(api.clearFinished)}>
          {t('transfers.clearFinished')}
        </button>
        {onClose && (
          <button type="button" className="button small" aria-label={t('transfers.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>
      {transfers.length === 0 ? (
        <p className="transfers-empty">{t('transfers.empty')}</p>
      ) : (
        <ul className="transfers-list">
          {[...transfers].reverse().map((transfer) => (
            <TransferRow
              key={transfer.id}
              transfer={transfer}
              onCancel={(id) => run(() => api.cancel(id))()}
              onRetry={(id) => run(() => api.retry(id))()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
