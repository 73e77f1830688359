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
      {
        id: 'new-folder',
        label: i18n.t('menu.newFolder'),
        shortcut: i18n.t('menu.shortcutNewFolder'),
        run: on.newFolder,
      },
      { id: 'upload', label: i18n.t('menu.upload'), run: on.upload },
      { id: 'refresh', label: i18n.t('menu.refresh'), shortcut: i18n.t('menu.shortcutRefresh'), run: on.refresh },
    ];
  }
  return [
    {
      id: 'open',
      label: i18n.t(item.type === 'folder' ? 'menu.open' : 'menu.preview'),
      shortcut: i18n.t('menu.shortcutEnter'),
      run: () => on.open(item),
    },
    ...(item.type === 'file'
      ? [{ id: 'edit', label: i18n.t('editing.openForEditing'), run: () => on.openForEditing(item) }]
      : []),
    ...(item.type === 'file' ? [{ id: 'details', label: i18n.t('menu.details'), run: () => on.details(item) }] : []),
    ...(searching && 'path' in item
      ? [{ id: 'reveal', label: i18n.t('menu.reveal'), run: () => on.reveal(item as BoxSearchResult) }]
      : []),
    ...(item.type === 'file' ? [{ id: 'download', label: i18n.t('menu.download'), run: () => on.download(item) }] : []),
    ...(item.type !== 'web_link' ? [{ id: 'share', label: i18n.t('share.menu'), run: () => on.share(item) }] : []),
    ...(item.type === 'file' ? [{ id: 'versions', label: i18n.t('versions.menu'), run: () => on.versions(item) }] : []),
    { id: 'rename', label: i18n.t('menu.rename'), shortcut: i18n.t('menu.shortcutRename'), run: () => on.rename(item) },
    {
      id: 'delete',
      label: i18n.t('menu.delete'),
      shortcut: i18n.t('menu.shortcutDelete'),
      danger: true,
      run: () => on.remove(item),
    },
  ];
}
