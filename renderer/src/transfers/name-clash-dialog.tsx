import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { NameClashChoice, NameClashQuestion } from '../../../common/transfers.ts';
import { Modal } from '../components/modal.tsx';

export interface NameClashDialogProps {
  question: NameClashQuestion;
  onAnswer: (choice: NameClashChoice, applyToAll: boolean) => void;
}

/**
 * Asks what to do when a name is taken: keep both (a numbered copy), replace (a new version in
 * Box, or overwrite the local file), or skip; "apply to all" answers the rest of the batch.
 * Escape skips: nothing is ever replaced without a deliberate choice.
 */
export function NameClashDialog({ question, onAnswer }: NameClashDialogProps) {
  const { t } = useTranslation();
  const [applyToAll, setApplyToAll] = useState(false);
  const upload = question.direction === 'upload';
  return (
    <Modal
      title={t('transfers.clash.title', { name: question.name })}
      description={t(upload ? 'transfers.clash.uploadText' : 'transfers.clash.downloadText')}
      onCancel={() => onAnswer('skip', false)}
    >
      <div className="name-clash-choices">
        <button
          type="button"
          className="button primary"
          data-autofocus
          onClick={() => onAnswer('keep-both', applyToAll)}
        >
          {t('transfers.clash.keepBoth')}
        </button>
        <button type="button" className="button" onClick={() => onAnswer('replace', applyToAll)}>
          {t(upload ? 'transfers.clash.newVersion' : 'transfers.clash.replace')}
        </button>
        <button type="button" className="button" onClick={() => onAnswer('skip', applyToAll)}>
          {t('transfers.clash.skip')}
        </button>
      </div>
      {question.othersInBatch > 0 && (
        <label className="name-clash-apply-all">
          <input type="checkbox" checked={applyToAll} onChange={(event) => setApplyToAll(event.target.checked)} />
          {t('transfers.clash.applyToAll', { count: question.othersInBatch })}
        </label>
      )}
    </Modal>
  );
}
