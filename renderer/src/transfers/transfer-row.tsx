import type { TransferSnapshot } from '../../../common/transfers.ts';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text.ts';
import { activeStates, percentOf, progressText, stateLabel } from './transfer-format.ts';

export interface TransferRowProps {
  transfer: TransferSnapshot;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
}

/** One transfer: name, state, a progress bar with bytes, speed and time left, and its action. */
export function TransferRow({ transfer, onCancel, onRetry }: TransferRowProps) {
  const percent = percentOf(transfer);
  const active = activeStates.has(transfer.state);
  const { t } = useTranslation();
  const label = t(transfer.direction === 'upload' ? 'transfers.uploadOf' : 'transfers.downloadOf', {
    name: transfer.name,
  });
  return (
    <li className={`transfer-row transfer-${transfer.state}`} data-testid="transfer-row" aria-label={label}>
      <div className="transfer-heading">
        <span className="transfer-direction" aria-hidden="true">
          {transfer.direction === 'upload' ? '↑' : '↓'}
        </span>
        <span className="transfer-name" title={transfer.name} translate="no">
          {transfer.name}
        </span>
        <span className="transfer-state" data-testid="transfer-state">
          {stateLabel(transfer.state)}
        </span>
      </div>
      <div
        className="transfer-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="transfer-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="transfer-details">
        <span className="transfer-progress">{progressText(transfer)}</span>
        {transfer.state === 'done' && transfer.targetPath && (
          <span className="transfer-target">{t('transfers.savedTo', { path: transfer.targetPath })}</span>
        )}
        {active && (
          <button type="button" className="button small" onClick={() => onCancel(transfer.id)}>
            {t('transfers.cancel')}
          </button>
        )}
        {(transfer.state === 'failed' || transfer.state === 'cancelled') && (
          <button type="button" className="button small" onClick={() => onRetry(transfer.id)}>
            {t('transfers.retry')}
          </button>
        )}
      </div>
      {transfer.state === 'failed' && transfer.error && (
        <p className="transfer-error" role="alert">
          {errorText(transfer.error)}
        </p>
      )}
    </li>
  );
}
