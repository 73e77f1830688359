import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxItem } from '../../../common/box-items.ts';
import { Modal } from '../components/modal.tsx';

/** Deleting is the one action that asks first; a folder goes with everything inside it. */
export function ConfirmDeleteDialog({
  item,
  onConfirm,
  onCancel,
}: {
  item: BoxItem;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const folder = item.type === 'folder';
  const description = t(folder ? 'dialogs.deleteFolderText' : 'dialogs.deleteFileText', { name: item.name });
  return (
    <Modal
      title={t(folder ? 'dialogs.deleteFolder' : 'dialogs.deleteFile')}
      description={description}
      onCancel={onCancel}
    >
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t('dialogs.cancel')}
        </button>
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => setBusy(false));
          }}
        >
          {t('dialogs.delete')}
        </button>
      </div>
    </Modal>
  );
}
