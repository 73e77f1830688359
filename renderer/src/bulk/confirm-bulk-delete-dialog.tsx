import { useTranslation } from 'react-i18next';
import { Modal } from '../components/modal.tsx';
import { formatCount } from '../components/format.ts';

/** Deleting several items asks first, saying how many; Undo is offered right after. */
export function ConfirmBulkDeleteDialog({
  count,
  onConfirm,
  onCancel,
}: {
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('bulk.confirmDeleteTitle', { count, formatted: formatCount(count) })}
      description={t('bulk.confirmDeleteText')}
      onCancel={onCancel}
    >
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t('bulk.cancel')}
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {t('bulk.confirmDelete')}
        </button>
      </div>
    </Modal>
  );
}
