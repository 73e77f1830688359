import type { BulkNameClashQuestion } from '../../../common/bulk.ts';
import type { RequestChannel } from '../../../common/ipc-contract.ts';
import type { CoreEventBus } from '../ipc/event-bus.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import { QuestionBroker } from '../ipc/question-broker.ts';
import type { TransferDialogs } from '../transfers/transfer-handlers.ts';
import type { BulkClashReply } from './batch-clash-choice.ts';
import type { BulkService } from './bulk-service.ts';

export type BulkChannel = Extract<RequestChannel, `bulk:${string}`>;

/** Bulk name-clash questions go out as `bulk:nameClash`; `bulk:answerNameClash` settles them. */
export function createBulkClashBroker(
  events: Pick<CoreEventBus, 'emit'>,
): QuestionBroker<Omit<BulkNameClashQuestion, 'questionId'>, BulkClashReply> {
  return new QuestionBroker((question) => events.emit('bulk:nameClash', question));
}

/** The `bulk:*` part of the handler table. A download asks for its local folder here, in main. */
export function createBulkHandlers(
  service: BulkService,
  broker: QuestionBroker<Omit<BulkNameClashQuestion, 'questionId'>, BulkClashReply>,
  dialogs: Pick<TransferDialogs, 'chooseDownloadFolder'>,
): Pick<HandlerTable, BulkChannel> {
  return {
    'bulk:start': async (request) => {
      if (request.action === 'download') {
        const destination = await dialogs.chooseDownloadFolder();
        return destination === null ? null : service.start({ action: 'download', destination }, request.items);
      }
      return service.start(
        request.action === 'delete'
          ? { action: 'delete' }
          : { action: request.action, targetFolderId: request.targetFolderId },
        request.items,
      );
    },
    'bulk:retryFailed': ({ jobId }) => service.retryFailed(jobId),
    'bulk:undoDelete': ({ jobId }) => service.undoDelete(jobId),
    'bulk:stop': ({ jobId }) => service.stop(jobId),
    'bulk:answerNameClash': ({ questionId, choice, applyToAll }) => broker.settle(questionId, { choice, applyToAll }),
  };
}
