/**
 * Saves one of the user's own settings into settings.json, validated by the same schema the
 * loader uses, written to a temporary file and renamed so that a crash never leaves half a file.
 * The change applies from the next start, like every other configuration source.
 */
import { rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { desktopSettingsLayerSchema, type DesktopSettingsLayer } from '../../../common/desktop-config-schema.ts';
import type { UserEditableSetting } from '../../../common/settings-overview.ts';
import { appError } from '../errors/error-catalog.ts';
import { ConfigLoadError } from './config-load-error.ts';
import { readSettingsFile } from './read-settings-file.ts';

export async function writeUserSetting(
  file: string,
  key: UserEditableSetting,
  value: string | null,
  lockedKeys: readonly string[],
): Promise<void> {
  if (lockedKeys.includes(key)) {
    throw appError('invalid_request', 'setting_locked');
  }
  let current: DesktopSettingsLayer;
  try {
    current = (await readSettingsFile(file, desktopSettingsLayerSchema)) ?? {};
  } catch (error) {
    if (!(error instanceof ConfigLoadError)) throw error;
    throw appError('invalid_request', 'settings_file', { file: error.info.file, text: error.info.message });
  }
  const next: Record<string, unknown> = { ...current };
  if (value === null || value.trim() === '') delete next[key];
  else next[key] = value.trim();
  const result = desktopSettingsLayerSchema.safeParse(next);
  if (!result.success) {
    throw appError('invalid_request', 'setting_value', { text: result.error.issues[0]?.message });
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
