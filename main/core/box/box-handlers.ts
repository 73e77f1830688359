import { appError } from '../errors/error-catalog.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import type { BoxService } from './box-service.ts';
import { createFileOperationHandlers } from './file-operation-handlers.ts';

export type BoxChannel = Extract<keyof HandlerTable, `box:${string}`>;
export type BoxHandlers = Pick<HandlerTable, BoxChannel>;

/**
 * The `box:*` part of the handler table. The service belongs to the signed-in session, so it
 * is looked up per request: after sign-out (null) every call says so instead of using a
 * stale user's token.
 */
export function createBoxHandlers(
  currentService: () => BoxService | null,
  copyText?: (text: string) => Promise<void> | void,
): BoxHandlers {
  const service = (): BoxService => {
    const current = currentService();
    if (!current) throw appError('not_signed_in', 'browse');
    return current;
  };
  return {
    'box:listFolder': (request) => service().listFolder(request),
    'box:getFolder': ({ folderId }) => service().getFolder(folderId),
    'box:search': (request) => service().search(request),
    'box:createFolder': ({ parentId, name }) => service().createFolder(parentId, name),
    'box:rename': ({ itemId, itemType, name }) => service().rename(itemId, itemType, name),
    'box:move': ({ itemId, itemType, parentId }) => service().move(itemId, itemType, parentId),
    'box:delete': async ({ itemId, itemType }) => {
      await service().delete(itemId, itemType);
      return null;
    },
    'box:getFileInfo': ({ fileId }) => service().getFileInfo(fileId),
    'box:getThumbnail': ({ fileId, of }) => service().getThumbnail(fileId, of),
    ...createFileOperationHandlers(service, copyText),
  };
}
