import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import { FileIcon } from './file-icon.tsx';
import { kindLabels, fileKind } from './file-kind.ts';
import { formatModified, formatSize } from '../components/format.ts';
import type { SortKey, SortOrder } from './sort-items.ts';
import type { ItemDrag } from './use-item-drag.ts';

export const rowHeight = 40;

/** Keys the list does not handle itself; the file browser's controller maps them to commands. */
export type ListCommand = 'up' | 'back' | 'forward' | 'rename' | 'delete' | 'menu';

export interface FileListProps {
  label: string;
  items: readonly BoxItem[];
  sort: SortOrder;
  onSortChange: (order: SortOrder) => void;
  selectedId: string | null;
  onSelect: (item: BoxItem) => void;
  onOpen: (item: BoxItem) => void;
  onContextMenu: (item: BoxItem | null, position: { x: number; y: number }) => void;
  onCommand: (command: ListCommand) => void;
  /** Shown in the body when there are no rows (loading, empty, error). */
  placeholder?: ReactNode;
  /** Extra text under the name, e.g. where a search result lives. */
  describe?: (item: BoxItem) => ReactNode;
  /** Drag to move: rows are sources, folder rows targets. */
  drag?: ItemDrag;
}

const columns: { key: SortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'modified', label: 'Modified', className: 'col-modified' },
  { key: 'size', label: 'Size', className: 'col-size' },
];

function commandFor(event: KeyboardEvent): ListCommand | null {
  if (event.key === 'Backspace' || (event.altKey && event.key === 'ArrowUp')) return 'up';
  if (event.altKey && event.key === 'ArrowLeft') return 'back';
  if (event.altKey && event.key === 'ArrowRight') return 'forward';
  if (event.key === 'F2') return 'rename';
  if (event.key === 'Delete') return 'delete';
  if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) return 'menu';
  return null;
}

/**
 * The folder's items as an accessible grid that renders only the rows in view (TanStack
 * Virtual), so 10,000 items cost the DOM a few dozen rows. Focus stays on the grid and the
 * selected row is its active descendant, which survives rows being recycled while scrolling.
 */
export function FileList(props: FileListProps) {
  const { items, selectedId, onSelect, onOpen, onCommand } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders through its own state; this component need not be memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const selectedIndex = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const moveTo = (index: number): void => {
    const item = items[Math.max(0, Math.min(items.length - 1, index))];
    if (item) onSelect(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const command = commandFor(event);
    if (command) {
      event.preventDefault();
      onCommand(command);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: Math.max(0, selectedIndex - 1),
      Home: 0,
      End: items.length - 1,
      PageDown: selectedIndex + page,
      PageUp: selectedIndex - page,
    };
    if (event.key in moves && !event.altKey) {
      event.preventDefault();
      moveTo(moves[event.key] ?? 0);
    } else if (event.key === 'Enter') {
      const item = items[selectedIndex];
      if (item) {
        event.preventDefault();
        onOpen(item);
      }
    }
  };

  const ariaSort = (key: SortKey) => (props.sort.key === key ? props.sort.direction : 'none');
  const toggleSort = (key: SortKey): void => {
    const direction = props.sort.key === key && props.sort.direction === 'ascending' ? 'descending' : 'ascending';
    props.onSortChange({ key, direction });
  };

  return (
    <div className="file-list" role="grid" aria-label={props.label} aria-rowcount={items.length + 1} aria-colcount={3}>
      <div className="file-list-header" role="rowgroup">
        <div role="row" aria-rowindex={1} className="file-row header-row">
          {columns.map((column) => (
            <div key={column.key} role="columnheader" aria-sort={ariaSort(column.key)} className={column.className}>
              <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
                {column.label}
                <span className="sort-arrow" aria-hidden="true">
                  {props.sort.key === column.key ? (props.sort.direction === 'ascending' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="file-list-body"
        role="rowgroup"
        tabIndex={0}
        data-testid="file-list-body"
        aria-activedescendant={selectedIndex >= 0 ? `row-${items[selectedIndex]?.id ?? ''}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (selectedIndex < 0) moveTo(0);
        }}
        onContextMenu={(event) => {
          if (event.target === event.currentTarget) {
            event.preventDefault();
            props.onContextMenu(null, { x: event.clientX, y: event.clientY });
          }
        }}
      >
        {items.length === 0 && props.placeholder}
        <div className="file-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            const selected = row.index === selectedIndex;
            return (
              <div
                key={row.key}
                id={`row-${item.id}`}
                role="row"
                aria-rowindex={row.index + 2}
                aria-selected={selected}
                data-item-type={item.type}
                className={`file-row${selected ? ' selected' : ''}${props.drag?.overId === item.id ? ' drop-into' : ''}`}
                style={{ transform: `translateY(${row.start}px)` }}
                {...props.drag?.source(item)}
                {...(item.type === 'folder' ? props.drag?.target(item) : {})}
                onClick={() => onSelect(item)}
                onDoubleClick={() => onOpen(item)}
                onContextMenu={(event) => {
                  event.preventDefault();
                  onSelect(item);
                  props.onContextMenu(item, { x: event.clientX, y: event.clientY });
                }}
              >
                <div role="gridcell" className="col-name">
                  <FileIcon item={item} withThumbnail />
                  <span className="name-text">
                    <span className="item-name" title={item.name}>
                      {item.name}
                    </span>
                    {props.describe?.(item)}
                  </span>
                  <span className="visually-hidden">, {kindLabels[fileKind(item)]}</span>
                </div>
                <div role="gridcell" className="col-modified">
                  {formatModified(item.modifiedAt)}
                </div>
                <div role="gridcell" className="col-size">
                  {item.type === 'folder' ? '—' : formatSize(item.size)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
