import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { BoxFolderInfo, BoxItem, BoxPathEntry, BoxSearchResult } from '../../../common/box-items.ts';
import { AppError } from '../../../common/app-error.ts';
import type { MenuAction } from '../components/context-menu.tsx';
import { errorText } from '../i18n/error-text.ts';
import { useTranslation } from 'react-i18next';
import { useToasts } from '../components/toasts.tsx';
import { useEditing } from '../editing/use-editing.ts';
import { useTransfersPanelOpen } from '../transfers/transfers-dock.tsx';
import { useTransfers, useUploadsFinished } from '../transfers/use-transfers.ts';
import { useBulkActions } from '../bulk/use-bulk-actions.ts';
import { useUploadDrop } from '../transfers/use-upload-drop.ts';
import type { ListCommand } from './file-list.tsx';
import { itemMenuActions } from './item-menu-actions.ts';
import { sortItems, type SortOrder } from './sort-items.ts';
import { statusText } from './status-text.ts';
import { useFolderListing } from './use-folder-listing.ts';
import { useGlobalShortcuts } from './use-global-shortcuts.ts';
import { useItemDrag } from './use-item-drag.ts';
import { useItemMutations } from './use-item-mutations.ts';
import { useNavigationHistory } from './use-navigation-history.ts';
import { useSearch, type SearchRequest } from './use-search.ts';
import { useSelection } from './use-selection.ts';

export type FileBrowserDialog =
  | { kind: 'new-folder' | 'trash' }
  | { kind: 'rename' | 'delete' | 'info' | 'preview' | 'share' | 'versions'; item: BoxItem }
  | null;

export interface ItemMenu {
  item: BoxItem | null;
  position: { x: number; y: number };
}

const focusList = (): void => document.querySelector<HTMLElement>('[data-testid="file-list-body"]')?.focus();

/**
 * Everything the file browser knows and does — the open folder or search, sort, selection, the open dialog
 * and menu, toasts, transfers — so that `FileBrowserScreen` only lays it out. The screen owns the search
 * field's element (`searchInput`); the controller only focuses it on the shortcut.
 */
