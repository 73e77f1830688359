import { appError } from '../errors/error-catalog.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import type { BoxService } from './box-service.ts';

export type FileOperationChannel =
  | 'box:listTrash'
  | 'box:restore'
  | 'box:purge'
  | 'box:listVersions'
  | 'box:promoteVersion'
  | 'box:getSharing'
  | 'box:setSharedLink'
  | 'box:removeSharedLink'
  | 'box:copySharedLink';

/**
 * Trash, versions and shared links: the `box:*` channels behind the Trash view, Version history
 * and Share. "Copy link" reads the link from Box here and puts it on the clipboard through the
 * shell's `copyText`, so a page can never make the app copy text of its choosing.
 */
export function createFileOperationHandlers(
  service: () => BoxService,
  copyText: ((text: string) => Promise<void> | void) | undefined,
): Pick<HandlerTable, FileOperationChannel> {
  return {
    'box:listTrash': ({ offset }) => service().listTrash({ offset }),
    'box:restore': ({ itemId, itemType, parentId, newName }) => service().restore(itemId, itemType, parentId, newName),
    'box:purge': async ({ itemId, itemType }) => {
      await service().purge(itemId, itemType);
      return null;
    },
    'box:listVersions': ({ fileId }) => service().listVersions(fileId),
    'box:promoteVersion': ({ fileId, versionId }) => service().promoteVersion(fileId, versionId),
    'box:getSharing': ({ itemId, itemType }) => service().getSharing(itemId, itemType),
    'box:setSharedLink': ({ itemId, itemType, settings }) => service().setSharedLink(itemId, itemType, settings),
    'box:removeSharedLink': async ({ itemId, itemType }) => {
      await service().removeSharedLink(itemId, itemType);
      return null;
    },
    'box:copySharedLink': async ({ itemId, itemType }) => {
      if (!copyText) throw appError('internal', 'default');
      const url = await service().sharedLinkUrl(itemId, itemType);
      if (url === null) throw appError('box_not_found', 'browse');
      await copyText(url);
    },
  };
}
