import type { HandlerTable } from '../ipc/handler-table.ts';
import type { ErrorLog } from './error-log.ts';

/**
 * Every request that fails is kept in the error log (its channel as the area) before the failure
 * goes back to the renderer unchanged: the failures the user saw are the ones the help desk reads.
 */
export function recordHandlerFailures(handlers: HandlerTable, log: ErrorLog | undefined): HandlerTable {
  if (log === undefined) return handlers;
  const wrapped: Record<string, (request: never) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (request: never) => unknown][]) {
    wrapped[channel] = async (request) => {
      try {
        return await handler(request);
      } catch (error) {
        await log.record(channel, error);
        throw error;
      }
    };
  }
  // Same keys and signatures as the input; Object.entries loses the per-channel types.
  return wrapped as unknown as HandlerTable;
}
