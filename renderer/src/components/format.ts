/**
 * Display formats for sizes and dates, shared by the file list, file info and transfers:
 * short, in the UI language through Intl, and stable while a folder loads.
 */
import { i18n, intlLocale, localized } from '../i18n/i18n.ts';

const units = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatSize(bytes: number | null): string {
  if (bytes === null) return i18n.t('format.none');
  const locale = intlLocale();
  // "1 byte", "5 bytes" / "5 Byte": the long unit name, which Intl puts in the plural.
  if (bytes < 1024)
    return localized(new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes));
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return localized(
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: value >= 10 ? 0 : 1,
      minimumFractionDigits: value >= 10 ? 0 : 1,
    }).format(value),
  );
}

export function formatModified(iso: string | null, now = new Date()): string {
  if (iso === null) return i18n.t('format.none');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return i18n.t('format.none');
  const locale = intlLocale();
  if (date.toDateString() === now.toDateString()) {
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
    return i18n.t('format.today', { time });
  }
  return localized(new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date));
}

/** A count in the UI language's digits and separators (10,000 / 10.000). */
export function formatCount(count: number): string {
  return localized(new Intl.NumberFormat(intlLocale()).format(count));
}

/** A zoom factor as a percentage in the UI language (1.25 → 125 % in German, 125% in English). */
export function formatPercent(factor: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(factor);
}
