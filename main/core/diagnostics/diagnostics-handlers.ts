import { writeFile } from 'node:fs/promises';
import type { RequestChannel } from '../../../common/ipc-contract.ts';
import { appError } from '../errors/error-catalog.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';

export type DiagnosticsChannel = Extract<RequestChannel, `diagnostics:${string}`>;

export interface DiagnosticsEffects {
  copyText?: (text: string) => Promise<void> | void;
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

export function diagnosticsFileName(now: Date): string {
  return `box-sso-desktop-diagnostics-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.txt`;
}

/** "Copy diagnostics" and "Save diagnostics…": they work even when the configuration is broken. */
export function createDiagnosticsHandlers(
  report: () => Promise<string>,
  effects: DiagnosticsEffects,
  now: () => Date = () => new Date(),
): Pick<HandlerTable, DiagnosticsChannel> {
  return {
    'diagnostics:copy': async () => {
      if (effects.copyText === undefined) throw appError('internal', 'default');
      await effects.copyText(await report());
    },
    'diagnostics:save': async () => {
      const file = await effects.chooseSavePath(diagnosticsFileName(now()));
      if (file === null) return null;
      await writeFile(file, await report(), { mode: 0o600 });
      return file;
    },
  };
}
