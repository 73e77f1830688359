import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxTrashedItem } from '../../../common/box-file-operations.ts';
import { Modal } from '../components/modal.tsx';

/** "Delete permanently" cannot be undone, so it asks first, with Cancel focused. */
export function ConfirmPurgeDialog({
  item,
  onConfirm,
  onCancel,
}: {
  item: BoxTrashedItem;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={t('trash.confirmTitle')}
      description={t(item.type === 'folder' ? 'trash.confirmFolder' : 'trash.confirmFile', { name: item.name })}
      onCancel={onCancel}
    >
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t('trash.cancel')}
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
          {t('trash.confirm')}
        </button>
      </div>
    </Modal>
  );
}
