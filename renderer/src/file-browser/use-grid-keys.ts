import { useRef, type KeyboardEvent } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import type { SelectHow } from './use-selection.ts';

/** Keys the list does not handle itself; the file browser's controller maps them to commands. */
export type ListCommand = 'up' | 'back' | 'forward' | 'rename' | 'delete' | 'menu';

function commandFor(event: KeyboardEvent): ListCommand | null {
  if (event.key === 'Backspace' || (event.altKey && event.key === 'ArrowUp')) return 'up';
  if (event.altKey && event.key === 'ArrowLeft') return 'back';
  if (event.altKey && event.key === 'ArrowRight') return 'forward';
  if (event.key === 'F2') return 'rename';
  if (event.key === 'Delete') return 'delete';
  if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) return 'menu';
  return null;
}

/** Typed letters within this long of each other search as one word, as in a file manager. */
const typeAheadResetMs = 700;

/**
 * The grid's keyboard (WAI-ARIA grid pattern): arrows move one row, Page Up/Down a screenful,
 * Home/End (also with Ctrl) to the ends, each selecting the row it lands on, or with Shift the range
 * to it; Ctrl/Cmd+Space toggles the row, Ctrl/Cmd+A selects all, Escape none. Enter opens (Space
 * too, for a file), and typing selects the next item whose name starts with what was typed.
 */
export function useGridKeys(options: {
  items: readonly BoxItem[];
  selectedIndex: number;
  rowsPerPage: () => number;
  onSelect: (item: BoxItem, how?: SelectHow) => void;
  onSelectAll?: () => void;
  onClearSelection?: () => void;
  onOpen: (item: BoxItem) => void;
  onCommand: (command: ListCommand) => void;
}): (event: KeyboardEvent<HTMLElement>) => void {
  const typed = useRef({ text: '', at: 0 });
  const { items, selectedIndex } = options;

  const moveTo = (index: number, how: SelectHow = 'only'): void => {
    const item = items[Math.max(0, Math.min(items.length - 1, index))];
    if (item) options.onSelect(item, how);
  };

  const findByName = (key: string, now: number): void => {
    const fresh = now - typed.current.at > typeAheadResetMs;
    const text = (fresh ? '' : typed.current.text) + key.toLocaleLowerCase();
    typed.current = { text, at: now };
    // A repeated single letter cycles through the names starting with it.
    const cycling = text.length > 1 && [...text].every((letter) => letter === text[0]);
    const prefix = cycling ? text[0]! : text;
    const start = fresh || cycling ? selectedIndex + 1 : Math.max(0, selectedIndex);
    for (let offset = 0; offset < items.length; offset++) {
      const index = (start + offset) % items.length;
      if (items[index]?.name.toLocaleLowerCase().startsWith(prefix)) return moveTo(index);
    }
  };

  return (event) => {
    const command = commandFor(event);
    if (command) {
      event.preventDefault();
      options.onCommand(command);
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'a' && options.onSelectAll) {
      event.preventDefault();
      options.onSelectAll();
      return;
    }
    if (mod && event.key === ' ' && items[selectedIndex]) {
      event.preventDefault();
      options.onSelect(items[selectedIndex], 'toggle');
      return;
    }
    if (event.key === 'Escape' && options.onClearSelection) {
      options.onClearSelection();
      return;
    }
    if (event.altKey || event.metaKey) return;
    const page = options.rowsPerPage();
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: Math.max(0, selectedIndex - 1),
      Home: 0,
      End: items.length - 1,
      PageDown: selectedIndex + page,
      PageUp: Math.max(0, selectedIndex - page),
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      moveTo(move, event.shiftKey ? 'range' : 'only');
    } else if (event.key === 'Enter') {
      const item = items[selectedIndex];
      if (item) {
        event.preventDefault();
        options.onOpen(item);
      }
    } else if (event.key === ' ' && typed.current.text === '' && items[selectedIndex]?.type === 'file') {
      // Space previews a file, as in the OS's file managers (within a typed name it is part of the name).
      event.preventDefault();
      options.onOpen(items[selectedIndex]);
    } else if (event.key.length === 1 && !event.ctrlKey && (event.key !== ' ' || typed.current.text !== '')) {
      event.preventDefault();
      findByName(event.key, event.timeStamp || performance.now());
    }
  };
}
