import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxItem } from '../../../common/box-items.ts';
import { FileIcon } from './file-icon.tsx';
import { fileKind } from './file-kind.ts';
import { formatModified, formatSize } from '../components/format.ts';
import type { SortKey, SortOrder } from './sort-items.ts';
import type { ItemDrag } from './use-item-drag.ts';
import { useGridKeys, type ListCommand } from './use-grid-keys.ts';
import type { SelectHow } from './use-selection.ts';

export const rowHeight = 40;
/** The sticky column header's height (file-browser.css .header-row): rows start below it. */
const headerHeight = 34;

export type { ListCommand } from './use-grid-keys.ts';

export interface FileListProps {
  label: string;
  items: readonly BoxItem[];
  sort: SortOrder;
  onSortChange: (order: SortOrder) => void;
  /** The row the keyboard is on. */
  selectedId: string | null;
  /** A click or key on a row: select it alone, toggle it (Ctrl/Cmd), or the range to it (Shift). */
  onSelect: (item: BoxItem, how?: SelectHow) => void;
  /** Multi-selection (aria-multiselectable): which rows are selected; without it, the keyboard's row is. */
  isSelected?: (id: string) => boolean;
  onSelectAll?: () => void;
  onClearSelection?: () => void;
  onOpen: (item: BoxItem) => void;
  /** Space on a file: the viewer, even for a type that opens for editing. */
  onPreview?: (item: BoxItem) => void;
  onContextMenu: (item: BoxItem | null, position: { x: number; y: number }) => void;
  onCommand: (command: ListCommand) => void;
  /** Shown in the body when there are no rows (loading, empty, error). */
  placeholder?: ReactNode;
  /** Extra text under the name, e.g. where a search result lives. */
  describe?: (item: BoxItem) => ReactNode;
  /** Drag to move: rows are sources, folder rows targets. */
  drag?: ItemDrag;
}

const columns: { key: SortKey; label: 'list.name' | 'list.modified' | 'list.size'; className: string }[] = [
  { key: 'name', label: 'list.name', className: 'col-name' },
  { key: 'modified', label: 'list.modified', className: 'col-modified' },
  { key: 'size', label: 'list.size', className: 'col-size' },
];

/**
 * The folder's items as a WAI-ARIA grid that renders only the rows in view (TanStack Virtual),
 * so 10,000 items cost the DOM a few dozen rows. The scrolling element is the grid itself: it
 * holds focus and points at the selected row with aria-activedescendant (which survives rows
 * being recycled while scrolling), and its column header sticks to the top. The placeholder
 * (loading, empty, error) is a sibling over the body: a grid may hold only rows.
 */
export function FileList(props: FileListProps) {
  const { items, selectedId, onSelect, onOpen, onCommand } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sizerRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders through its own state; this component need not be memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Rows start below the sticky header, and a row scrolled into view must not hide under it.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const selectedIndex = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId);
  // The focused cell within the selected row: the name unless Left/Right moved it.
  const [column, setColumn] = useState(0);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = useGridKeys({
    items,
    selectedIndex,
    rowsPerPage: () =>
      Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? rowHeight * 10) - headerHeight) / rowHeight) - 1),
    onSelect,
    onOpen,
    ...(props.onPreview ? { onPreview: props.onPreview } : {}),
    onCommand,
    ...(props.onSelectAll ? { onSelectAll: props.onSelectAll } : {}),
    ...(props.onClearSelection ? { onClearSelection: props.onClearSelection } : {}),
    cells: { column, count: columns.length, onColumn: setColumn },
  });
  const cellId = (item: BoxItem, index: number) => `cell-${item.id}-${index}`;

  const ariaSort = (key: SortKey) => (props.sort.key === key ? props.sort.direction : 'none');
  const toggleSort = (key: SortKey): void => {
    const direction = props.sort.key === key && props.sort.direction === 'ascending' ? 'descending' : 'ascending';
    props.onSortChange({ key, direction });
  };

  const activeRow = items[selectedIndex];
  return (
    <div className="file-list">
      <div
        ref={scrollRef}
        className="file-list-body"
        role="grid"
        aria-label={props.label}
        aria-rowcount={items.length + 1}
        aria-colcount={3}
        aria-multiselectable={props.isSelected ? true : undefined}
        tabIndex={0}
        data-testid="file-list-body"
        aria-activedescendant={activeRow ? cellId(activeRow, column) : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget && selectedIndex < 0 && items[0]) onSelect(items[0]);
        }}
        onContextMenu={(event) => {
          if (event.target === event.currentTarget || event.target === sizerRef.current) {
            event.preventDefault();
            props.onContextMenu(null, { x: event.clientX, y: event.clientY });
          }
        }}
      >
        <div className="file-list-header" role="rowgroup">
          <div role="row" aria-rowindex={1} className="file-row header-row">
            {columns.map((column) => (
              <div key={column.key} role="columnheader" aria-sort={ariaSort(column.key)} className={column.className}>
                <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
                  {t(column.label)}
                  <span className="sort-arrow" aria-hidden="true">
                    {props.sort.key === column.key ? (props.sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div ref={sizerRef} className="file-list-sizer" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            const active = row.index === selectedIndex;
            const selected = props.isSelected ? props.isSelected(item.id) : active;
            return (
              <div
                key={row.key}
                id={`row-${item.id}`}
                role="row"
                aria-rowindex={row.index + 2}
                aria-selected={selected}
                data-item-type={item.type}
                className={`file-row${selected ? ' selected' : ''}${active ? ' active' : ''}${props.drag?.overId === item.id ? ' drop-into' : ''}`}
                style={{ transform: `translateY(${row.start - headerHeight}px)` }}
                {...props.drag?.source(item)}
                {...(item.type === 'folder' ? props.drag?.target(item) : {})}
                onClick={(event) =>
                  onSelect(item, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only')
                }
                onDoubleClick={() => onOpen(item)}
                onContextMenu={(event) => {
                  event.preventDefault();
                  // The menu acts on the selection when the row is part of it.
                  if (!selected) onSelect(item);
                  props.onContextMenu(item, { x: event.clientX, y: event.clientY });
                }}
              >
                <div
                  role="gridcell"
                  id={cellId(item, 0)}
                  className={`col-name${selected && column === 0 ? ' active-cell' : ''}`}
                >
                  <FileIcon item={item} withThumbnail />
                  <span className="name-text">
                    <span className="item-name" title={item.name} translate="no">
                      {item.name}
                    </span>
                    {props.describe?.(item)}
                  </span>
                  <span className="visually-hidden">, {t(`kinds.${fileKind(item)}`)}</span>
                </div>
                <div
                  role="gridcell"
                  id={cellId(item, 1)}
                  className={`col-modified${selected && column === 1 ? ' active-cell' : ''}`}
                >
                  {formatModified(item.modifiedAt)}
                </div>
                <div
                  role="gridcell"
                  id={cellId(item, 2)}
                  className={`col-size${selected && column === 2 ? ' active-cell' : ''}`}
                >
                  {item.type === 'folder' ? t('format.none') : formatSize(item.size)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {items.length === 0 && <div className="file-list-placeholder">{props.placeholder}</div>}
    </div>
  );
}
