import type { NetworkFacts } from '../../../common/network-facts.ts';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import type { RequestChannel } from '../../../common/ipc-contract.ts';
import type { SettingsOverview } from '../../../common/settings-overview.ts';
import type { ErrorLog } from '../diagnostics/error-log.ts';
import { appError } from '../errors/error-catalog.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import { writeUserSetting } from './write-user-setting.ts';

export type SettingsChannel = Extract<RequestChannel, `settings:${string}`>;

/** The settings screen's channels: the overview, the user's own settings, clearing local storage. */
export function createSettingsHandlers(options: {
  config: DesktopConfigState;
  userSettingsFile: string | undefined;
  errorLog: ErrorLog | undefined;
  network: () => NetworkFacts;
}): Pick<HandlerTable, SettingsChannel> {
  let restartNeeded = false;
  const overview = async (): Promise<SettingsOverview> => {
    const log = await options.errorLog?.usage();
    return {
      network: options.network(),
      storage: log ? [{ id: 'error-log', label: 'Diagnostics error log', path: log.path, bytes: log.bytes }] : [],
      restartNeeded,
    };
  };
  return {
    'settings:getOverview': overview,
    'settings:setUserSetting': async ({ key, value }) => {
      if (options.userSettingsFile === undefined || options.config.status !== 'ok') {
        throw appError('internal', 'default');
      }
      await writeUserSetting(options.userSettingsFile, key, value, options.config.effective.lockedKeys);
      restartNeeded = true;
      return overview();
    },
    'settings:clearStorage': async () => {
      await options.errorLog?.clear();
      return overview();
    },
  };
}
