import type { TransferSnapshot } from '../../../common/transfers.ts';
import { activeStates, percentOf, progressText, stateLabels } from './transfer-format.ts';

export interface TransferRowProps {
  transfer: TransferSnapshot;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
}

/** One transfer: name, state, a progress bar with bytes, speed and time left, and its action. */
export function TransferRow({ transfer, onCancel, onRetry }: TransferRowProps) {
  const percent = percentOf(transfer);
  const active = activeStates.has(transfer.state);
  const verb = transfer.direction === 'upload' ? 'Upload' : 'Download';
  return (
    <li
      className={`transfer-row transfer-${transfer.state}`}
      data-testid="transfer-row"
      aria-label={`${verb} of ${transfer.name}`}
    >
      <div className="transfer-heading">
        <span className="transfer-direction" aria-hidden="true">
          {transfer.direction === 'upload' ? '↑' : '↓'}
        </span>
        <span className="transfer-name" title={transfer.name}>
          {transfer.name}
        </span>
        <span className="transfer-state" data-testid="transfer-state">
          {stateLabels[transfer.state]}
        </span>
      </div>
      <div
        className="transfer-bar"
        role="progressbar"
        aria-label={`${verb} of ${transfer.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="transfer-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="transfer-details">
        <span className="transfer-progress">{progressText(transfer)}</span>
        {transfer.state === 'done' && transfer.targetPath && (
          <span className="transfer-target">Saved to {transfer.targetPath}</span>
        )}
        {active && (
          <button type="button" className="button small" onClick={() => onCancel(transfer.id)}>
            Cancel
          </button>
        )}
        {(transfer.state === 'failed' || transfer.state === 'cancelled') && (
          <button type="button" className="button small" onClick={() => onRetry(transfer.id)}>
            Retry
          </button>
        )}
      </div>
      {transfer.state === 'failed' && transfer.error && (
        <p className="transfer-error" role="alert">
          {transfer.error.message}
        </p>
      )}
    </li>
  );
}
