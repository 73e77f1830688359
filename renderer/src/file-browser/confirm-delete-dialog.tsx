import { useState } from 'react';
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
  const [busy, setBusy] = useState(false);
  const description =
    item.type === 'folder'
      ? `“${item.name}” and everything in it will move to your Box trash.`
      : `“${item.name}” will move to your Box trash.`;
  return (
    <Modal
      title={item.type === 'folder' ? 'Delete this folder?' : 'Delete this file?'}
      description={description}
      onCancel={onCancel}
    >
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          Cancel
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
          Delete
        </button>
      </div>
    </Modal>
  );
}
