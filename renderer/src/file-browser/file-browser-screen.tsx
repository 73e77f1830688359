import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoxFolderInfo, BoxItem, BoxPathEntry, BoxSearchResult } from '../../../common/box-items.ts';
import { TransfersDock, useTransfersPanelOpen } from '../transfers/transfers-dock.tsx';
import { TransfersSummary } from '../transfers/transfers-summary.tsx';
import { useTransfers, useUploadsFinished } from '../transfers/use-transfers.ts';
import { useUploadDrop } from '../transfers/use-upload-drop.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';
import { ContextMenu, type MenuAction } from '../components/context-menu.tsx';
import { FileInfoDialog } from './file-info-dialog.tsx';
import { FileList, type ListCommand } from './file-list.tsx';
import { Icon } from '../components/icons.tsx';
import { NameDialog } from './name-dialog.tsx';
import { NavigationButtons } from './navigation-buttons.tsx';
import { ListPlaceholder } from './placeholders.tsx';
import { SearchBox } from './search-box.tsx';
import { statusText } from './status-text.ts';
import { sortItems, type SortOrder } from './sort-items.ts';
import { Toasts, useToasts } from './toasts.tsx';
import { useFolderListing } from './use-folder-listing.ts';
import { itemMenuActions } from './item-menu-actions.ts';
import { useGlobalShortcuts } from './use-global-shortcuts.ts';
import { useItemDrag } from './use-item-drag.ts';
import { useItemMutations } from './use-item-mutations.ts';
import { useNavigationHistory } from './use-navigation-history.ts';
import { useSearch, type SearchRequest } from './use-search.ts';
import './file-browser.css';

type Dialog = { kind: 'new-folder' } | { kind: 'rename' | 'delete' | 'info'; item: BoxItem } | null;

