import { useTranslation } from 'react-i18next';
import { useRef } from 'react';
import type { BoxSearchResult } from '../../../common/box-items.ts';
import { ContextMenu } from '../components/context-menu.tsx';
import { Icon } from '../components/icons.tsx';
import { Toasts } from '../components/toasts.tsx';
import { TransfersDock } from '../transfers/transfers-dock.tsx';
import { TransfersSummary } from '../transfers/transfers-summary.tsx';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';
import { FileInfoDialog } from './file-info-dialog.tsx';
import { PreviewDialog } from '../preview/preview-dialog.tsx';
import { FileList } from './file-list.tsx';
import { NameDialog } from './name-dialog.tsx';
import { NavigationButtons } from './navigation-buttons.tsx';
import { ListPlaceholder } from './placeholders.tsx';
import { SearchBox } from './search-box.tsx';
import { useFileBrowserController } from './use-file-browser-controller.ts';
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
  const { navigation, searchRequest, folderName, dialog, transfers } = browser;
  const searching = searchRequest !== null;
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
          <TransfersSummary transfers={transfers.transfers} onOpen={browser.transfersPanel.toggle} />
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
      <div
        className={`browser-body${browser.drop.over && !searching ? ' drop-target' : ''}`}
        {...(searching ? {} : browser.drop.handlers)}
      >
        <FileList
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
          onSelect={(item) => browser.select(item.id)}
          onOpen={browser.open}
          onContextMenu={browser.openMenu}
          onCommand={browser.runCommand}
          placeholder={placeholder}
          drag={browser.drag}
          describe={
            searching
              ? (item) => (
                  <span className="item-location">
                    {t('browser.location', {
                      path:
                        (item as BoxSearchResult).path
                          .map((entry) => (entry.id === '0' ? t('browser.allFiles') : entry.name))
                          .join(' › ') || t('browser.allFiles'),
                    })}
                  </span>
                )
              : undefined
          }
        />
      </div>
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
      <Toasts toasts={browser.toasts} onDismiss={browser.dismissToast} />
    </section>
  );
}
