import type { BoxItem, BoxSearchResult } from '../../../common/box-items.ts';
import type { MenuAction } from '../components/context-menu.tsx';
import { i18n } from '../i18n/i18n.ts';

export interface ItemMenuHandlers {
  open: (item: BoxItem) => void;
  openForEditing: (item: BoxItem) => void;
  details: (item: BoxItem) => void;
  reveal: (item: BoxSearchResult) => void;
  download: (item: BoxItem) => void;
  rename: (item: BoxItem) => void;
  remove: (item: BoxItem) => void;
  share: (item: BoxItem) => void;
  versions: (item: BoxItem) => void;
  newFolder: () => void;
  upload: () => void;
  refresh: () => void;
}

/** The context menu: actions on an item (with its shortcut), or on the folder itself when no item was hit. */
export function itemMenuActions(item: BoxItem | null, searching: boolean, on: ItemMenuHandlers): MenuAction[] {
  if (!item) {
    return [
      { id: 'new-folder', label: 'New folder…', shortcut: 'Ctrl+Shift+N', run: on.newFolder },
      { id: 'upload', label: 'Upload files…', run: on.upload },
      { id: 'refresh', label: 'Refresh', shortcut: 'F5', run: on.refresh },
    ];
  }
  return [
    { id: 'open', label: item.type === 'folder' ? 'Open' : 'Preview', shortcut: 'Enter', run: () => on.open(item) },
    ...(item.type === 'file'
      ? [{ id: 'edit', label: i18n.t('editing.openForEditing'), run: () => on.openForEditing(item) }]
      : []),
    ...(item.type === 'file' ? [{ id: 'details', label: 'Details', run: () => on.details(item) }] : []),
    ...(searching && 'path' in item
      ? [{ id: 'reveal', label: 'Show in folder', run: () => on.reveal(item as BoxSearchResult) }]
      : []),
    ...(item.type === 'file' ? [{ id: 'download', label: 'Download…', run: () => on.download(item) }] : []),
    ...(item.type !== 'web_link' ? [{ id: 'share', label: i18n.t('share.menu'), run: () => on.share(item) }] : []),
    ...(item.type === 'file' ? [{ id: 'versions', label: i18n.t('versions.menu'), run: () => on.versions(item) }] : []),
    { id: 'rename', label: 'Rename…', shortcut: 'F2', run: () => on.rename(item) },
    { id: 'delete', label: 'Delete…', shortcut: 'Del', danger: true, run: () => on.remove(item) },
  ];
}
