import { useEffect, useState } from 'react';
import type { BoxFileInfo, BoxItem } from '../../../common/box-items.ts';
import { invoke } from '../ipc/bridge.ts';
import { FileIcon } from './file-icon.tsx';
import { fileKind, kindLabels } from './file-kind.ts';
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
  const [info, setInfo] = useState<BoxFileInfo | null>(null);
  useEffect(() => {
    let current = true;
    invoke('box:getFileInfo', { fileId: item.id }).then(
      (value) => current && setInfo(value),
      (error: unknown) => {
        if (!current) return;
        onError(error instanceof Error ? error.message : 'The file’s details could not be loaded.');
        onClose();
      },
    );
    return () => {
      current = false;
    };
  }, [item.id, onClose, onError]);

  const rows: [string, string][] = [
    ['Kind', kindLabels[fileKind(item)]],
    ['Size', formatSize(info?.size ?? item.size)],
    ['Modified', formatModified(info?.modifiedAt ?? item.modifiedAt)],
    ['Location', info ? info.path.map((entry) => entry.name).join(' › ') : '…'],
    ['Owner', info?.ownedBy ?? '…'],
  ];
  return (
    <Modal title={item.name} onCancel={onClose}>
      <div className="file-info">
        <FileIcon item={item} withThumbnail />
        <dl>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
