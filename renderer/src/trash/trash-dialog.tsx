import { errorText } from '../i18n/error-text.ts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxTrashedItem } from '../../../common/box-file-operations.ts';
import type { BoxPathEntry } from '../../../common/box-items.ts';
import { markedName } from '../../../common/item-names.ts';
import { formatCount, formatModified } from '../components/format.ts';
import { Modal } from '../components/modal.tsx';
import '../components/dialog-table.css';
import { FileIcon } from '../file-browser/file-icon.tsx';
import { NameDialog } from '../file-browser/name-dialog.tsx';
import { asAppError } from '../ipc/bridge.ts';
import { ConfirmPurgeDialog } from './confirm-purge-dialog.tsx';
import { RestoreFolderPicker } from './restore-folder-picker.tsx';
import { useTrash } from './use-trash.ts';
import './trash.css';

export interface TrashDialogProps {
  onClose: () => void;
  /** Something came back from the trash: the open folder may show it now. */
  onRestored: () => void;
  notify: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The Trash: what the user deleted (name, where from, when), each with Restore — back to its
 * folder, or to one the user chooses when that folder is gone — and Delete permanently, which asks first.
 */
export function TrashDialog({ onClose, onRestored, notify, onError }: TrashDialogProps) {
  const { t } = useTranslation();
  const trash = useTrash();
  const [confirming, setConfirming] = useState<BoxTrashedItem | null>(null);
  const [choosingFor, setChoosingFor] = useState<BoxTrashedItem | null>(null);
  const [renaming, setRenaming] = useState<{ item: BoxTrashedItem; folder?: BoxPathEntry } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  // A restored or deleted row takes its focused button with it: keep the focus in the dialog.
  useEffect(() => {
    if (
      confirming === null &&
      choosingFor === null &&
      renaming === null &&
      !closeButton.current?.closest('.modal')?.contains(document.activeElement)
    ) {
      closeButton.current?.focus();
    }
  }, [trash.state, confirming, choosingFor, renaming]);

  const announceRestored = (name: string, folder?: BoxPathEntry): void => {
    const where = folder?.name ?? undefined;
    notify(where ? t('trash.restored', { name, folder: where }) : t('trash.restoredElsewhere', { name }));
    onRestored();
  };

  const restore = async (item: BoxTrashedItem, folder?: BoxPathEntry): Promise<void> => {
    setBusyId(item.id);
    try {
      const outcome = await trash.restore(item, folder?.id);
      if ('needsFolder' in outcome) {
        setChoosingFor(item);
        return;
      }
      setChoosingFor(null);
      if ('nameTaken' in outcome) {
        setRenaming({ item, ...(folder === undefined ? {} : { folder }) });
        return;
      }
      announceRestored(item.name, folder ?? item.from ?? undefined);
    } catch (error) {
      onError(errorText(asAppError(error)));
    } finally {
      setBusyId(null);
    }
  };

  /** The name was taken: NameDialog shows a failure under its field, so this one throws. */
  const restoreAs = async (item: BoxTrashedItem, name: string, folder?: BoxPathEntry): Promise<void> => {
    await trash.restore(item, folder?.id, name);
    setRenaming(null);
    announceRestored(name, folder ?? item.from ?? undefined);
  };

  const purge = async (item: BoxTrashedItem): Promise<void> => {
    try {
      await trash.purge(item);
      setConfirming(null);
      notify(t('trash.purged', { name: item.name }));
    } catch (error) {
      onError(errorText(asAppError(error)));
    }
  };

  const { state } = trash;
  return (
    <>
      <Modal title={t('trash.title')} description={t('trash.description')} onCancel={onClose} className="wide">
        <div className="dialog-table-frame" data-testid="trash">
          {state.status === 'loading' && (
            <p className="dialog-table-note" aria-busy="true">
              {t('trash.loading')}
            </p>
          )}
          {state.status === 'failed' && (
            <div className="dialog-table-note" role="alert">
              <p>{state.message || t('trash.failed')}</p>
              <button type="button" className="button" onClick={trash.retry}>
                {t('trash.retry')}
              </button>
            </div>
          )}
          {state.status === 'ready' && state.items.length === 0 && (
            <p className="dialog-table-note">{t('trash.empty')}</p>
          )}
          {state.status === 'ready' && state.items.length > 0 && (
            <table className="dialog-table" aria-label={t('trash.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('trash.name')}</th>
                  <th scope="col">{t('trash.from')}</th>
                  <th scope="col">{t('trash.deleted')}</th>
                  <th scope="col" className="row-actions">
                    {t('trash.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((item) => (
                  <tr key={item.id} data-testid={`trash-row-${item.id}`}>
                    <td>
                      <span className="trash-name">
                        <FileIcon item={item} />
                        <span translate="no">{item.name}</span>
                      </span>
                    </td>
                    <td translate="no">{item.from?.name ?? t('trash.unknownFolder')}</td>
                    <td>{formatModified(item.trashedAt)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={t('trash.restoreLabel', { name: item.name })}
                        disabled={busyId === item.id}
                        onClick={() => void restore(item)}
                      >
                        {t('trash.restore')}
                      </button>
                      <button
                        type="button"
                        className="button trash-purge"
                        aria-label={t('trash.purgeLabel', { name: item.name })}
                        onClick={() => setConfirming(item)}
                      >
                        {t('trash.purge')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="modal-actions trash-footer">
          {state.status === 'ready' && (
            <span className="trash-count">
              {t('trash.count', { count: state.items.length, formatted: formatCount(state.items.length) })}
            </span>
          )}
          <button ref={closeButton} type="button" className="button primary" onClick={onClose}>
            {t('trash.close')}
          </button>
        </div>
      </Modal>
      {confirming && (
        <ConfirmPurgeDialog
          item={confirming}
          onConfirm={() => purge(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {choosingFor && (
        <RestoreFolderPicker
          name={choosingFor.name}
          onChoose={(folder) => restore(choosingFor, folder)}
          onCancel={() => setChoosingFor(null)}
        />
      )}
      {renaming && (
        <NameDialog
          title={t('trash.renameTitle', { name: renaming.item.name })}
          description={t('trash.renameDescription', {
            name: renaming.item.name,
            folder: renaming.folder?.name ?? renaming.item.from?.name ?? t('trash.unknownFolder'),
          })}
          confirmLabel={t('trash.restore')}
          initialName={markedName(renaming.item.name, t('trash.restoredSuffix'), renaming.item.type)}
          onSubmit={(name) => restoreAs(renaming.item, name, renaming.folder)}
          onCancel={() => setRenaming(null)}
        />
      )}
    </>
  );
}
