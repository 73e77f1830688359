import { useTranslation } from 'react-i18next';
import { useRef } from 'react';
import type { BoxSearchResult } from '../../../common/box-items.ts';
import { ContextMenu } from '../components/context-menu.tsx';
import { Icon } from '../components/icons.tsx';
import { Toasts } from '../components/toasts.tsx';
import { EditStatus } from '../editing/edit-status.tsx';
import { EditingList } from '../editing/editing-list.tsx';
import { TransfersDock } from '../transfers/transfers-dock.tsx';
import { TransfersSummary } from '../transfers/transfers-summary.tsx';
import { BulkLayer } from '../bulk/bulk-layer.tsx';
import { SelectionBar } from '../bulk/selection-bar.tsx';
import { TrashDialog } from '../trash/trash-dialog.tsx';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';
import { FileInfoDialog } from './file-info-dialog.tsx';
import { PreviewDialog } from '../preview/preview-dialog.tsx';
import { usePreviewAhead } from '../preview/preview-ahead.ts';
import { FileGrid } from './file-grid.tsx';
import { FileList, type FileListProps } from './file-list.tsx';
import { FileViewSwitch } from './file-view-switch.tsx';
import { useFileView } from './use-file-view.ts';
import { NameDialog } from './name-dialog.tsx';
import { NavigationButtons } from './navigation-buttons.tsx';
import { ListPlaceholder } from './placeholders.tsx';
import { SearchBox } from './search-box.tsx';
import { ShareDialog } from './share-dialog.tsx';
import { useFileBrowserController } from './use-file-browser-controller.ts';
import { VersionHistoryDialog } from './version-history-dialog.tsx';
import './file-browser.css';

/**
 * The signed-in screen: one folder at a time, or search results, with every action one key away.
 * A view only: what it shows and does comes from `useFileBrowserController`.
 */
