import type { RequestChannel } from '../../../common/ipc-contract.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import type { UpdateService } from './update-service.ts';

export type UpdateChannel = Extract<RequestChannel, `updates:${string}`>;

export function createUpdateHandlers(updates: UpdateService): Pick<HandlerTable, UpdateChannel> {
  return {
    'updates:getStatus': () => updates.getStatus(),
    'updates:checkNow': () => updates.checkNow(),
  };
}
