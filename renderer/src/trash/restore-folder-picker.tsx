import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxPathEntry } from '../../../common/box-items.ts';
import { Modal } from '../components/modal.tsx';
import { FileIcon } from '../file-browser/file-icon.tsx';
import { invoke } from '../ipc/bridge.ts';

type Folders = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; folders: BoxPathEntry[] };

/**
 * Where to restore an item whose folder is gone: the user walks their folders from All Files
 * (one level at a time, folders only) and restores into the one shown.
 */
export function RestoreFolderPicker({
  name,
  onChoose,
  onCancel,
}: {
  name: string;
  onChoose: (folder: BoxPathEntry) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const root = { id: '0', name: 'All Files' };
  const [trail, setTrail] = useState<BoxPathEntry[]>([root]);
  const [folders, setFolders] = useState<Folders>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const here = trail.at(-1) ?? root;
  const parent = trail.at(-2);
  const go = (next: BoxPathEntry[]): void => {
    setFolders({ status: 'loading' });
    setTrail(next);
  };

  useEffect(() => {
    let live = true;
    const load = async (): Promise<BoxPathEntry[]> => {
      const found: BoxPathEntry[] = [];
      let marker: string | undefined;
      do {
        const page = await invoke('box:listFolder', { folderId: here.id, ...(marker ? { marker } : {}) });
        found.push(...page.items.filter((item) => item.type === 'folder').map(({ id, name }) => ({ id, name })));
        marker = page.nextMarker ?? undefined;
      } while (marker);
      return found.sort((a, b) => a.name.localeCompare(b.name));
    };
    load().then(
      (list) => live && setFolders({ status: 'ready', folders: list }),
      () => live && setFolders({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [here.id]);

  return (
    <Modal title={t('restorePicker.title', { name })} description={t('restorePicker.description')} onCancel={onCancel}>
      <div className="folder-picker">
        {parent && (
          <button type="button" className="button subtle folder-picker-up" onClick={() => go(trail.slice(0, -1))}>
            ← {t('restorePicker.up', { folder: parent.name })}
          </button>
        )}
        <ul className="folder-picker-list" aria-label={t('restorePicker.foldersLabel', { folder: here.name })}>
          {folders.status === 'loading' && <li className="folder-picker-note">{t('restorePicker.loading')}</li>}
          {folders.status === 'failed' && (
            <li className="folder-picker-note" role="alert">
              {t('restorePicker.failed')}
            </li>
          )}
          {folders.status === 'ready' && folders.folders.length === 0 && (
            <li className="folder-picker-note">{t('restorePicker.noFolders')}</li>
          )}
          {folders.status === 'ready' &&
            folders.folders.map((folder) => (
              <li key={folder.id}>
                <button type="button" className="folder-picker-item" onClick={() => go([...trail, folder])}>
                  <FileIcon item={{ ...folder, type: 'folder', size: null, modifiedAt: null, extension: '' }} />
                  <span>{folder.name}</span>
                </button>
              </li>
            ))}
        </ul>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('restorePicker.cancel')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onChoose(here).finally(() => setBusy(false));
          }}
        >
          {t('restorePicker.restoreHere', { folder: here.name })}
        </button>
      </div>
    </Modal>
  );
}