export function FileBrowserScreen() {
  // Subscribes to language changes: the status bar's text is made by statusText outside React.
  const { t } = useTranslation();
  const searchInput = useRef<HTMLInputElement>(null);
  const browser = useFileBrowserController(searchInput);
  const { navigation, searchRequest, folderName, dialog, transfers, editing } = browser;
  const selectedFile = browser.rows.find((row) => row.id === browser.selectedId && row.type === 'file');
  const searching = searchRequest !== null;
  usePreviewAhead(browser.rows.find((row) => row.id === browser.selectedId) ?? null);
  const [view, setView] = useFileView();
  const Items: (props: FileListProps) => React.ReactNode = view === 'grid' ? FileGrid : FileList;
  const placeholder = (
    <ListPlaceholder
      error={browser.error}
      loading={browser.loading}
      search={searchRequest}
      onRetry={browser.retry}
      onNewFolder={browser.askNewFolder}
    />
  );

  return (
    <section className="file-browser" aria-label={t('browser.region')}>
      <header className="browser-toolbar">
        <NavigationButtons
          canGoBack={navigation.canGoBack}
          canGoForward={navigation.canGoForward}
          canGoUp={searching || browser.parentId !== null}
          onBack={navigation.back}
          onForward={navigation.forward}
          onUp={browser.goUp}
        />
        {searchRequest ? (
          <div className="search-title">
            <h1>
              {t('browser.resultsFor', { query: searchRequest.query })}
              {searchRequest.folderName !== null && (
                <span className="search-scope-note">
                  {t('browser.resultsIn', { folder: searchRequest.folderName })}
                </span>
              )}
            </h1>
          </div>
        ) : (
          <Breadcrumbs path={browser.path} onOpen={browser.openCrumb} drag={browser.drag} />
        )}
        <SearchBox
          ref={searchInput}
          folderName={browser.folderId === '0' ? null : folderName}
          onSearch={browser.startSearch}
          onClear={browser.clearSearch}
        />
        <div className="actions">
          <FileViewSwitch view={view} onChange={setView} />
          <TransfersSummary transfers={transfers.transfers} onOpen={browser.transfersPanel.toggle} />
          <button type="button" className="button" onClick={browser.openTrash} title={t('trash.openHint')}>
            <Icon name="trash" />
            {t('trash.open')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!selectedFile}
            title={t('editing.openForEditingHint')}
            onClick={() => selectedFile && editing.open(selectedFile)}
          >
            {t('editing.openForEditing')}
          </button>
          <button
            type="button"
            className="button"
            onClick={browser.askNewFolder}
            title={t('browser.newFolderHint')}
            disabled={searching}
          >
            <Icon name="newFolder" />
            {t('browser.newFolder')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={searching}
            title={t('browser.uploadHint')}
            onClick={browser.upload}
          >
            <Icon name="upload" />
            {t('browser.upload')}
          </button>
        </div>
      </header>
      {browser.selection.count > 1 && (
        <SelectionBar
          count={browser.selection.count}
          onDownload={() => browser.bulk.download(browser.selection.items)}
          onMove={() => browser.bulk.ask('move')}
          onCopy={() => browser.bulk.ask('copy')}
          onDelete={() => browser.bulk.ask('delete')}
          onClear={browser.selection.clear}
        />
      )}
      <div
        className={`browser-body${browser.drop.over && !searching ? ' drop-target' : ''}`}
        {...(searching ? {} : browser.drop.handlers)}
      >
        <Items
          label={
            searchRequest
              ? t('browser.searchResultsLabel', { query: searchRequest.query })
              : folderName === null
                ? t('browser.contentsOfFolder')
                : t('browser.contentsOf', { folder: browser.folderId === '0' ? t('browser.allFiles') : folderName })
          }
          items={browser.rows}
          sort={browser.sort}
          onSortChange={browser.setSort}
          selectedId={browser.selectedId}
          onSelect={(item, how) => browser.select(item.id, how)}
          isSelected={browser.selection.isSelected}
          onSelectAll={browser.selection.selectAll}
          onClearSelection={browser.selection.clear}
          onOpen={browser.open}
          onPreview={browser.preview}
          onContextMenu={browser.openMenu}
          onCommand={browser.runCommand}
          placeholder={placeholder}
          drag={browser.drag}
          describe={(item) => {
            const edit = editing.editOf(item.id);
            return (
              <>
                {searching && (
                  <span className="item-location">
                    {t('browser.location', {
                      path:
                        (item as BoxSearchResult).path
                          .map((entry) => (entry.id === '0' ? t('browser.allFiles') : entry.name))
                          .join(' › ') || t('browser.allFiles'),
                    })}
                  </span>
                )}
                {edit && <EditStatus edit={edit} />}
              </>
            );
          }}
        />
      </div>
      <BulkLayer bulk={browser.bulk} />
      <EditingList edits={editing.edits} onClose={editing.close} />
      <TransfersDock
        api={transfers}
        onError={browser.showError}
        open={browser.transfersPanel.open}
        onClose={browser.transfersPanel.close}
      />
      <footer className="status-bar" aria-live="polite">
        {browser.status}
      </footer>
      {browser.menu && (
        <ContextMenu
          actions={browser.menuActions(browser.menu.item)}
          position={browser.menu.position}
          onClose={browser.closeMenu}
        />
      )}
      {dialog?.kind === 'new-folder' && (
        <NameDialog
          title={t('dialogs.newFolder')}
          confirmLabel={t('dialogs.create')}
          initialName=""
          onSubmit={browser.mutations.createFolder}
          onCancel={browser.closeDialog}
        />
      )}
      {dialog?.kind === 'rename' && (
        <NameDialog
          title={t(dialog.item.type === 'folder' ? 'dialogs.renameFolder' : 'dialogs.renameFile')}
          confirmLabel={t('dialogs.rename')}
          initialName={dialog.item.name}
          onSubmit={(name) => browser.mutations.rename(dialog.item, name)}
          onCancel={browser.closeDialog}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDeleteDialog
          item={dialog.item}
          onConfirm={() => browser.mutations.remove(dialog.item)}
          onCancel={browser.closeDialog}
        />
      )}
      {dialog?.kind === 'info' && (
        <FileInfoDialog item={dialog.item} onClose={browser.closeDialog} onError={browser.showErrorMessage} />
      )}
      {dialog?.kind === 'preview' && (
        <PreviewDialog
          file={dialog.item}
          files={browser.rows.filter((row) => row.type === 'file')}
          onShow={browser.preview}
          onClose={browser.closeDialog}
          onError={browser.showErrorMessage}
        />
      )}
      {dialog?.kind === 'trash' && (
        <TrashDialog
          onClose={browser.closeDialog}
          onRestored={browser.refresh}
          notify={browser.notify}
          onError={browser.showErrorMessage}
        />
      )}
      {dialog?.kind === 'share' && dialog.item.type !== 'web_link' && (
        <ShareDialog
          item={{ ...dialog.item, type: dialog.item.type }}
          onClose={browser.closeDialog}
          notify={browser.notify}
        />
      )}
      {dialog?.kind === 'versions' && (
        <VersionHistoryDialog
          file={dialog.item}
          onClose={browser.closeDialog}
          onChanged={browser.refresh}
          notify={browser.notify}
          onError={browser.showErrorMessage}
        />
      )}
      <Toasts toasts={browser.toasts} onDismiss={browser.dismissToast} />
    </section>
  );
}
