/**
 * The Share dialog's expiry as a date input shows it (`YYYY-MM-DD`, the user's own calendar day)
 * and as Box takes it (an instant): a link chosen to expire "on" a day lasts until that day ends.
 */
export function expiryFromDateInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const endOfDay = new Date(`${value}T23:59:59`);
  return Number.isNaN(endOfDay.getTime()) ? null : endOfDay.toISOString();
}

export function expiryToDateInput(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
