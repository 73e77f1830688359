import { useTranslation } from 'react-i18next';
import { useEffect, useLayoutEffect, useRef } from 'react';
import './context-menu.css';

export interface MenuAction {
  id: string;
  label: string;
  shortcut?: string;
  danger?: boolean;
  run: () => void;
}

/** A menu at the pointer (or the selected row): arrow keys move, Enter runs, Escape closes. */
export function ContextMenu({
  actions,
  position,
  onClose,
  label,
}: {
  actions: readonly MenuAction[];
  position: { x: number; y: number };
  onClose: () => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent): void => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('blur', onClose);
      returnTo?.focus();
    };
  }, [onClose]);

  const move = (step: number): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    items[(index + step + items.length) % items.length]?.focus();
  };

  // Keep the menu inside the window when opened near the right or bottom edge, measured before it paints.
  useLayoutEffect(() => {
    const element = menu.current;
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    element.style.left = `${Math.max(8, Math.min(position.x, window.innerWidth - width - 8))}px`;
    element.style.top = `${Math.max(8, Math.min(position.y, window.innerHeight - height - 8))}px`;
  }, [position]);

  return (
    <ul
      ref={menu}
      role="menu"
      aria-label={label ?? t('menu.itemActions')}
      className="context-menu"
      style={{ left: position.x, top: position.y }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') move(1);
        else if (event.key === 'ArrowUp') move(-1);
        else if (event.key === 'Escape' || event.key === 'Tab') onClose();
        else return;
        event.preventDefault();
      }}
    >
      {actions.map((action) => (
        <li
          key={action.id}
          role="menuitem"
          tabIndex={-1}
          className={action.danger ? 'danger' : undefined}
          onClick={() => {
            onClose();
            action.run();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onClose();
              action.run();
            }
          }}
        >
          <span>{action.label}</span>
          {action.shortcut && <kbd>{action.shortcut}</kbd>}
        </li>
      ))}
    </ul>
  );
}
