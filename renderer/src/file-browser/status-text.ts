const numberFormat = new Intl.NumberFormat();
const counted = (n: number, one: string, many: string): string => `${numberFormat.format(n)} ${n === 1 ? one : many}`;

/** The status bar: how many items, or what is happening. */
export function statusText(state: {
  failed: boolean;
  loading: boolean;
  searching: boolean;
  count: number;
  total: number;
}): string {
  const { failed, loading, searching, count, total } = state;
  if (failed) return 'Not loaded';
  if (searching) {
    if (loading) return 'Searching…';
    if (total > count) {
      return `Showing the first ${numberFormat.format(count)} of ${counted(total, 'result', 'results')} · add words to narrow the search`;
    }
    return counted(total, 'result', 'results');
  }
  if (loading) return count === 0 ? 'Loading…' : `${counted(count, 'item', 'items')} · loading more…`;
  return counted(count, 'item', 'items');
}
