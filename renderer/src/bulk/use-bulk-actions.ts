import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxItem, BoxPathEntry } from '../../../common/box-items.ts';
import type { BulkItem, BulkSnapshot } from '../../../common/bulk.ts';
import type { MenuAction } from '../components/context-menu.tsx';
import { formatCount } from '../components/format.ts';
import { invoke } from '../ipc/bridge.ts';
import type { Toast } from '../components/toasts.tsx';
import type { Selection } from '../file-browser/use-selection.ts';
import { useBulkClashQuestions } from './use-bulk-clash-questions.ts';
import { useBulkRuns } from './use-bulk-runs.ts';

export type BulkDialog = { kind: 'delete' | 'move' | 'copy'; items: BoxItem[] } | null;

interface BulkContext {
  /** The open folder (null while showing search results, whose items live in many folders). */
  folderId: string | null;
  selection: Selection;
  updateListing: (change: (items: BoxItem[]) => BoxItem[]) => void;
  reload: () => void;
  refreshSearch: () => void;
  show: (tone: Toast['tone'], message: string, action?: Toast['action']) => void;
  showError: (error: unknown) => void;
}

const toBulkItem = (item: BoxItem): BulkItem => ({
  id: item.id,
  type: item.type === 'folder' ? 'folder' : 'file',
  name: item.name,
});
const counted = (count: number) => ({ count, formatted: formatCount(count) });

/**
 * What the file browser does to several items at once: asks (delete, the folder picker), starts
 * the run in main, and when it ends updates the list, confirms with a toast (Undo after a delete)
 * and leaves failures on show with "Retry the N that failed".
 */
export function useBulkActions(context: BulkContext) {
  const { t } = useTranslation();
  const { selection, updateListing, reload, refreshSearch, show, showError } = context;
  const [dialog, setDialog] = useState<BulkDialog>(null);

  const onFinished = useCallback(
    (run: BulkSnapshot) => {
      const done = new Set(run.doneIds);
      if (run.action === 'delete' || run.action === 'move') {
        updateListing((items) => items.filter((item) => !done.has(item.id)));
        refreshSearch();
      } else if (run.action === 'copy' || run.action === 'restore') {
        reload();
        refreshSearch();
      }
      const count = run.action === 'download' ? (run.filesDone ?? 0) : run.doneIds.length;
      if (count === 0) return;
      const message = t(`bulk.finished.${run.action}`, counted(count));
      if (run.action === 'delete')
        // The restore run reports itself through `bulk:changed` like any other.
        show('success', message, {
          label: t('bulk.undo'),
          run: () => void invoke('bulk:undoDelete', { jobId: run.id }).catch(showError),
        });
      else show('success', message);
    },
    [t, updateListing, reload, refreshSearch, show, showError],
  );
  const runs = useBulkRuns(onFinished, showError);
  const clashes = useBulkClashQuestions();

  const close = (): void => setDialog(null);
  const download = (items: readonly BoxItem[]): void =>
    runs.start({ action: 'download', items: items.map(toBulkItem) });
  const moveTo = (items: readonly BoxItem[], target: BoxPathEntry): void => {
    close();
    runs.start({ action: 'move', items: items.map(toBulkItem), targetFolderId: target.id });
  };
  const copyTo = (items: readonly BoxItem[], target: BoxPathEntry): void => {
    close();
    runs.start({ action: 'copy', items: items.map(toBulkItem), targetFolderId: target.id });
  };
  const remove = (items: readonly BoxItem[]): void => {
    close();
    selection.clear();
    runs.start({ action: 'delete', items: items.map(toBulkItem) });
  };
  const ask = (kind: NonNullable<BulkDialog>['kind'], items: BoxItem[] = selection.items): void =>
    setDialog({ kind, items });

  /** The context menu for several selected items, each entry saying how many. */
  const menuActions = (): MenuAction[] => {
    const items = selection.items;
    const n = counted(items.length);
    return [
      { id: 'bulk-download', label: t('bulk.download', n), run: () => download(items) },
      { id: 'bulk-move', label: t('bulk.move', n), run: () => ask('move', items) },
      { id: 'bulk-copy', label: t('bulk.copy', n), run: () => ask('copy', items) },
      { id: 'bulk-delete', label: t('bulk.delete', n), shortcut: 'Del', danger: true, run: () => ask('delete', items) },
    ];
  };

  /** Move and copy for one item, put before its Delete entry. */
  const withSingleItemEntries = (actions: MenuAction[], item: BoxItem): MenuAction[] => {
    const entries: MenuAction[] = [
      { id: 'move-to', label: t('bulk.moveTo'), run: () => ask('move', [item]) },
      { id: 'copy-to', label: t('bulk.copyTo'), run: () => ask('copy', [item]) },
    ];
    const at = actions.findIndex((action) => action.id === 'delete');
    return at < 0 ? [...actions, ...entries] : [...actions.slice(0, at), ...entries, ...actions.slice(at)];
  };

  return {
    folderId: context.folderId,
    dialog,
    close,
    ask,
    download,
    moveTo,
    copyTo,
    remove,
    menuActions,
    withSingleItemEntries,
    runs,
    clashes,
  };
}

export type BulkActions = ReturnType<typeof useBulkActions>;
