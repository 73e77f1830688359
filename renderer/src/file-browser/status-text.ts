import { formatCount } from '../components/format.ts';
import { i18n } from '../i18n/i18n.ts';

const items = (count: number): string => i18n.t('status.items', { count, formatted: formatCount(count) });
const results = (count: number): string => i18n.t('status.results', { count, formatted: formatCount(count) });

/** The status bar: how many items, or what is happening. */
export function statusText(state: {
  failed: boolean;
  loading: boolean;
  searching: boolean;
  count: number;
  total: number;
}): string {
  const { failed, loading, searching, count, total } = state;
  if (failed) return i18n.t('status.notLoaded');
  if (searching) {
    if (loading) return i18n.t('status.searching');
    if (total > count) return i18n.t('status.firstResults', { shown: formatCount(count), results: results(total) });
    return results(total);
  }
  if (loading) return count === 0 ? i18n.t('status.loading') : i18n.t('status.loadingMore', { items: items(count) });
  return items(count);
}
