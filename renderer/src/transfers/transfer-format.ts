import type { TransferSnapshot, TransferState } from '../../../common/transfers.ts';
import { formatSize } from '../components/format.ts';
import { i18n, intlLocale, localized } from '../i18n/i18n.ts';

/** A transfer's state in the UI language. */
export function stateLabel(state: TransferState): string {
  return i18n.t(`transfers.states.${state}`);
}

export const activeStates: ReadonlySet<TransferState> = new Set(['queued', 'waiting', 'running', 'verifying']);

export function formatSpeed(bytesPerSecond: number): string {
  return i18n.t('transfers.speed', { size: formatSize(Math.round(bytesPerSecond)) });
}

const duration = (value: number, unit: 'second' | 'minute' | 'hour'): string =>
  localized(new Intl.NumberFormat(intlLocale(), { style: 'unit', unit, unitDisplay: 'short' }).format(value));

/** "5 sec left", "3 min left", "1 hr, 20 min left" (in German "noch 3 Min."), units by Intl. */
export function formatTimeLeft(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const time =
    seconds < 60
      ? duration(Math.max(1, Math.round(seconds)), 'second')
      : minutes < 60
        ? duration(minutes, 'minute')
        : new Intl.ListFormat(intlLocale(), { style: 'narrow', type: 'unit' }).format([
            duration(Math.floor(minutes / 60), 'hour'),
            duration(minutes % 60, 'minute'),
          ]);
  return i18n.t('transfers.left', { time });
}

/** A percentage in the UI language (42 % in German). */
export function formatPercent(percent: number): string {
  return localized(new Intl.NumberFormat(intlLocale(), { style: 'percent' }).format(percent / 100));
}

export function percentOf(transfer: Pick<TransferSnapshot, 'transferredBytes' | 'totalBytes' | 'state'>): number {
  if (transfer.state === 'done') return 100;
  if (transfer.totalBytes <= 0) return 0;
  return Math.min(100, Math.floor((transfer.transferredBytes / transfer.totalBytes) * 100));
}

/** "12 MB of 25 MB · 3.2 MB/s · 4 s left" while moving; the size once done. */
export function progressText(transfer: TransferSnapshot): string {
  if (transfer.state === 'done') return formatSize(transfer.totalBytes);
  const parts: string[] = [
    i18n.t('transfers.ofTotal', {
      done: formatSize(transfer.transferredBytes),
      total: formatSize(transfer.totalBytes),
    }),
  ];
  if (transfer.state === 'running' && transfer.bytesPerSecond > 0) parts.push(formatSpeed(transfer.bytesPerSecond));
  if (transfer.state === 'running' && transfer.secondsLeft !== null) parts.push(formatTimeLeft(transfer.secondsLeft));
  return parts.join(' · ');
}
