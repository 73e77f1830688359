import { errorText } from '../i18n/error-text.ts';
import { useCallback, useEffect, useState } from 'react';
import type { BoxTrashedItem } from '../../../common/box-file-operations.ts';
import type { BoxItem } from '../../../common/box-items.ts';
import { asAppError, invoke } from '../ipc/bridge.ts';

export type TrashState =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: BoxTrashedItem[] };

/**
 * What a restore came to: back in place; its folder is gone and the user must choose one; or
 * its name is taken there and the user must choose another.
 */
export type RestoreOutcome = { restored: BoxItem } | { needsFolder: true } | { nameTaken: true };

/**
 * The trash's items (every page, Box's offset paging) and what can be done to them. A restore
 * or a permanent delete takes the item out of the list at once; a failure leaves it there and
 * is thrown for the caller to show.
 */
export function useTrash() {
  const [state, setState] = useState<TrashState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const load = async (): Promise<BoxTrashedItem[]> => {
      const items: BoxTrashedItem[] = [];
      for (;;) {
        const page = await invoke('box:listTrash', { offset: items.length });
        items.push(...page.items);
        if (page.items.length === 0 || items.length >= page.totalCount) return items;
      }
    };
    load().then(
      (items) => live && setState({ status: 'ready', items }),
      (error: unknown) => live && setState({ status: 'failed', message: errorText(asAppError(error)) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const drop = (id: string): void =>
    setState((current) =>
      current.status === 'ready' ? { status: 'ready', items: current.items.filter((item) => item.id !== id) } : current,
    );

  const restore = async (item: BoxTrashedItem, parentId?: string, newName?: string): Promise<RestoreOutcome> => {
    try {
      const restored = await invoke('box:restore', {
        itemId: item.id,
        itemType: item.type,
        ...(parentId === undefined ? {} : { parentId }),
        ...(newName === undefined ? {} : { newName }),
      });
      drop(item.id);
      return { restored };
    } catch (error) {
      const failure = asAppError(error);
      if (failure.code === 'box_restore_needs_folder') return { needsFolder: true };
      // A first try under its own name asks for another; a chosen name that is taken too is said under the field.
      if (failure.code === 'box_item_name_in_use' && newName === undefined) return { nameTaken: true };
      throw failure;
    }
  };

  const purge = async (item: BoxTrashedItem): Promise<void> => {
    await invoke('box:purge', { itemId: item.id, itemType: item.type });
    drop(item.id);
  };

  return {
    state,
    restore,
    purge,
    retry: useCallback(() => {
      setState({ status: 'loading' });
      setAttempt((value) => value + 1);
    }, []),
  };
}
