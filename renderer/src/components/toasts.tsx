import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons.tsx';
import './toasts.css';

export interface Toast {
  id: number;
  tone: 'error' | 'success';
  message: string;
  /** One thing to do about it, such as Undo; the toast then stays longer. */
  action?: { label: string; run: () => void };
}

/** Transient messages: errors say what happened and what to do; they stay until read or dismissed. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const show = useCallback((tone: Toast['tone'], message: string, action?: Toast['action']) => {
    const id = nextId.current++;
    // The same error twice (a retried action) shows once, and only the latest success is kept:
    // confirmations are glanced at, errors must stay until read.
    setToasts((list) =>
      [
        ...list.filter((toast) => toast.message !== message && (tone === 'error' || toast.tone === 'error')),
        { id, tone, message, ...(action ? { action } : {}) },
      ].slice(-4),
    );
  }, []);
  return { toasts, show, dismiss };
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    // Success fades quickly; an error stays long enough to read its advice.
    // One with an action (Undo) stays long enough to reach it by keyboard, as do errors.
    const timer = setTimeout(
      () => onDismiss(toast.id),
      toast.action ? 30_000 : toast.tone === 'success' ? 4000 : 12000,
    );
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    // Errors interrupt (alert); a confirmation is read when the user pauses, through the list's live region.
    <div className={`toast ${toast.tone}`} role={toast.tone === 'error' ? 'alert' : undefined}>
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button toast-action"
          onClick={() => {
            toast.action?.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('browser.dismiss')}
        onClick={() => onDismiss(toast.id)}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}

export function Toasts({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  return (
    // A polite live region that is always there, so a confirmation added to it is read out.
    <div className="toasts" role="status">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
