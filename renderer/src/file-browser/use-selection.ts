import { useCallback, useMemo, useState } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';

/** How a click or key changes the selection: the one item, one more or less, or a range from the anchor. */
export type SelectHow = 'only' | 'toggle' | 'range';

interface SelectionState {
  /** The row the keyboard is on (aria-activedescendant), selected or not. */
  focusedId: string | null;
  /** Where Shift+click and Shift+arrow ranges start. */
  anchorId: string | null;
  ids: ReadonlySet<string>;
}

const empty: SelectionState = { focusedId: null, anchorId: null, ids: new Set() };

/**
 * The file list's selection, as in a file manager: click selects one, Ctrl/Cmd+click toggles,
 * Shift+click (or Shift+arrows) selects the range from the anchor, Ctrl/Cmd+A all, Esc none. Ids
 * that are no longer among the rows (deleted, moved, another folder) do not count.
 */
export function useSelection(rows: readonly BoxItem[]) {
  const [state, setState] = useState<SelectionState>(empty);

  const select = useCallback(
    (id: string | null, how: SelectHow = 'only') =>
      setState((current) => {
        if (id === null) return empty;
        if (how === 'toggle') {
          const ids = new Set(current.ids);
          if (ids.has(id)) ids.delete(id);
          else ids.add(id);
          return { focusedId: id, anchorId: id, ids };
        }
        if (how === 'range') {
          const anchor = current.anchorId ?? id;
          const from = rows.findIndex((row) => row.id === anchor);
          const to = rows.findIndex((row) => row.id === id);
          if (from < 0 || to < 0) return { focusedId: id, anchorId: id, ids: new Set([id]) };
          const range = rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((row) => row.id);
          return { focusedId: id, anchorId: anchor, ids: new Set(range) };
        }
        return { focusedId: id, anchorId: id, ids: new Set([id]) };
      }),
    [rows],
  );

  const selectAll = useCallback(
    () =>
      setState((current) => ({
        focusedId: current.focusedId ?? rows[0]?.id ?? null,
        anchorId: current.anchorId ?? rows[0]?.id ?? null,
        ids: new Set(rows.map((row) => row.id)),
      })),
    [rows],
  );
  /** Esc: nothing selected; the keyboard stays on its row. */
  const clear = useCallback(() => setState((current) => ({ ...current, ids: new Set() })), []);

  const items = useMemo(() => rows.filter((row) => state.ids.has(row.id)), [rows, state.ids]);
  const isSelected = useCallback((id: string) => state.ids.has(id), [state.ids]);
  return { focusedId: state.focusedId, items, count: items.length, isSelected, select, selectAll, clear };
}

export type Selection = ReturnType<typeof useSelection>;
