/**
 * The help desk's report: version, OS, every effective setting with its source and lock,
 * the network path, the updater's state and recent errors. The whole text is redacted once more
 * at the end, so a secret that slipped into any field (a URL, an error) still never leaves.
 */
import os from 'node:os';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../../common/ipc-contract.ts';
import type { SessionState } from '../../../common/session-state.ts';
import type { UpdateStatus } from '../../../common/update-status.ts';
import type { ErrorLogEntry } from './error-log.ts';
import { redact } from './redact.ts';

export interface DiagnosticsInput {
  app: AppInfo;
  config: DesktopConfigState;
  session: SessionState;
  updates: UpdateStatus;
  /** How connections leave the machine; the corporate-networks work fills in proxies and CAs. */
  network: Record<string, string>;
  errors: ErrorLogEntry[];
  now: Date;
}

function settingsLines(config: DesktopConfigState): string[] {
  if (config.status === 'error') {
    const { file, field, message } = config.error;
    return [`configuration error: ${message}`, `  source: ${file ?? '(merged result)'}`, `  field: ${field ?? '-'}`];
  }
  const { effective } = config;
  return Object.entries(effective.config).map(([key, value]) => {
    const typedKey = key as keyof typeof effective.sources;
    const locked = effective.lockedKeys.includes(typedKey) ? ', locked' : '';
    const origin = effective.origins[typedKey] ?? '-';
    return `${key}: ${JSON.stringify(value)}  (${effective.sources[typedKey] ?? '-'}${locked}: ${origin})`;
  });
}

function sessionLine(session: SessionState): string {
  if (session.status === 'signed-in') return `signed in (Box user ${session.user.boxUserId})`;
  if (session.status === 'error') return `error ${session.code}: ${session.message}`;
  return session.status;
}

export function diagnosticsReport(input: DiagnosticsInput): string {
  const sections: [string, string[]][] = [
    ['App', [`${input.app.name} ${input.app.version} (${input.app.mode})`, `report time: ${input.now.toISOString()}`]],
    [
      'System',
      [
        `os: ${input.app.platform} ${os.release()} ${os.arch()}`,
        `locale: ${Intl.DateTimeFormat().resolvedOptions().locale}`,
        `time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`,
      ],
    ],
    ['Settings (value, source, where)', settingsLines(input.config)],
    ['Network', Object.entries(input.network).map(([key, value]) => `${key}: ${value}`)],
    ['Session', [sessionLine(input.session)]],
    // Values only: the field names ("state") would read as secret-bearing parameters to redact().
    ['Updates', [Object.values(input.updates).join(', ')]],
    [
      `Recent errors (${input.errors.length})`,
      input.errors.length === 0
        ? ['none']
        : input.errors.map(
            (entry) => `${entry.time} [${entry.area}]${entry.code ? ` ${entry.code}` : ''} ${entry.message}`,
          ),
    ],
  ];
  const text = sections.map(([title, lines]) => [`## ${title}`, ...lines].join('\n')).join('\n\n');
  return `${redact(`# Box SSO Desktop diagnostics\n\n${text}`)}\n`;
}
