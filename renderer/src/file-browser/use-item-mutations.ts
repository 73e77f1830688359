import { AppError } from '../../../common/app-error.ts';
import type { BoxItem, BoxPathEntry } from '../../../common/box-items.ts';
import { invoke } from '../ipc/bridge.ts';
import type { Toast } from '../components/toasts.tsx';
import { i18n } from '../i18n/i18n.ts';

interface ItemMutationContext {
  /** The open folder: where new folders go. */
  folderId: string;
  /** Applies a change to the listed items without asking Box for the folder again. */
  updateListing: (change: (items: BoxItem[]) => BoxItem[]) => void;
  /** The rows as shown (sorted), to move the selection to a neighbour after a delete. */
  rows: readonly BoxItem[];
  /** Search results come from Box's index: after a change, ask again rather than patch them. */
  refreshSearch: () => void;
  select: (id: string | null) => void;
  closeDialog: () => void;
  show: (tone: Toast['tone'], message: string) => void;
  showError: (error: unknown) => void;
  focusList: () => void;
}

const itemTypeOf = (item: BoxItem): 'file' | 'folder' => (item.type === 'folder' ? 'folder' : 'file');

/** Errors about the typed name belong under the dialog's field; everything else becomes a toast. */
const nameErrorCodes = new Set(['box_item_name_in_use', 'box_item_name_invalid']);

/**
 * What the user changes in Box from the file list — create, rename, delete, move — and how each
 * shows in the list at once. `createFolder` and `rename` throw only name problems, for their
 * dialog to show under the field; every other failure closes the dialog with a toast.
 */
export function useItemMutations(context: ItemMutationContext) {
  const { folderId, updateListing, rows, refreshSearch, select, closeDialog, show, showError, focusList } = context;

  const keepingNameErrors =
    <Args extends unknown[]>(action: (...args: Args) => Promise<void>) =>
    async (...args: Args): Promise<void> => {
      try {
        await action(...args);
      } catch (error) {
        if (error instanceof AppError && nameErrorCodes.has(error.code)) throw error;
        closeDialog();
        showError(error);
      }
    };

  const createFolder = keepingNameErrors(async (name: string): Promise<void> => {
    const created = await invoke('box:createFolder', { parentId: folderId, name });
    updateListing((items) => [...items, created]);
    select(created.id);
    closeDialog();
    show('success', i18n.t('browser.created', { name }));
  });

  const rename = keepingNameErrors(async (item: BoxItem, name: string): Promise<void> => {
    const renamed = await invoke('box:rename', { itemId: item.id, itemType: itemTypeOf(item), name });
    updateListing((items) => items.map((entry) => (entry.id === item.id ? renamed : entry)));
    refreshSearch();
    closeDialog();
  });

  const remove = async (item: BoxItem): Promise<void> => {
    try {
      await invoke('box:delete', { itemId: item.id, itemType: itemTypeOf(item) });
      updateListing((items) => items.filter((entry) => entry.id !== item.id));
      refreshSearch();
      const index = rows.findIndex((entry) => entry.id === item.id);
      select(rows[index + 1]?.id ?? rows[index - 1]?.id ?? null);
      show('success', i18n.t('browser.trashed', { name: item.name }));
    } catch (error) {
      showError(error);
    }
    closeDialog();
    focusList();
  };

  const move = async (item: BoxItem, target: BoxPathEntry): Promise<void> => {
    try {
      await invoke('box:move', { itemId: item.id, itemType: itemTypeOf(item), parentId: target.id });
      updateListing((items) => items.filter((entry) => entry.id !== item.id));
      refreshSearch();
      show(
        'success',
        i18n.t('browser.moved', {
          name: item.name,
          target: target.id === '0' ? i18n.t('browser.allFiles') : target.name,
        }),
      );
    } catch (error) {
      showError(error);
    }
  };

  return { createFolder, rename, remove, move };
}
