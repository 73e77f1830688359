import { useTranslation } from 'react-i18next';
import type { EditSnapshot } from '../../../common/editing.ts';
import { EditStatus } from './edit-status.tsx';
import './editing.css';

/** The "Editing" list: every file open for editing, where its saves stand, and Close (which unlocks it on Box). */
export function EditingList({ edits, onClose }: { edits: EditSnapshot[]; onClose: (fileId: string) => void }) {
  const { t } = useTranslation();
  if (edits.length === 0) return null;
  return (
    <section className="editing-list" aria-labelledby="editing-list-title">
      <h2 id="editing-list-title">{t('editing.listTitle')}</h2>
      <ul>
        {edits.map((edit) => (
          <li key={edit.fileId}>
            <span className="editing-name" translate="no">
              {edit.name}
            </span>
            <EditStatus edit={edit} />
            <button
              type="button"
              className="button"
              aria-label={t('editing.closeLabel', { name: edit.name })}
              disabled={edit.pendingSave}
              onClick={() => onClose(edit.fileId)}
            >
              {t('editing.close')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
