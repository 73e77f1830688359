import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import { FileIcon } from './file-icon.tsx';
import { fileKind } from './file-kind.ts';
import type { FileListProps } from './file-list.tsx';
import { useGridKeys } from './use-grid-keys.ts';

const tileWidth = 152;
const tileHeight = 164;

/**
 * The folder's items as tiles with large thumbnails, for folders of photos and documents: the same
 * WAI-ARIA grid as the list (focus on the grid, aria-activedescendant on the selected tile, Enter or
 * Space opens, typing finds by name, the list's commands), with rows of tiles: ←/→ move one tile,
 * ↑/↓ one row. Rows are virtualized like the list's, so a folder of 10,000 draws a few dozen tiles.
 */
export function FileGrid(props: FileListProps) {
  const { items, selectedId, onSelect, onOpen, onCommand } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(4);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setColumns(Math.max(1, Math.floor((element.clientWidth - 24) / tileWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const rowCount = Math.ceil(items.length / columns);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => tileHeight,
    overscan: 3,
    paddingStart: 12,
  });
  const selectedIndex = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(Math.floor(selectedIndex / columns), { align: 'auto' });
  }, [selectedIndex, columns, virtualizer]);

  const listKeys = useGridKeys({
    items,
    selectedIndex,
    rowsPerPage: () =>
      columns * Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? tileHeight * 3) / tileHeight)),
    onSelect,
    onOpen,
    ...(props.onPreview ? { onPreview: props.onPreview } : {}),
    onCommand,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns }[event.key];
    if (step === undefined || event.altKey || event.metaKey) return listKeys(event);
    event.preventDefault();
    const target = selectedIndex < 0 ? 0 : selectedIndex + step;
    const item = items[Math.max(0, Math.min(items.length - 1, target))];
    if (item) onSelect(item);
  };

  const activeTile = items[selectedIndex];
  return (
    <div className="file-list file-grid">
      <div
        ref={scrollRef}
        className="file-list-body"
        role="grid"
        aria-label={props.label}
        aria-rowcount={rowCount}
        aria-colcount={columns}
        tabIndex={0}
        data-testid="file-list-body"
        data-view="grid"
        aria-activedescendant={activeTile ? `tile-${activeTile.id}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget && selectedIndex < 0 && items[0]) onSelect(items[0]);
        }}
        onContextMenu={(event) => {
          if (event.target === event.currentTarget) {
            event.preventDefault();
            props.onContextMenu(null, { x: event.clientX, y: event.clientY });
          }
        }}
      >
        <div className="file-grid-sizer" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.key}
              role="row"
              aria-rowindex={row.index + 1}
              className="file-tile-row"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {items.slice(row.index * columns, row.index * columns + columns).map((item, column) => (
                <Tile key={item.id} item={item} column={column} selected={item.id === selectedId} props={props} />
              ))}
            </div>
          ))}
        </div>
      </div>
      {items.length === 0 && <div className="file-list-placeholder file-grid-placeholder">{props.placeholder}</div>}
    </div>
  );
}

function Tile({
  item,
  column,
  selected,
  props,
}: {
  item: BoxItem;
  column: number;
  selected: boolean;
  props: FileListProps;
}) {
  const { t } = useTranslation();
  return (
    <div
      id={`tile-${item.id}`}
      role="gridcell"
      aria-colindex={column + 1}
      aria-selected={selected}
      data-item-type={item.type}
      className={`file-tile${selected ? ' selected' : ''}${props.drag?.overId === item.id ? ' drop-into' : ''}`}
      {...props.drag?.source(item)}
      {...(item.type === 'folder' ? props.drag?.target(item) : {})}
      onClick={() => props.onSelect(item)}
      onDoubleClick={() => props.onOpen(item)}
      onContextMenu={(event) => {
        event.preventDefault();
        props.onSelect(item);
        props.onContextMenu(item, { x: event.clientX, y: event.clientY });
      }}
    >
      <FileIcon item={item} withThumbnail />
      <span className="file-tile-name" title={item.name} translate="no">
        {item.name}
      </span>
      <span className="visually-hidden">, {t(`kinds.${fileKind(item)}`)}</span>
      {props.describe?.(item)}
    </div>
  );
}
