import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../../common/ipc-contract.ts';
import type { SessionState } from '../../../common/session-state.ts';
import type { UpdateStatus } from '../../../common/update-status.ts';
import { diagnosticsReport } from './diagnostics-report.ts';
import type { ErrorLog } from './error-log.ts';

/** The Network lines while no network exists: the configuration is broken, so nothing connects. */
export const networkPlaceholder: Record<string, string> = {
  Proxy: 'none yet: the configuration could not be read, so the app makes no connection',
  'Trusted certificates': 'none yet: the configuration could not be read',
};

/** What the core knows at the moment of the report, gathered into the redacted text. */
export function collectDiagnostics(sources: {
  app: AppInfo;
  config: DesktopConfigState;
  session: () => SessionState;
  updates: () => UpdateStatus;
  network?: () => Record<string, string>;
  errorLog?: ErrorLog | undefined;
}): () => Promise<string> {
  return async () =>
    diagnosticsReport({
      app: sources.app,
      config: sources.config,
      session: sources.session(),
      updates: sources.updates(),
      network: sources.network?.() ?? networkPlaceholder,
      errors: (await sources.errorLog?.recent()) ?? [],
      now: new Date(),
    });
}
