import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../common/ipc-contract.ts';
import type { SessionState } from '../../common/session-state.ts';
import { CoreEventBus } from './ipc/event-bus.ts';
import type { HandlerTable } from './ipc/handler-table.ts';

export interface CoreDependencies {
  appInfo: AppInfo;
  /** Loaded once at start-up by the shell; a configuration error is shown, never worked around. */
  config: DesktopConfigState;
}

/**
 * The main-process core: every service and the one handler table that both Electron's
 * ipcMain and the browser harness register. It never imports electron.
 */
export interface Core {
  handlers: HandlerTable;
  events: CoreEventBus;
  dispose(): Promise<void>;
}

export function createCore(dependencies: CoreDependencies): Core {
  const events = new CoreEventBus();
  const signedOut: SessionState = { status: 'signed-out' };
  const handlers: HandlerTable = {
    'app:getInfo': () => dependencies.appInfo,
    'session:get': () => signedOut,
    'config:get': () => dependencies.config,
  };
  return { handlers, events, dispose: () => Promise.resolve() };
}
