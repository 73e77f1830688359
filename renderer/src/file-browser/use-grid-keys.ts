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
 * The grid's keyboard (WAI-ARIA grid pattern): Up/Down move one row, Left/Right one cell within it
 * (when the list tracks a `column`, so a screen reader reads the date or size on its own), Page
 * Up/Down a screenful, Home/End (also with Ctrl) to the ends, each selecting the row it lands on, or
 * with Shift the range to it; Ctrl/Cmd+Space toggles the row, Ctrl/Cmd+A selects all, Escape none.
 * Enter opens, Space previews a file (even one the policy opens for editing: Space is a quick look), and typing selects the next item whose name starts with what was typed.
 */
export function useGridKeys(options: {
  items: readonly BoxItem[];
  selectedIndex: number;
  rowsPerPage: () => number;
  onSelect: (item: BoxItem, how?: SelectHow) => void;
  onSelectAll?: () => void;
  onClearSelection?: () => void;
  onOpen: (item: BoxItem) => void;
  /** Space on a file; Enter's open when not given. */
  onPreview?: (item: BoxItem) => void;
  onCommand: (command: ListCommand) => void;
  /** The focused cell's column and how many there are; Left/Right move it. */
  cells?: { column: number; count: number; onColumn: (column: number) => void };
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

  /** Whether a name is being typed: a letter came within the type-ahead pause (a Space then belongs to it). */
  const typingName = (event: KeyboardEvent): boolean =>
    typed.current.text !== '' && (event.timeStamp || performance.now()) - typed.current.at <= typeAheadResetMs;

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
    const cells = options.cells;
    // Moving ends a typed name: a Space after it previews again.
    if (move !== undefined || event.key === 'ArrowLeft' || event.key === 'ArrowRight')
      typed.current = { text: '', at: 0 };
    if (cells && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? 1 : -1;
      cells.onColumn(Math.max(0, Math.min(cells.count - 1, cells.column + step)));
      if (selectedIndex < 0) moveTo(0);
    } else if (move !== undefined) {
      event.preventDefault();
      moveTo(move, event.shiftKey ? 'range' : 'only');
    } else if (event.key === 'Enter') {
      const item = items[selectedIndex];
      if (item) {
        event.preventDefault();
        options.onOpen(item);
      }
    } else if (event.key === ' ' && !typingName(event) && items[selectedIndex]?.type === 'file') {
      // Space previews a file, as in the OS's file managers (within a typed name it is part of the name).
      event.preventDefault();
      (options.onPreview ?? options.onOpen)(items[selectedIndex]);
    } else if (event.key.length === 1 && !event.ctrlKey && (event.key !== ' ' || typingName(event))) {
      event.preventDefault();
      findByName(event.key, event.timeStamp || performance.now());
    }
  };
}
