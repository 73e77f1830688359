/**
 * Multi-selection in the file list with the selection hook the screen uses: click, Ctrl/Cmd+click,
 * Shift+click and Shift+arrows, Ctrl+A and Escape, with aria-selected and aria-multiselectable as
 * the WAI-ARIA grid pattern has them, in a 10,000-item (virtualized) list.
 */
import { act, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { BoxItem } from '../../../common/box-items.ts';
import { FileList } from '../../../renderer/src/file-browser/file-list.tsx';
import { useSelection } from '../../../renderer/src/file-browser/use-selection.ts';
import { giveListAViewport } from './layout.ts';

const items: BoxItem[] = Array.from({ length: 10_000 }, (_, index) => ({
  id: String(5000 + index),
  type: 'file',
  name: `item-${String(index).padStart(5, '0')}.txt`,
  size: 10,
  modifiedAt: '2026-01-01T00:00:00Z',
  extension: 'txt',
}));

let selectedCount = -1;

function SelectableList() {
  const selection = useSelection(items);
  selectedCount = selection.count;
  return (
    <FileList
      label="Big"
      items={items}
      sort={{ key: 'name', direction: 'ascending' }}
      onSortChange={() => undefined}
      selectedId={selection.focusedId}
      onSelect={(item, how) => selection.select(item.id, how)}
      isSelected={selection.isSelected}
      onSelectAll={selection.selectAll}
      onClearSelection={selection.clear}
      onOpen={() => undefined}
      onContextMenu={() => undefined}
      onCommand={() => undefined}
    />
  );
}

const row = (index: number) => document.getElementById(`row-${items[index]!.id}`)!;
const selectedRows = () =>
  within(screen.getByTestId('file-list-body'))
    .queryAllByRole('row')
    .filter((element) => element.getAttribute('aria-selected') === 'true')
    .map((element) => element.id);

describe('FileList selection', () => {
  beforeAll(giveListAViewport);

  it('click selects one, Ctrl+click toggles, Shift+click selects the range from the anchor', async () => {
    const user = userEvent.setup();
    render(<SelectableList />);
    expect(screen.getByRole('grid', { name: 'Big' })).toHaveAttribute('aria-multiselectable', 'true');

    await user.click(row(1));
    expect(selectedRows()).toEqual([row(1).id]);
    await user.keyboard('{Control>}');
    await user.click(row(3));
    await user.keyboard('{/Control}');
    expect(selectedRows()).toEqual([row(1).id, row(3).id]);
    expect(row(2)).toHaveAttribute('aria-selected', 'false');

    await user.keyboard('{Shift>}');
    await user.click(row(6));
    await user.keyboard('{/Shift}');
    // The anchor is the last Ctrl+click (row 3): the range is 3…6, and row 1 is no longer selected.
    expect(selectedRows()).toEqual([3, 4, 5, 6].map((index) => row(index).id));
    // The grid points at the active row's first cell (its name), so a screen reader reads that cell.
    expect(screen.getByTestId('file-list-body')).toHaveAttribute('aria-activedescendant', `cell-${items[6]!.id}-0`);

    await user.keyboard('{Control>}');
    await user.click(row(4));
    await user.keyboard('{/Control}');
    expect(selectedRows()).toEqual([3, 5, 6].map((index) => row(index).id));
  });

  it('Shift+arrows extend from the anchor, Ctrl+A selects all 10,000, Escape clears, Ctrl+Space toggles', async () => {
    const user = userEvent.setup();
    render(<SelectableList />);
    const grid = screen.getByTestId('file-list-body');
    act(() => grid.focus());
    expect(selectedRows()).toEqual([row(0).id]);
    await user.keyboard('{ArrowDown}{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedRows()).toEqual([1, 2, 3].map((index) => row(index).id));
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(selectedRows()).toEqual([1, 2].map((index) => row(index).id));

    await user.keyboard('{Control>}a{/Control}');
    expect(selectedCount).toBe(10_000);
    await user.keyboard('{End}');
    // End selects the last row alone; the virtualized list scrolled to it.
    expect(selectedCount).toBe(1);
    await user.keyboard('{Shift>}{Home}{/Shift}');
    expect(selectedCount).toBe(10_000);

    await user.keyboard('{Escape}');
    expect(selectedCount).toBe(0);
    expect(selectedRows()).toEqual([]);
    // The keyboard stays on its row, which Ctrl+Space selects again.
    await user.keyboard('{Control>} {/Control}');
    expect(selectedCount).toBe(1);
    expect(selectedRows()).toEqual([row(0).id]);
  });
});
