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
  const [applyToAll, setApplyToAll] = useState(false);
  const upload = question.direction === 'upload';
  return (
    <Modal
      title={`“${question.name}” already exists`}
      description={
        upload
          ? 'A file with this name is already in this Box folder.'
          : 'A file with this name is already in the folder you chose.'
      }
      onCancel={() => onAnswer('skip', false)}
    >
      <div className="name-clash-choices">
        <button
          type="button"
          className="button primary"
          data-autofocus
          onClick={() => onAnswer('keep-both', applyToAll)}
        >
          Keep both
        </button>
        <button type="button" className="button" onClick={() => onAnswer('replace', applyToAll)}>
          {upload ? 'Upload as new version' : 'Replace'}
        </button>
        <button type="button" className="button" onClick={() => onAnswer('skip', applyToAll)}>
          Skip
        </button>
      </div>
      {question.othersInBatch > 0 && (
        <label className="name-clash-apply-all">
          <input type="checkbox" checked={applyToAll} onChange={(event) => setApplyToAll(event.target.checked)} />
          Do this for the other {question.othersInBatch} {question.othersInBatch === 1 ? 'file' : 'files'}
        </label>
      )}
    </Modal>
  );
}
