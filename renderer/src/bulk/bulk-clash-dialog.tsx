import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkClashChoice, BulkNameClashQuestion } from '../../../common/bulk.ts';
import { formatCount } from '../components/format.ts';
import { Modal } from '../components/modal.tsx';

/**
 * A copy or download of several items met a name that is taken: keep both (a numbered name),
 * replace (downloads only: the local file), or skip; "apply to all" answers the rest of the run.
 * Escape skips: nothing is replaced without a deliberate choice.
 */
export function BulkClashDialog({
  question,
  onAnswer,
}: {
  question: BulkNameClashQuestion;
  onAnswer: (choice: BulkClashChoice, applyToAll: boolean) => void;
}) {
  const { t } = useTranslation();
  const [applyToAll, setApplyToAll] = useState(false);
  return (
    <Modal
      title={t('bulk.clashTitle', { name: question.name })}
      description={question.action === 'copy' ? t('bulk.clashCopy') : t('bulk.clashDownload')}
      onCancel={() => onAnswer('skip', false)}
    >
      <div className="name-clash-choices">
        <button
          type="button"
          className="button primary"
          data-autofocus
          onClick={() => onAnswer('keep-both', applyToAll)}
        >
          {t('bulk.keepBoth')}
        </button>
        {question.action === 'download' && (
          <button type="button" className="button" onClick={() => onAnswer('replace', applyToAll)}>
            {t('bulk.replace')}
          </button>
        )}
        <button type="button" className="button" onClick={() => onAnswer('skip', applyToAll)}>
          {t('bulk.skip')}
        </button>
      </div>
      {question.othersInBatch > 0 && (
        <label className="name-clash-apply-all">
          <input type="checkbox" checked={applyToAll} onChange={(event) => setApplyToAll(event.target.checked)} />
          {t('bulk.applyToAll', { count: question.othersInBatch, formatted: formatCount(question.othersInBatch) })}
        </label>
      )}
    </Modal>
  );
}
