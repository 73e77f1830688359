import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import { FileList, rowHeight, type ListCommand } from '../../../renderer/src/file-browser/file-list.tsx';
import { sortItems, type SortOrder } from '../../../renderer/src/file-browser/sort-items.ts';
import { giveListAViewport, listViewport } from './layout.ts';

function makeItems(count: number): BoxItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(1000 + index),
    type: index % 10 === 0 ? 'folder' : 'file',
    name: index % 10 === 0 ? `Folder ${index}` : `report-${index}.pdf`,
    size: index % 10 === 0 ? 0 : (index * 7919) % 100_000,
    modifiedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    extension: index % 10 === 0 ? '' : 'pdf',
  }));
}

/** The list with the state the screen keeps around it: sort order and selection. */
function ListWithState({
  items,
  onOpen,
  onCommand,
}: {
  items: BoxItem[];
  onOpen?: (item: BoxItem) => void;
  onCommand?: (command: ListCommand) => void;
}) {
  const [sort, setSort] = useState<SortOrder>({ key: 'name', direction: 'ascending' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <FileList
      label="Contents of Test"
      items={sortItems(items, sort)}
      sort={sort}
      onSortChange={setSort}
      selectedId={selectedId}
      onSelect={(item) => setSelectedId(item.id)}
      onOpen={onOpen ?? (() => undefined)}
      onContextMenu={() => undefined}
      onCommand={onCommand ?? (() => undefined)}
    />
  );
}

const bodyRows = () =>
  within(screen.getByTestId('file-list-body'))
    .queryAllByRole('row')
    .filter((row) => within(row).queryAllByRole('columnheader').length === 0);

describe('FileList', () => {
  beforeAll(giveListAViewport);

  it('renders only the rows in view for a 10,000-item folder, and announces the full count', () => {
    render(<ListWithState items={makeItems(10_000)} />);
    expect(screen.getByRole('grid', { name: 'Contents of Test' })).toHaveAttribute('aria-rowcount', '10001');
    const rendered = bodyRows().length;
    expect(rendered).toBeGreaterThanOrEqual(listViewport.height / rowHeight);
    expect(rendered).toBeLessThanOrEqual(40);
  });

  it('lists folders first, then sorts by the clicked column, toggling direction', async () => {
    const user = userEvent.setup();
    const items: BoxItem[] = [
      { id: '1', type: 'file', name: 'b.txt', size: 300, modifiedAt: '2026-01-03T00:00:00Z', extension: 'txt' },
      { id: '2', type: 'file', name: 'a.txt', size: 100, modifiedAt: '2026-01-02T00:00:00Z', extension: 'txt' },
      { id: '3', type: 'folder', name: 'z', size: 999_999, modifiedAt: '2026-01-01T00:00:00Z', extension: '' },
      { id: '4', type: 'file', name: 'file10.txt', size: 200, modifiedAt: '2026-01-04T00:00:00Z', extension: 'txt' },
      { id: '5', type: 'file', name: 'file9.txt', size: 50, modifiedAt: '2026-01-05T00:00:00Z', extension: 'txt' },
    ];
    render(<ListWithState items={items} />);
    const names = () =>
      bodyRows().map((row) => within(row).getAllByRole('gridcell')[0]?.querySelector('.item-name')?.textContent);
    expect(names()).toEqual(['z', 'a.txt', 'b.txt', 'file9.txt', 'file10.txt']);
    await user.click(screen.getByRole('button', { name: 'Size' }));
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['z', 'file9.txt', 'a.txt', 'file10.txt', 'b.txt']);
    await user.click(screen.getByRole('button', { name: 'Size' }));
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['z', 'b.txt', 'file10.txt', 'a.txt', 'file9.txt']);
    await user.click(screen.getByRole('button', { name: 'Modified' }));
    expect(names()).toEqual(['z', 'a.txt', 'b.txt', 'file10.txt', 'file9.txt']);
  });

  it('moves the selection with the arrow keys, Home and End, and opens with Enter', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    render(<ListWithState items={makeItems(30)} onOpen={(item) => opened.push(item.name)} />);
    await user.click(screen.getByText('Folder 0'));
    const selected = () =>
      screen.getByTestId('file-list-body').querySelector('[aria-selected="true"] .item-name')?.textContent;
    expect(selected()).toBe('Folder 0');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()).toBe('Folder 20');
    await user.keyboard('{ArrowUp}');
    expect(selected()).toBe('Folder 10');
    await user.keyboard('{Enter}');
    expect(opened).toEqual(['Folder 10']);
    // The last row is out of view; happy-dom cannot scroll, so check what the grid points at.
    await user.keyboard('{End}');
    expect(screen.getByTestId('file-list-body')).toHaveAttribute('aria-activedescendant', 'cell-1029-0');
    await user.keyboard('{Home}');
    expect(selected()).toBe('Folder 0');
  });

  it('is a valid grid: the grid holds focus and points at a cell of the selected row, which is announced as selected', async () => {
    const user = userEvent.setup();
    render(<ListWithState items={makeItems(5)} />);
    const grid = screen.getByRole('grid', { name: 'Contents of Test' });
    await user.tab();
    expect(grid).toHaveFocus();
    // Focusing the grid selects the first row, so there is always an active row to announce.
    const active = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    expect(active).toHaveAttribute('role', 'gridcell');
    expect(active?.closest('[role="row"]')).toHaveAttribute('aria-selected', 'true');
    expect(active?.closest('[role="rowgroup"]')?.parentElement).toBe(grid);
    // Only rows and row groups inside the grid (a placeholder is a sibling, never a child).
    for (const child of grid.children) expect(child).toHaveAttribute('role', 'rowgroup');
  });

  it('Left and Right move between the cells of the selected row, which stays selected; Up and Down keep the column', async () => {
    const user = userEvent.setup();
    render(<ListWithState items={makeItems(5)} />);
    const grid = screen.getByRole('grid', { name: 'Contents of Test' });
    await user.tab();
    const activeCell = () => document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    expect(activeCell()).toHaveClass('col-name');
    await user.keyboard('{ArrowRight}');
    expect(activeCell()).toHaveClass('col-modified');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(activeCell()).toHaveClass('col-size');
    await user.keyboard('{ArrowDown}');
    expect(activeCell()).toHaveClass('col-size');
    expect(activeCell()?.closest('[role="row"]')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(activeCell()).toHaveClass('col-name');
  });

  it('type-to-find: typing selects the next name that starts with the letters; a repeated letter cycles', async () => {
    const user = userEvent.setup();
    render(<ListWithState items={makeItems(30)} />);
    await user.click(screen.getByText('Folder 0'));
    const selected = () =>
      screen.getByTestId('file-list-body').querySelector('[aria-selected="true"] .item-name')?.textContent;
    await user.keyboard('report-2');
    expect(selected()).toBe('report-2.pdf');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await user.keyboard('f');
    expect(selected()).toBe('Folder 0');
    await user.keyboard('f');
    expect(selected()).toBe('Folder 10');
  });

  it('Space previews the selected file once the typed name has paused, and is part of a name while typing', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    render(<ListWithState items={makeItems(30)} onOpen={(item) => opened.push(item.name)} />);
    await user.click(screen.getByText('Folder 0'));
    await user.keyboard('report-2');
    await user.keyboard(' ');
    expect(opened).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await user.keyboard(' ');
    expect(opened).toEqual(['report-2.pdf']);
  });

  it('Page Down and Page Up move a screenful; the selection never leaves the list', async () => {
    const user = userEvent.setup();
    render(<ListWithState items={makeItems(30)} />);
    await user.click(screen.getByText('Folder 0'));
    const active = () => screen.getByTestId('file-list-body').getAttribute('aria-activedescendant');
    await user.keyboard('{PageDown}');
    const afterPage = Number(/^cell-(\d+)-0$/.exec(active() ?? '')?.[1]);
    expect(afterPage).toBeGreaterThan(1001);
    await user.keyboard('{PageDown}{PageDown}{PageDown}{PageDown}');
    await user.keyboard('{ArrowDown}');
    expect(active()).toMatch(/^cell-\d+-0$/);
    await user.keyboard('{PageUp}{PageUp}{PageUp}{PageUp}{PageUp}{PageUp}');
    expect(active()).toBe('cell-1000-0');
  });

  it('double-click opens; Backspace, Alt+Up, Alt+arrows, F2, Delete and the menu key become commands', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    const commands: ListCommand[] = [];
    render(
      <ListWithState
        items={makeItems(5)}
        onOpen={(item) => opened.push(item.name)}
        onCommand={(command) => commands.push(command)}
      />,
    );
    await user.dblClick(screen.getByText('report-3.pdf'));
    expect(opened).toEqual(['report-3.pdf']);
    await user.keyboard('{Backspace}{Alt>}{ArrowUp}{ArrowLeft}{ArrowRight}{/Alt}{F2}{Delete}{Shift>}{F10}{/Shift}');
    expect(commands).toEqual(['up', 'up', 'back', 'forward', 'rename', 'delete', 'menu']);
  });

  it('names each row with its kind for screen readers and shows sizes and dates readably', () => {
    render(
      <ListWithState
        items={[
          {
            id: '7',
            type: 'file',
            name: 'Q3.pdf',
            size: 1_250_000,
            modifiedAt: '2025-03-04T10:00:00Z',
            extension: 'pdf',
          },
        ]}
      />,
    );
    const row = bodyRows()[0];
    if (!row) throw new Error('no row');
    expect(row).toHaveTextContent('Q3.pdf, PDF document');
    expect(row).toHaveTextContent('1.2 MB');
    expect(row).toHaveTextContent('2025');
  });
});
