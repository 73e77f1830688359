import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxItem, BoxPathEntry } from '../../../common/box-items.ts';
import { Icon } from '../components/icons.tsx';
import { Modal } from '../components/modal.tsx';
import { formatCount } from '../components/format.ts';
import { FileIcon } from '../file-browser/file-icon.tsx';
import { invoke } from '../ipc/bridge.ts';

type Folders = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; folders: BoxItem[] };

/** The sub-folders of one folder, every page (a 10,000-item folder is ten calls, its files left out). */
async function listFolders(folderId: string): Promise<BoxItem[]> {
  const folders: BoxItem[] = [];
  let marker: string | undefined;
  do {
    const page = await invoke('box:listFolder', { folderId, ...(marker === undefined ? {} : { marker }) });
    folders.push(...page.items.filter((item) => item.type === 'folder'));
    marker = page.nextMarker ?? undefined;
  } while (marker !== undefined);
  return folders.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Where a move or copy goes: starts in All Files, opens a folder with a click, goes back up
 * through the trail, and confirms the folder shown. A folder being moved cannot be opened (Box
 * refuses a folder inside itself), and moving into the folder the items are in is not offered.
 */
export function FolderPickerDialog({
  action,
  count,
  excludedIds,
  sourceFolderId,
  onPick,
  onCancel,
}: {
  action: 'move' | 'copy';
  count: number;
  /** The selected items: a folder among them cannot be a destination. */
  excludedIds: ReadonlySet<string>;
  /** Where the items are now (null for search results from several folders). */
  sourceFolderId: string | null;
  onPick: (folder: BoxPathEntry) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [trail, setTrail] = useState<BoxPathEntry[]>([{ id: '0', name: t('bulk.allFiles') }]);
  const here = trail.at(-1)!;
  // Which folder's answer this is: another folder's is still loading.
  const [answer, setAnswer] = useState<{ folderId: string; folders: Folders } | null>(null);
  const folders: Folders = answer?.folderId === here.id ? answer.folders : { state: 'loading' };

  useEffect(() => {
    let current = true;
    listFolders(here.id).then(
      (list) => current && setAnswer({ folderId: here.id, folders: { state: 'ready', folders: list } }),
      () => current && setAnswer({ folderId: here.id, folders: { state: 'failed' } }),
    );
    return () => {
      current = false;
    };
  }, [here.id]);

  const counted = { count, formatted: formatCount(count) };
  const parent = trail.at(-2);
  const canPick = !(action === 'move' && here.id === sourceFolderId) && !excludedIds.has(here.id);
  return (
    <Modal
      title={action === 'move' ? t('bulk.pickerMoveTitle', counted) : t('bulk.pickerCopyTitle', counted)}
      onCancel={onCancel}
    >
      <div className="folder-picker" data-testid="folder-picker">
        <div className="folder-picker-here">
          {parent && (
            <button
              type="button"
              className="icon-button"
              aria-label={t('bulk.pickerUp', { folder: parent.name })}
              onClick={() => setTrail((current) => current.slice(0, -1))}
            >
              <Icon name="up" />
            </button>
          )}
          <span className="folder-picker-path" translate="no">
            {trail.map((entry) => entry.name).join(' › ')}
          </span>
        </div>
        <ul className="folder-picker-list" aria-label={t('bulk.pickerFolders', { folder: here.name })}>
          {folders.state === 'loading' && <li className="folder-picker-note">{t('bulk.pickerLoading')}</li>}
          {folders.state === 'failed' && <li className="folder-picker-note">{t('bulk.pickerFailed')}</li>}
          {folders.state === 'ready' && folders.folders.length === 0 && (
            <li className="folder-picker-note">{t('bulk.pickerNoFolders')}</li>
          )}
          {folders.state === 'ready' &&
            folders.folders.map((folder) => (
              <li key={folder.id}>
                <button
                  type="button"
                  className="folder-picker-folder"
                  disabled={excludedIds.has(folder.id)}
                  onClick={() => setTrail((current) => [...current, { id: folder.id, name: folder.name }])}
                >
                  <FileIcon item={folder} />
                  <span translate="no">{folder.name}</span>
                </button>
              </li>
            ))}
        </ul>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('bulk.cancel')}
        </button>
        <button type="button" className="button primary" disabled={!canPick} onClick={() => onPick(here)}>
          {action === 'move' ? t('bulk.moveHere') : t('bulk.copyHere')}
        </button>
      </div>
    </Modal>
  );
}
