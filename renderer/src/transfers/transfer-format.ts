import type { TransferSnapshot, TransferState } from '../../../common/transfers.ts';
import { formatSize } from '../components/format.ts';

export const stateLabels: Record<TransferState, string> = {
  queued: 'Queued',
  waiting: 'Waiting for your choice',
  running: 'Transferring',
  verifying: 'Checking',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
};

export const activeStates: ReadonlySet<TransferState> = new Set(['queued', 'waiting', 'running', 'verifying']);

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatSize(Math.round(bytesPerSecond))}/s`;
}

/** "5 s left", "3 min left", "1 h 20 min left". */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min left`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

export function percentOf(transfer: Pick<TransferSnapshot, 'transferredBytes' | 'totalBytes' | 'state'>): number {
  if (transfer.state === 'done') return 100;
  if (transfer.totalBytes <= 0) return 0;
  return Math.min(100, Math.floor((transfer.transferredBytes / transfer.totalBytes) * 100));
}

/** "12 MB of 25 MB · 3.2 MB/s · 4 s left" while moving; the size once done. */
export function progressText(transfer: TransferSnapshot): string {
  if (transfer.state === 'done') return formatSize(transfer.totalBytes);
  const parts = [`${formatSize(transfer.transferredBytes)} of ${formatSize(transfer.totalBytes)}`];
  if (transfer.state === 'running' && transfer.bytesPerSecond > 0) parts.push(formatSpeed(transfer.bytesPerSecond));
  if (transfer.state === 'running' && transfer.secondsLeft !== null) parts.push(formatTimeLeft(transfer.secondsLeft));
  return parts.join(' · ');
}
