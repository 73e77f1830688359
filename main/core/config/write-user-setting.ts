/**
 * Saves one of the user's own settings into settings.json, validated by the same schema the
 * loader uses, written to a temporary file and renamed so that a crash never leaves half a file.
 * The change applies from the next start, like every other configuration source.
 */
import { rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../common/app-error.ts';
import { desktopSettingsLayerSchema, type DesktopSettingsLayer } from '../../../common/desktop-config-schema.ts';
import type { UserEditableSetting } from '../../../common/settings-overview.ts';
import { ConfigLoadError } from './config-load-error.ts';
import { readSettingsFile } from './read-settings-file.ts';

export async function writeUserSetting(
  file: string,
  key: UserEditableSetting,
  value: string | null,
  lockedKeys: readonly string[],
): Promise<void> {
  if (lockedKeys.includes(key)) {
    throw new AppError('invalid_request', 'This setting is set by your organization and cannot be changed here.');
  }
  let current: DesktopSettingsLayer;
  try {
    current = (await readSettingsFile(file, desktopSettingsLayerSchema)) ?? {};
  } catch (error) {
    if (!(error instanceof ConfigLoadError)) throw error;
    throw new AppError('invalid_request', `Your settings file cannot be updated: ${error.message}`);
  }
  const next: Record<string, unknown> = { ...current };
  if (value === null || value.trim() === '') delete next[key];
  else next[key] = value.trim();
  const result = desktopSettingsLayerSchema.safeParse(next);
  if (!result.success) {
    throw new AppError(
      'invalid_request',
      `That value cannot be used: ${result.error.issues[0]?.message ?? 'invalid'}.`,
    );
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
