import type { AppError } from '../../common/app-error.ts';
import { requestChannels } from '../../common/ipc-contract.ts';
import type { HandlerTable } from './ipc/handler-table.ts';

/**
 * The handler table when the configuration is broken: the app still starts and shows the
 * configuration error screen, and every action says why it cannot run (`error`, a
 * `config_invalid`) instead of falling back to some other configuration.
 */
export function createUnavailableHandlers(error: AppError): HandlerTable {
  const refuse = () => {
    throw error;
  };
  const handlers = Object.fromEntries(requestChannels.map((channel) => [channel, refuse]));
  return {
    // Every channel gets the same refusing handler; fromEntries cannot express that per-key typing.
    ...(handlers as unknown as HandlerTable),
    'session:get': () => ({ status: 'error', ...error.toInfo() }),
  };
}
