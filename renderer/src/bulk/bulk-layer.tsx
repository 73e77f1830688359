import type { BulkActions } from './use-bulk-actions.ts';
import { BulkClashDialog } from './bulk-clash-dialog.tsx';
import { BulkRunsPanel } from './bulk-runs-panel.tsx';
import { ConfirmBulkDeleteDialog } from './confirm-bulk-delete-dialog.tsx';
import { FolderPickerDialog } from './folder-picker-dialog.tsx';

/** The bulk actions' dialogs (confirm delete, folder picker, name clash) and their runs' progress. */
export function BulkLayer({ bulk }: { bulk: BulkActions }) {
  const { dialog } = bulk;
  return (
    <>
      <BulkRunsPanel runs={bulk.runs} />
      {dialog?.kind === 'delete' && (
        <ConfirmBulkDeleteDialog
          count={dialog.items.length}
          onConfirm={() => bulk.remove(dialog.items)}
          onCancel={bulk.close}
        />
      )}
      {(dialog?.kind === 'move' || dialog?.kind === 'copy') && (
        <FolderPickerDialog
          action={dialog.kind}
          count={dialog.items.length}
          excludedIds={new Set(dialog.items.filter((item) => item.type === 'folder').map((item) => item.id))}
          sourceFolderId={bulk.folderId}
          onPick={(target) =>
            dialog.kind === 'move' ? bulk.moveTo(dialog.items, target) : bulk.copyTo(dialog.items, target)
          }
          onCancel={bulk.close}
        />
      )}
      {bulk.clashes.current && (
        <BulkClashDialog
          key={bulk.clashes.current.questionId}
          question={bulk.clashes.current}
          onAnswer={(choice, applyToAll) => void bulk.clashes.answer(choice, applyToAll)}
        />
      )}
    </>
  );
}
