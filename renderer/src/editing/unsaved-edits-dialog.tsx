import { useTranslation } from 'react-i18next';
import { Modal } from '../components/modal.tsx';

/** Asked before signing out while saves have not reached Box: they are kept, and saved at the next sign-in. */
export function UnsavedEditsDialog(props: { count: number; onSignOut: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('editing.signOutTitle')}
      description={t('editing.signOutBody', { count: props.count })}
      onCancel={props.onCancel}
    >
      <div className="modal-actions">
        <button type="button" className="button" data-autofocus onClick={props.onCancel}>
          {t('editing.staySignedIn')}
        </button>
        <button type="button" className="button danger" onClick={props.onSignOut}>
          {t('editing.signOutAnyway')}
        </button>
      </div>
    </Modal>
  );
}
