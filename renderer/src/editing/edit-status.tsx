import { useTranslation } from 'react-i18next';
import type { EditSnapshot } from '../../../common/editing.ts';
import { intlLocale } from '../i18n/i18n.ts';
import { errorText } from '../i18n/error-text.ts';

function savedTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(intlLocale(), {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** One line saying where an edit stands: "Saving…", "Saved to Box 10:42", "Waiting to save", read-only, conflict. */
export function EditStatus({ edit }: { edit: EditSnapshot }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (edit.state) {
      case 'saving':
        return t('editing.stateSaving');
      case 'waiting':
        return t('editing.stateWaiting');
      case 'read-only':
        return t('editing.stateReadOnly', { person: edit.lockedBy ?? '?' });
      case 'conflict':
        return t('editing.stateConflict');
      case 'saved':
        return edit.savedAt === undefined
          ? t('editing.stateEditing')
          : t('editing.stateSaved', { time: savedTime(edit.savedAt) });
      default:
        return t('editing.stateEditing');
    }
  })();
  return (
    <span
      className={`edit-status edit-status-${edit.state}`}
      data-testid="edit-status"
      title={edit.error && errorText(edit.error)}
    >
      {text}
    </span>
  );
}
