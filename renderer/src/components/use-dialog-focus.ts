import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const focusableSelector =
  'input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog's focus (WAI-ARIA dialog pattern): on open, focus moves inside (to
 * `[data-autofocus]`, else the first control, or `initial` when given); Tab and Shift+Tab wrap
 * within it; on close, focus returns to what had it before. Returns the keydown handler that
 * keeps Tab inside, for the dialog's element.
 */
export function useDialogFocus(
  dialog: RefObject<HTMLElement | null>,
  initial?: RefObject<HTMLElement | null>,
): (event: KeyboardEvent) => void {
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      initial?.current ??
      dialog.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.current?.querySelector<HTMLElement>(focusableSelector);
    first?.focus();
    return () => {
      // The element that opened the dialog may be gone (a row deleted): then the page decides.
      if (returnTo.current?.isConnected) returnTo.current.focus();
    };
    // Once per opening: the refs are stable.
  }, [dialog, initial]);

  return (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>(focusableSelector) ?? [])].filter(
      (element) => element.offsetParent !== null || element === document.activeElement,
    );
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable.at(-1)!;
    const inside = dialog.current?.contains(document.activeElement) ?? false;
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };
}
