import { useEffect, useState } from 'react';
import type { BoxFileInfo, BoxItem } from '../../../common/box-items.ts';
import { invoke } from '../ipc/bridge.ts';
import { FileIcon } from './file-icon.tsx';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../common/app-error.ts';
import { errorText } from '../i18n/error-text.ts';
import { fileKind } from './file-kind.ts';
import { formatModified, formatSize } from '../components/format.ts';
import { Modal } from '../components/modal.tsx';

/** Details of one file; opening a file shows this until transfers can open it locally. */
export function FileInfoDialog({
  item,
  onClose,
  onError,
}: {
  item: BoxItem;
  onClose: () => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<BoxFileInfo | null>(null);
  useEffect(() => {
    let current = true;
    invoke('box:getFileInfo', { fileId: item.id }).then(
      (value) => current && setInfo(value),
      (error: unknown) => {
        if (!current) return;
        onError(error instanceof AppError ? errorText(error) : t('dialogs.detailsFailed'));
        onClose();
      },
    );
    return () => {
      current = false;
    };
  }, [item.id, onClose, onError, t]);

  // The third field: the value is the user's data (names), not the app's words.
  const rows: [string, string, boolean?][] = [
    [t('dialogs.kind'), t(`kinds.${fileKind(item)}`)],
    [t('dialogs.size'), formatSize(info?.size ?? item.size)],
    [t('dialogs.modified'), formatModified(info?.modifiedAt ?? item.modifiedAt)],
    [
      t('dialogs.location'),
      info
        ? info.path.map((entry) => (entry.id === '0' ? t('browser.allFiles') : entry.name)).join(' › ')
        : t('dialogs.pending'),
      info !== null,
    ],
    [t('dialogs.owner'), info?.ownedBy ?? t('dialogs.pending'), info !== null],
  ];
  return (
    <Modal title={<span translate="no">{item.name}</span>} onCancel={onClose}>
      <div className="file-info">
        <FileIcon item={item} withThumbnail />
        <dl>
          {rows.map(([label, value, data]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd translate={data ? 'no' : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={onClose}>
          {t('dialogs.close')}
        </button>
      </div>
    </Modal>
  );
}
