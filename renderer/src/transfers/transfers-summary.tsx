import { useTranslation } from 'react-i18next';
import type { TransferSnapshot } from '../../../common/transfers.ts';
import { i18n } from '../i18n/i18n.ts';
import { activeStates, formatPercent, formatSpeed } from './transfer-format.ts';

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
    parts.push(i18n.t('transfers.active', { count: active.length, percent: formatPercent(percent) }));
    if (speed > 0) parts.push(formatSpeed(speed));
  }
  if (waiting > 0) parts.push(i18n.t('transfers.waiting', { count: waiting }));
  if (failed > 0) parts.push(i18n.t('transfers.failed', { count: failed }));
  if (parts.length === 0) return transfers.length > 0 ? i18n.t('transfers.done') : null;
  return parts.join(' · ');
}

export function TransfersSummary({ transfers, onOpen }: TransfersSummaryProps) {
  // Re-renders when the language changes: summarize's words come from the catalog.
  useTranslation();
  const text = summarize(transfers);
  if (text === null) return null;
  const attention = transfers.some((t) => t.state === 'failed' || t.state === 'waiting');
  return (
    <button
      type="button"
      className={`button transfers-summary${attention ? ' attention' : ''}`}
      onClick={onOpen}
      aria-label={i18n.t('transfers.summaryLabel', { summary: text })}
    >
      {text}
    </button>
  );
}
