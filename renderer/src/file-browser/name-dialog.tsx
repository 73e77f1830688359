import { useId, useState, type FormEvent } from 'react';
import { brokenBoxNameRule, maxBoxNameLength } from '../../../common/box-name-rules.ts';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text.ts';
import { AppError } from '../../../common/app-error.ts';
import { Modal } from '../components/modal.tsx';

export interface NameDialogProps {
  title: string;
  /** Why a name is asked for, when the title alone does not say (e.g. the old one is taken). */
  description?: string;
  confirmLabel: string;
  initialName: string;
  /** Resolves when done; rejects with a message to show under the field (e.g. the name is taken). */
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}

/** Asks for a name and checks it the way Box does before sending it. */
export function NameDialog(props: NameDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initialName);
  const [touched, setTouched] = useState(false);
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const broken = brokenBoxNameRule(name);
  const problem =
    serverProblem ?? (touched && broken !== null ? t(`nameRules.${broken}`, { max: maxBoxNameLength }) : null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched(true);
    if (broken !== null || busy) return;
    setBusy(true);
    try {
      await props.onSubmit(name);
    } catch (error) {
      setServerProblem(error instanceof AppError ? errorText(error) : t('dialogs.retryLater'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={props.title} description={props.description} onCancel={props.onCancel}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label className="field-label" htmlFor={`${errorId}-input`}>
          {t('dialogs.name')}
        </label>
        <input
          id={`${errorId}-input`}
          className="text-field"
          value={name}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => {
            // Select the name without its extension, as file managers do on rename.
            const dot = event.target.value.lastIndexOf('.');
            event.target.setSelectionRange(0, dot > 0 ? dot : event.target.value.length);
          }}
          onChange={(event) => {
            setName(event.target.value);
            setTouched(true);
            setServerProblem(null);
          }}
        />
        <p id={errorId} className="field-error" role={problem !== null ? 'alert' : undefined}>
          {problem}
        </p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={props.onCancel}>
            {t('dialogs.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || (touched && broken !== null)}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
