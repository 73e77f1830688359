/** A temp folder holding the three configuration files, written as a test needs them. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConfigFiles } from '../../../main/core/config/config-files.ts';
import { loadDesktopConfig } from '../../../main/core/config/load-desktop-config.ts';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';

export interface ConfigFixture {
  files: ConfigFiles;
  write(which: keyof ConfigFiles, content: unknown): Promise<void>;
  load(options?: { isDevelopment?: boolean; env?: NodeJS.ProcessEnv }): Promise<DesktopConfigState>;
  remove(): Promise<void>;
}

export async function createConfigFixture(): Promise<ConfigFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'desktop-config-'));
  const files: ConfigFiles = {
    policyFile: path.join(dir, 'etc', 'policy.json'),
    userSettingsFile: path.join(dir, 'user', 'settings.json'),
    bundledSettingsFile: path.join(dir, 'resources', 'bundled-settings.json'),
  };
  return {
    files,
    async write(which, content) {
      await mkdir(path.dirname(files[which]), { recursive: true });
      await writeFile(files[which], typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    },
    load: (options) =>
      loadDesktopConfig({ files, isDevelopment: options?.isDevelopment ?? false, env: options?.env ?? {} }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
