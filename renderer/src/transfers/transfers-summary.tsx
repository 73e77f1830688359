import type { TransferSnapshot } from '../../../common/transfers.ts';
import { activeStates, formatSpeed } from './transfer-format.ts';

export interface TransfersSummaryProps {
  transfers: TransferSnapshot[];
  onOpen: () => void;
}

/** What the toolbar says about transfers: how many are moving and how far, or what needs attention. */
export function summarize(transfers: TransferSnapshot[]): string | null {
  const active = transfers.filter((t) => activeStates.has(t.state));
  const failed = transfers.filter((t) => t.state === 'failed').length;
  const waiting = active.filter((t) => t.state === 'waiting').length;
  const parts: string[] = [];
  if (active.length > 0) {
    const total = active.reduce((sum, t) => sum + t.totalBytes, 0);
    const done = active.reduce((sum, t) => sum + t.transferredBytes, 0);
    const speed = active.reduce((sum, t) => sum + t.bytesPerSecond, 0);
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    parts.push(`${active.length} ${active.length === 1 ? 'transfer' : 'transfers'} · ${percent}%`);
    if (speed > 0) parts.push(formatSpeed(speed));
  }
  if (waiting > 0) parts.push(`${waiting} ${waiting === 1 ? 'needs' : 'need'} your choice`);
  if (failed > 0) parts.push(`${failed} failed`);
  if (parts.length === 0) return transfers.length > 0 ? 'Transfers done' : null;
  return parts.join(' · ');
}

export function TransfersSummary({ transfers, onOpen }: TransfersSummaryProps) {
  const text = summarize(transfers);
  if (text === null) return null;
  const attention = transfers.some((t) => t.state === 'failed' || t.state === 'waiting');
  return (
    <button
      type="button"
      className={`button transfers-summary${attention ? ' attention' : ''}`}
      onClick={onOpen}
      aria-label={`Transfers: ${text}`}
    >
      {text}
    </button>
  );
}
