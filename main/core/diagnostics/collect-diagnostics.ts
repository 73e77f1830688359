import type { NetworkFacts } from '../../../common/network-facts.ts';
import { networkSummary } from '../network/network-summary.ts';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../../common/ipc-contract.ts';
import type { SessionState } from '../../../common/session-state.ts';
import type { UpdateStatus } from '../../../common/update-status.ts';
import { diagnosticsReport } from './diagnostics-report.ts';
import type { ErrorLog } from './error-log.ts';

/** What the core knows at the moment of the report, gathered into the redacted text. */
export function collectDiagnostics(sources: {
  app: AppInfo;
  config: DesktopConfigState;
  session: () => SessionState;
  updates: () => UpdateStatus;
  network?: () => NetworkFacts;
  errorLog?: ErrorLog | undefined;
}): () => Promise<string> {
  return async () =>
    diagnosticsReport({
      app: sources.app,
      config: sources.config,
      session: sources.session(),
      updates: sources.updates(),
      network: networkSummary(sources.network?.() ?? null),
      errors: (await sources.errorLog?.recent()) ?? [],
      now: new Date(),
    });
}