/** The signed-in screen: one folder at a time, or search results, with every action one key away. */
export function FileBrowserScreen() {
  const navigation = useNavigationHistory('0');
  const folderId = navigation.current;
  const [knownFolders, setKnownFolders] = useState<Record<string, BoxFolderInfo>>({});
  const listing = useFolderListing(folderId, knownFolders[folderId]);
  const [sort, setSort] = useState<SortOrder>({ key: 'name', direction: 'ascending' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [searchRequest, setSearchRequest] = useState<SearchRequest | null>(null);
  const search = useSearch(searchRequest);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [menu, setMenu] = useState<{ item: BoxItem | null; position: { x: number; y: number } } | null>(null);
  const { toasts, show, dismiss } = useToasts();
  const searchInput = useRef<HTMLInputElement>(null);

  const folderName = listing.folder?.name ?? null;
  const path = listing.folder ? [...listing.folder.path, { id: listing.folder.id, name: listing.folder.name }] : [];
  const parentId = listing.folder?.path.at(-1)?.id ?? null;
  const searching = searchRequest !== null;
  const rows: BoxItem[] = useMemo(
    () => sortItems<BoxItem>(searching ? search.results : listing.items, sort),
    [searching, search.results, listing.items, sort],
  );
  const selected = rows.find((item) => item.id === selectedId) ?? null;

  useEffect(() => {
    document.title = searching
      ? `Search: ${searchRequest.query} – Box SSO Desktop`
      : `${folderName ?? 'Loading'} – Box SSO Desktop`;
  }, [folderName, searching, searchRequest]);

  const closeDialog = useCallback(() => setDialog(null), []);
  const showErrorMessage = useCallback((message: string) => show('error', message), [show]);
  const showError = useCallback(
    (error: unknown) => show('error', error instanceof Error ? error.message : 'Something went wrong.'),
    [show],
  );
  const transfers = useTransfers();
  const transfersPanel = useTransfersPanelOpen(transfers.transfers.length);
  const drop = useUploadDrop(folderId, (id, files) => transfers.uploadDropped(id, files), showError);
  // A finished upload into the open folder shows up without the user refreshing.
  useUploadsFinished(folderId, listing.reload);
  const upload = (): void => void transfers.upload(folderId).catch(showError);
  const download = (item: BoxItem): void =>
    void transfers.download({ files: [{ id: item.id, name: item.name }] }).catch(showError);
  const focusList = (): void => document.querySelector<HTMLElement>('[data-testid="file-list-body"]')?.focus();

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
    [navigation],
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
    if (item.type !== 'folder') setDialog({ kind: 'info', item });
    else if (searching && 'path' in item)
      openFolder(item.id, null, [...(item as BoxSearchResult).path, { id: item.id, name: item.name }]);
    else openFolder(item.id, null, listing.folder ? [...path, { id: item.id, name: item.name }] : undefined);
  };
  const revealInFolder = (item: BoxSearchResult): void => {
    const parent = item.path.at(-1);
    if (parent) openFolder(parent.id, item.id, item.path);
  };

  const { createFolder, rename, remove, move } = useItemMutations({
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
  const drag = useItemDrag(folderId, (item, target) => void move(item, target));

  const runCommand = (command: ListCommand): void => {
    if (command === 'up') goUp();
    else if (command === 'back') navigation.back();
    else if (command === 'forward') navigation.forward();
    else if (command === 'rename' && selected) setDialog({ kind: 'rename', item: selected });
    else if (command === 'delete' && selected) setDialog({ kind: 'delete', item: selected });
    else if (command === 'menu') {
      const row = selected ? document.getElementById(`row-${selected.id}`)?.getBoundingClientRect() : undefined;
      setMenu({ item: selected, position: row ? { x: row.left + 48, y: row.bottom } : { x: 200, y: 160 } });
    }
  };

  useGlobalShortcuts({
    focusSearch: () => searchInput.current?.focus(),
    newFolder: () => setDialog({ kind: 'new-folder' }),
    reload: listing.reload,
  });

  const menuActions = (item: BoxItem | null): MenuAction[] =>
    itemMenuActions(item, searching, {
      open,
      reveal: revealInFolder,
      download,
      rename: (target) => setDialog({ kind: 'rename', item: target }),
      remove: (target) => setDialog({ kind: 'delete', item: target }),
      newFolder: () => setDialog({ kind: 'new-folder' }),
      upload,
      refresh: listing.reload,
    });

  const error = searching ? search.error : listing.error;
  const loading = searching ? search.loading : !listing.complete;
  const placeholder = (
    <ListPlaceholder
      error={error}
      loading={loading}
      search={searchRequest}
      onRetry={() => (searchRequest ? setSearchRequest({ ...searchRequest }) : listing.reload())}
      onNewFolder={() => setDialog({ kind: 'new-folder' })}
    />
  );

  const count = rows.length;
  const status = statusText({ failed: error !== null, loading, searching, count, total: search.totalCount });

  return (
    <section className="file-browser" aria-label="Your files">
      <header className="browser-toolbar">
        <NavigationButtons
          canGoBack={navigation.canGoBack}
          canGoForward={navigation.canGoForward}
          canGoUp={searching || parentId !== null}
          onBack={navigation.back}
          onForward={navigation.forward}
          onUp={goUp}
        />
        {searching ? (
          <div className="search-title">
            <h1>
              Results for “{searchRequest.query}”
              {searchRequest.folderName !== null && (
                <span className="search-scope-note"> in {searchRequest.folderName}</span>
              )}
            </h1>
          </div>
        ) : (
          <Breadcrumbs path={path} onOpen={(id) => openFolder(id, null, pathTo(id))} drag={drag} />
        )}
        <SearchBox
          ref={searchInput}
          folderName={folderId === '0' ? null : folderName}
          onSearch={(query, withinFolder) => {
            setSelectedId(null);
            setSearchRequest({
              query,
              folderId: withinFolder ? folderId : null,
              folderName: withinFolder ? folderName : null,
            });
          }}
          onClear={() => {
            setSearchRequest(null);
            focusList();
          }}
        />
        <div className="actions">
          <TransfersSummary transfers={transfers.transfers} onOpen={transfersPanel.toggle} />
          <button
            type="button"
            className="button"
            onClick={() => setDialog({ kind: 'new-folder' })}
            title="New folder (Ctrl+Shift+N)"
            disabled={searching}
          >
            <Icon name="newFolder" />
            New folder
          </button>
          <button
            type="button"
            className="button primary"
            disabled={searching}
            title="Upload files to this folder (or drop them on the list)"
            onClick={upload}
          >
            <Icon name="upload" />
            Upload
          </button>
        </div>
      </header>
      <div
        className={`browser-body${drop.over && !searching ? ' drop-target' : ''}`}
        {...(searching ? {} : drop.handlers)}
      >
        <FileList
          label={searching ? `Search results for ${searchRequest.query}` : `Contents of ${folderName ?? 'folder'}`}
          items={rows}
          sort={sort}
          onSortChange={setSort}
          selectedId={selectedId}
          onSelect={(item) => setSelectedId(item.id)}
          onOpen={open}
          onContextMenu={(item, position) => setMenu({ item, position })}
          onCommand={runCommand}
          placeholder={placeholder}
          drag={drag}
          describe={
            searching
              ? (item) => (
                  <span className="item-location">
                    in {(item as BoxSearchResult).path.map((entry) => entry.name).join(' › ') || 'All Files'}
                  </span>
                )
              : undefined
          }
        />
      </div>
      <TransfersDock api={transfers} onError={showError} open={transfersPanel.open} onClose={transfersPanel.close} />
      <footer className="status-bar" aria-live="polite">
        {status}
      </footer>
      {menu && <ContextMenu actions={menuActions(menu.item)} position={menu.position} onClose={() => setMenu(null)} />}
      {dialog?.kind === 'new-folder' && (
        <NameDialog
          title="New folder"
          confirmLabel="Create"
          initialName=""
          onSubmit={createFolder}
          onCancel={closeDialog}
        />
      )}
      {dialog?.kind === 'rename' && (
        <NameDialog
          title={`Rename ${dialog.item.type === 'folder' ? 'folder' : 'file'}`}
          confirmLabel="Rename"
          initialName={dialog.item.name}
          onSubmit={(name) => rename(dialog.item, name)}
          onCancel={closeDialog}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDeleteDialog item={dialog.item} onConfirm={() => remove(dialog.item)} onCancel={closeDialog} />
      )}
      {dialog?.kind === 'info' && (
        <FileInfoDialog item={dialog.item} onClose={closeDialog} onError={showErrorMessage} />
      )}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </section>
  );
}
