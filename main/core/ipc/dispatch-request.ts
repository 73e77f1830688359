import { AppError } from '../../../common/app-error.ts';
import { requestChannels, type IpcResult, type RequestChannel } from '../../../common/ipc-contract.ts';
import { ipcRequestSchemas } from '../../../common/ipc-request-schemas.ts';
import type { HandlerTable } from './handler-table.ts';
import { appError, isShown } from '../errors/error-catalog.ts';
import { loggableError } from '../security/loggable-error.ts';

/** Told about an unexpected failure, already as loggable text: secrets redacted, no error properties. */
export type InternalErrorReporter = (channel: string, description: string) => void;

function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && (requestChannels as readonly string[]).includes(channel);
}

/**
 * The single entry point for every renderer request, used by Electron's ipcMain and by the
 * browser shell alike: checks the channel against the contract, validates the payload,
 * runs the handler, and turns every outcome into an IpcResult. Unexpected errors are
 * reported to main's log (as redacted text: library errors carry request headers) and reach the renderer only as a generic `internal` error, so no
 * stack trace or secret crosses the boundary.
 */
export async function dispatchRequest(
  handlers: HandlerTable,
  channel: unknown,
  request: unknown,
  reportInternalError: InternalErrorReporter,
): Promise<IpcResult<unknown>> {
  if (!isRequestChannel(channel)) {
    return { ok: false, error: appError('unknown_channel', 'default').toInfo() };
  }
  const parsed = ipcRequestSchemas[channel].safeParse(request);
  if (!parsed.success) {
    return { ok: false, error: appError('invalid_request', 'malformed', { channel }).toInfo() };
  }
  try {
    // The channel/handler pairing is guaranteed by HandlerTable; TypeScript cannot correlate
    // the union here, so the handler is called through a widened signature.
    const handler = handlers[channel] as (request: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError && isShown(error.code)) return { ok: false, error: error.toInfo() };
    reportInternalError(channel, loggableError(error));
    return { ok: false, error: appError('internal', 'default').toInfo() };
  }
}