export function useFileBrowserController(searchInput: RefObject<HTMLInputElement | null>) {
  const { t } = useTranslation();
  const navigation = useNavigationHistory('0');
  const folderId = navigation.current;
  const [knownFolders, setKnownFolders] = useState<Record<string, BoxFolderInfo>>({});
  const listing = useFolderListing(folderId, knownFolders[folderId]);
  const [sort, setSort] = useState<SortOrder>({ key: 'name', direction: 'ascending' });
  const [searchRequest, setSearchRequest] = useState<SearchRequest | null>(null);
  const search = useSearch(searchRequest);
  const [dialog, setDialog] = useState<FileBrowserDialog>(null);
  const [menu, setMenu] = useState<ItemMenu | null>(null);
  const { toasts, show, dismiss } = useToasts();

  const folderName = listing.folder?.name ?? null;
  const path = listing.folder ? [...listing.folder.path, { id: listing.folder.id, name: listing.folder.name }] : [];
  const parentId = listing.folder?.path.at(-1)?.id ?? null;
  const searching = searchRequest !== null;
  const rows: BoxItem[] = useMemo(
    () => sortItems<BoxItem>(searching ? search.results : listing.items, sort),
    [searching, search.results, listing.items, sort],
  );
  // The keyboard's row (`selectedId`) and the selection around it; setting the row selects it alone.
  const selection = useSelection(rows);
  const { focusedId: selectedId, select: setSelectedId } = selection;
  const selected = rows.find((item) => item.id === selectedId) ?? null;

  useEffect(() => {
    const place = searching
      ? t('browser.windowSearch', { query: searchRequest.query })
      : folderId === '0' && folderName !== null
        ? t('browser.allFiles')
        : (folderName ?? t('browser.windowLoading'));
    document.title = t('browser.windowTitle', { place, app: t('app.name') });
  }, [folderId, folderName, searching, searchRequest, t]);

  const closeDialog = useCallback(() => setDialog(null), []);
  const showErrorMessage = useCallback((message: string) => show('error', message), [show]);
  const showError = useCallback(
    (error: unknown) => show('error', error instanceof AppError ? errorText(error) : t('browser.somethingWrong')),
    [show, t],
  );
  const editing = useEditing({ info: (message) => show('error', message), error: showError });
  const transfers = useTransfers();
  const transfersPanel = useTransfersPanelOpen(transfers.transfers.length);
  const drop = useUploadDrop(folderId, (id, files) => transfers.uploadDropped(id, files), showError);
  // A finished upload into the open folder shows up without the user refreshing.
  useUploadsFinished(folderId, listing.reload);
  const upload = (): void => void transfers.upload(folderId).catch(showError);
  const download = (item: BoxItem): void =>
    void transfers.download({ files: [{ id: item.id, name: item.name }] }).catch(showError);

  /** Opens a folder; `trail` (root first, the folder last) spares Box a call for its path. */
  const openFolder = useCallback(
    (id: string, select: string | null = null, trail?: BoxPathEntry[]) => {
      const self = trail?.at(-1);
      if (trail && self?.id === id) {
        const info: BoxFolderInfo = { id, name: self.name, path: trail.slice(0, -1) };
        setKnownFolders((known) => (known[id]?.name === info.name ? known : { ...known, [id]: info }));
      }
      setSearchRequest(null);
      setSelectedId(select);
      navigation.open(id);
    },
    [navigation, setSelectedId],
  );
  const pathTo = (id: string): BoxPathEntry[] | undefined => {
    const index = path.findIndex((entry) => entry.id === id);
    return index >= 0 ? path.slice(0, index + 1) : undefined;
  };
  const goUp = (): void => {
    if (searching) setSearchRequest(null);
    else if (parentId !== null) openFolder(parentId, folderId, pathTo(parentId));
  };
  const open = (item: BoxItem): void => {
    // Types the policy lists as editable open in their desktop app for editing; other files in the viewer.
    if (editing.isEditable(item)) editing.open(item);
    else if (item.type !== 'folder') setDialog({ kind: 'preview', item });
    else if (searching && 'path' in item)
      openFolder(item.id, null, [...(item as BoxSearchResult).path, { id: item.id, name: item.name }]);
    else openFolder(item.id, null, listing.folder ? [...path, { id: item.id, name: item.name }] : undefined);
  };
  const revealInFolder = (item: BoxSearchResult): void => {
    const parent = item.path.at(-1);
    if (parent) openFolder(parent.id, item.id, item.path);
  };

  const mutations = useItemMutations({
    folderId,
    updateListing: listing.update,
    rows,
    refreshSearch: () => setSearchRequest((request) => (request ? { ...request } : request)),
    select: setSelectedId,
    closeDialog,
    show,
    showError,
    focusList,
  });
  const bulk = useBulkActions({
    folderId: searching ? null : folderId,
    selection,
    updateListing: listing.update,
    reload: listing.reload,
    refreshSearch: () => setSearchRequest((request) => (request ? { ...request } : request)),
    show,
    showError,
  });
  const severalSelected = (item: BoxItem | null): boolean =>
    item !== null && selection.count > 1 && selection.isSelected(item.id);
  // Dragging one of several selected rows moves them all.
  const drag = useItemDrag(
    folderId,
    (item, target) =>
      severalSelected(item) ? bulk.moveTo(selection.items, target) : void mutations.move(item, target),
    showError,
  );

  const runCommand = (command: ListCommand): void => {
    if (command === 'up') goUp();
    else if (command === 'back') navigation.back();
    else if (command === 'forward') navigation.forward();
    else if (command === 'rename' && selected) setDialog({ kind: 'rename', item: selected });
    else if (command === 'delete' && severalSelected(selected)) bulk.ask('delete');
    else if (command === 'delete' && selected) setDialog({ kind: 'delete', item: selected });
    else if (command === 'menu') {
      const row = selected ? document.getElementById(`row-${selected.id}`)?.getBoundingClientRect() : undefined;
      setMenu({ item: selected, position: row ? { x: row.left + 48, y: row.bottom } : { x: 200, y: 160 } });
    }
  };

  const askNewFolder = (): void => setDialog({ kind: 'new-folder' });
  useGlobalShortcuts({
    focusSearch: () => searchInput.current?.focus(),
    newFolder: askNewFolder,
    reload: listing.reload,
  });

  const menuActions = (item: BoxItem | null): MenuAction[] =>
    severalSelected(item) ? bulk.menuActions() : singleItemMenuActions(item);
  const singleItemMenuActions = (item: BoxItem | null): MenuAction[] => {
    const actions = itemMenuActions(item, searching, {
      open,
      openForEditing: editing.open,
      details: (file) => setDialog({ kind: 'info', item: file }),
      reveal: revealInFolder,
      download,
      rename: (target) => setDialog({ kind: 'rename', item: target }),
      remove: (target) => setDialog({ kind: 'delete', item: target }),
      share: (target) => setDialog({ kind: 'share', item: target }),
      versions: (file) => setDialog({ kind: 'versions', item: file }),
      newFolder: askNewFolder,
      upload,
      refresh: listing.reload,
    });
    return item ? bulk.withSingleItemEntries(actions, item) : actions;
  };

  const startSearch = (query: string, withinFolder: boolean): void => {
    setSelectedId(null);
    setSearchRequest({
      query,
      folderId: withinFolder ? folderId : null,
      folderName: withinFolder ? folderName : null,
    });
  };
  const clearSearch = (): void => {
    setSearchRequest(null);
    focusList();
  };
  const retry = (): void => (searchRequest ? setSearchRequest({ ...searchRequest }) : listing.reload());

  const error = searching ? search.error : listing.error;
  const loading = searching ? search.loading : !listing.complete;
  const status = statusText({
    failed: error !== null,
    loading,
    searching,
    count: rows.length,
    total: search.totalCount,
  });

  return {
    navigation,
    folderId,
    folderName,
    path,
    parentId,
    searchRequest,
    rows,
    sort,
    setSort,
    selectedId,
    select: setSelectedId,
    selection,
    bulk,
    error,
    loading,
    status,
    retry,
    startSearch,
    clearSearch,
    goUp,
    open,
    openCrumb: (id: string) => openFolder(id, null, pathTo(id)),
    runCommand,
    dialog,
    /** Shows a file in the viewer: Space on it, or previous/next in the open viewer. */
    preview: (item: BoxItem) => setDialog({ kind: 'preview', item }),
    askNewFolder,
    openTrash: () => setDialog({ kind: 'trash' }),
    refresh: listing.reload,
    notify: (message: string) => show('success', message),
    closeDialog,
    menu,
    openMenu: (item: BoxItem | null, position: ItemMenu['position']) => setMenu({ item, position }),
    closeMenu: () => setMenu(null),
    menuActions,
    mutations,
    drag,
    drop,
    upload,
    transfers,
    editing,
    transfersPanel,
    toasts,
    dismissToast: dismiss,
    showError,
    showErrorMessage,
  };
}
