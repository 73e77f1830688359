import { useId, useRef, type ReactNode } from 'react';
import { useDialogFocus } from './use-dialog-focus.ts';
import './modal.css';

export interface ModalProps {
  /** Text, or an element when the title is the user's data (a file's name, marked translate="no"). */
  title: ReactNode;
  description?: ReactNode;
  onCancel: () => void;
  children: ReactNode;
  /** Extra classes for the panel (for example `wide` for a table). */
  className?: string;
}

/**
 * A modal dialog: labelled by its title, focus moved inside on open and returned on close,
 * Escape cancels, Tab stays within it.
 */
export function Modal({ title, description, onCancel, children, className }: ModalProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panel = useRef<HTMLDivElement>(null);

  const keepFocusInside = useDialogFocus(panel);

  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div
        ref={panel}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
          keepFocusInside(event);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {description && (
          <p id={descriptionId} className="modal-description">
            {description}
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
