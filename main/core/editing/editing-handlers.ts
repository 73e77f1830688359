import type { RequestChannel } from '../../../common/ipc-contract.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import type { EditingService } from './editing-service.ts';

export type EditingChannel = Extract<RequestChannel, `editing:${string}`>;

/** The `editing:*` part of the core's handler table. */
export function createEditingHandlers(editing: EditingService): Pick<HandlerTable, EditingChannel> {
  return {
    'editing:open': ({ fileId }) => editing.open(fileId),
    'editing:list': () => editing.list(),
    'editing:close': ({ fileId }) => editing.close(fileId),
  };
}
